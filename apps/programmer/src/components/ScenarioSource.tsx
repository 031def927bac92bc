import { type ChangeEvent, useId, useState } from 'react';
import type { ScenarioSourceText } from '../simulation/worldDoor.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

/** Largest scenario file the app reads. */
const MAX_SCENARIO_BYTES = 2_000_000;

/** A scenario file bundled with the app, by name. */
export interface BundledScenario {
  readonly file: string;
  readonly label: string;
  readonly text: string;
}

/**
 * Choosing a scenario: from a bundled list or from a file (YAML or JSON). The door validates it
 * like any scenario, and a bad one gets the door's messages (file, path, expected, found) with
 * nothing opened.
 */
export function ScenarioSource({
  entries,
  listLabel,
  openLabel,
  fileLabel,
  testId,
  onOpen,
  replaces = null,
}: {
  readonly entries: readonly BundledScenario[];
  readonly listLabel: string;
  readonly openLabel: string;
  readonly fileLabel: string;
  /** Test id of the problems list. */
  readonly testId: string;
  /** What opening it would replace, asked before it does; null when nothing would be lost. */
  readonly replaces?: string | null;
  /** Opens it; resolves with the problems that kept it from opening (none when it opened). */
  readonly onOpen: (source: ScenarioSourceText) => Promise<readonly string[]>;
}) {
  const [choice, setChoice] = useState(entries[0]?.file ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const selectId = useId();
  const fileId = useId();
  const open = (text: string, file: string) => {
    setProblems([]);
    void onOpen({ text, file }).then((refused) => setProblems([...refused]));
  };
  const openChoice = () => {
    const entry = entries.find((e) => e.file === choice);
    if (entry) open(entry.text, entry.file);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file === undefined) return;
    if (file.size > MAX_SCENARIO_BYTES) {
      setProblems([`${file.name}: (document): expected a scenario file of at most 2 MB, found ${file.size} bytes`]);
      return;
    }
    open(await file.text(), file.name);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>{listLabel}</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {entries.map((e) => (
            <option key={e.file} value={e.file}>
              {e.label}
            </option>
          ))}
        </select>
        {replaces === null ? (
          <button type="button" onClick={openChoice}>
            {openLabel}
          </button>
        ) : (
          <ConfirmButton
            label={openLabel}
            question={replaces}
            confirmLabel={`Yes, ${openLabel.toLowerCase()}`}
            onConfirm={openChoice}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor={fileId}>{fileLabel}</label>
        <input id={fileId} type="file" accept=".yaml,.yml,.json" onChange={onFile} />
      </div>
      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid={testId}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </>
  );
}
