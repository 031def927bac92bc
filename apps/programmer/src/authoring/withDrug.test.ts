import { describe, expect, it } from 'vitest';
import { drugOfDoc, withDrug } from './withDrug.ts';

const baclofenExercise = {
  name: 'x',
  pump: {
    model: 'synchromed-ii-20',
    reservoir: { volumeMl: 20, drug: 'baclofen', concentrationMcgPerMl: 500 },
    therapy: { mode: 'simple', doseMcgPerDay: 300 },
  },
  patient: { origin: 'spinal', needMcgPerDay: 300 },
};

describe('withDrug: the pump of an exercise given another drug', () => {
  it('morphine: strength and dose in mg (its first stock strength, 10 mg/mL; 2 mg/day), a pain patient, tolerant', () => {
    const doc = withDrug(baclofenExercise, 'morphine');
    expect(doc.pump).toEqual({
      model: 'synchromed-ii-20',
      reservoir: { volumeMl: 20, drug: 'morphine', concentrationMgPerMl: 10 },
      therapy: { mode: 'simple', doseMgPerDay: 2 },
    });
    expect(doc.patient).toEqual({ condition: 'pain', opioidHistory: 'tolerant' });
    expect(drugOfDoc(doc)).toBe('morphine');
  });

  it('ziconotide: 25 mcg/mL and 2.4 mcg/day (its starting limit); a flex schedule keeps its times', () => {
    const flex = {
      ...baclofenExercise,
      pump: {
        ...baclofenExercise.pump,
        therapy: {
          mode: 'flex',
          steps: [
            { start: '00:00', doseMcgPerDay: 200 },
            { start: '08:00', doseMcgPerDay: 300 },
          ],
        },
      },
    };
    const doc = withDrug(flex, 'ziconotide') as { pump: { reservoir: unknown; therapy: unknown } };
    expect(doc.pump.reservoir).toEqual({ volumeMl: 20, drug: 'ziconotide', concentrationMcgPerMl: 25 });
    expect(doc.pump.therapy).toEqual({
      mode: 'flex',
      steps: [
        { start: '00:00', doseMcgPerDay: 2.4 },
        { start: '08:00', doseMcgPerDay: 2.4 },
      ],
    });
  });

  it('back to baclofen gives a spasticity patient; the same drug changes nothing; no patient stays none', () => {
    const back = withDrug(withDrug(baclofenExercise, 'morphine'), 'baclofen');
    expect(back.patient).toEqual({ origin: 'spinal' });
    expect((back.pump as { reservoir: unknown }).reservoir).toEqual({
      volumeMl: 20,
      drug: 'baclofen',
      concentrationMcgPerMl: 50,
    });
    expect(withDrug(baclofenExercise, 'baclofen')).toEqual(baclofenExercise);
    const { patient: _none, ...noPatient } = baclofenExercise;
    expect(withDrug(noPatient, 'morphine').patient).toBeUndefined();
  });

  it("drops the right plan's steps that dose the old drug, keeping the rest", () => {
    const withPlan = {
      ...baclofenExercise,
      training: {
        brief: 'b',
        plan: [
          { at: 'P1D', do: 'interrogate' },
          { at: 'P1DT1H', do: 'program', therapy: { mode: 'simple', doseMcgPerDay: 350 } },
          { at: 'P1DT2H', do: 'clinical.examine' },
        ],
      },
    };
    expect((withDrug(withPlan, 'morphine').training as { plan: unknown }).plan).toEqual([
      { at: 'P1D', do: 'interrogate' },
      { at: 'P1DT2H', do: 'clinical.examine' },
    ]);
  });
});
