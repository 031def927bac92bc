import { getAt } from '../../authoring/draftPath.ts';
import { FAULT_KIND_WORDS } from '../../authoring/exerciseWords.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { NumberField } from './NumberField.tsx';
import { SpanField } from './SpanField.tsx';
import { WhenField } from './WhenField.tsx';

/** A fault's kind and how bad it is. */
export function FaultDetails({ path, kind }: { readonly path: string; readonly kind: string }) {
  return (
    <>
      <FaultKindField path={path} />
      {kind === 'catheterOcclusion' ? (
        <NumberField
          path={`${path}.blockedPercent`}
          label="How much of the flow is blocked"
          unit="%"
          hint="Empty: fully blocked."
        />
      ) : null}
      {kind === 'catheterKink' ? (
        <>
          <p className="muted">
            A kink that comes and goes (with posture, at night) blocks the flow at the start of every cycle. Leave both
            empty: kinked all the time.
          </p>
          <SpanField path={`${path}.period`} label="Each cycle lasts" unit="hours" />
          <NumberField path={`${path}.kinkedPercent`} label="Kinked for this share of each cycle" unit="%" />
        </>
      ) : null}
      {kind === 'catheterLeak' ? (
        <NumberField path={`${path}.escapePercent`} label="How much of the flow leaks out" unit="%" />
      ) : null}
      {kind === 'catheterDisconnect' || kind === 'catheterLeak' ? (
        <NumberField path={`${path}.atCm`} label="Where along the catheter" unit="cm from the pump" />
      ) : null}
      {kind === 'tipMigration' ? (
        <ChoiceField
          path={`${path}.tip`}
          label="Where the tip moves to"
          choices={[
            ['subdural', 'Subdural'],
            ['epidural', 'Epidural'],
            ['subcutaneous', 'Subcutaneous'],
          ]}
        />
      ) : null}
      <WhenField
        path={`${path}.until`}
        label="The fault stops"
        optional
        hint="Leave the day empty: it lasts to the end."
      />
    </>
  );
}

/** Which fault: choosing another keeps when it starts and stops, and drops the details of the one before. */
function FaultKindField({ path }: { readonly path: string }) {
  const { doc, set } = useDraft();
  const fault = (getAt(doc, path) ?? {}) as Record<string, unknown>;
  return (
    <FieldFrame path={`${path}.kind`} label="Fault">
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={String(fault.kind ?? '')}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) =>
            set(path, {
              at: fault.at,
              action: 'fault',
              kind: e.target.value,
              ...(fault.until === undefined ? {} : { until: fault.until }),
            })
          }
        >
          {FAULT_KIND_WORDS.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
