import { describe, expect, it } from 'vitest';
import {
  createOpioidParameters,
  createPainPatient,
  createZiconotideParameters,
  givePainDose,
  type Milliseconds,
} from '../src/index.ts';

const start = { at: 0 as Milliseconds, dailyDoseMcg: 0 };

describe('a trial dose by lumbar puncture', () => {
  it('puts ziconotide straight into the CSF: 5 mcg more there, nothing else changed', () => {
    const patient = createPainPatient(createZiconotideParameters(), start);
    if (patient.drug !== 'ziconotide') throw new Error('expected a ziconotide patient');
    const dosed = givePainDose(patient, 5);
    expect(dosed).toEqual({
      ...patient,
      state: { ...patient.state, drug: { ...patient.state.drug, csf: patient.state.drug.csf + 5 } },
    });
  });

  it('leaves morphine where it was given, to spread before it acts: 300 mcg more spreading', () => {
    const patient = createPainPatient(createOpioidParameters({ history: 'naive' }), start);
    if (patient.drug !== 'morphine') throw new Error('expected a morphine patient');
    const dosed = givePainDose(patient, 300);
    expect(dosed).toEqual({
      ...patient,
      state: { ...patient.state, drug: { ...patient.state.drug, spread: patient.state.drug.spread + 300 } },
    });
  });
});
