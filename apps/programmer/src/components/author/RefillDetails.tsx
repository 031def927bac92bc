import { NEEDLE_WORDS } from '../../authoring/exerciseWords.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { NumberField } from './NumberField.tsx';

/** A colleague's refill: what went in, where the needle went, what they told the pump. */
export function RefillDetails({ path }: { readonly path: string }) {
  return (
    <>
      <NumberField path={`${path}.volumeMl`} label="Volume injected" unit="mL" />
      <NumberField path={`${path}.concentrationMcgPerMl`} label="Concentration injected" unit="mcg/mL" />
      <ChoiceField
        path={`${path}.needle`}
        label="Where the needle went"
        choices={NEEDLE_WORDS}
        unset="Into the reservoir (correct)"
      />
      <NumberField
        path={`${path}.entered.volumeMl`}
        label="Volume they told the pump"
        unit="mL"
        hint="Empty: what was injected."
      />
      <NumberField
        path={`${path}.entered.concentrationMcgPerMl`}
        label="Concentration they told the pump"
        unit="mcg/mL"
      />
    </>
  );
}
