import { describe, expect, it } from 'vitest';
import { abandonRefill, createPumpState, type McgPerMl, type Nanolitres, pumpBeliefView } from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

// A 20 mL pump believed full of 500 mcg/mL at 250 mcg/day, as last interrogated.
const view = pumpBeliefView(createPumpState(buildPumpInput({ program: simpleProgram(250) })), 'running');
const ml = (x: number) => Math.round(x * 1_000_000) as Nanolitres;

describe('abandoning a refill after the needle acted', () => {
  it('names the hidden concentration: 18 mL of 2000 mcg/mL into 1.4 mL of 500 is about 1892 mcg/mL, 3.8 times the dose', () => {
    // (1.4 x 500 + 18 x 2000) / 19.4 = 36 700 / 19.4 = 1891.75 mcg/mL; / 500 = 3.78
    const a = abandonRefill(view, { aspirated: ml(18.6), injected: ml(18), concentration: 2000 as McgPerMl });
    expect(a.doseFactor).toBeCloseTo(3.7835, 4);
    expect(a.message).toBe(
      'What was done at the pump cannot be undone: 18.60 mL aspirated and 18.00 mL of 2000 mcg/mL injected. The pump still believes it holds 20.00 mL of 500 mcg/mL. The reservoir now holds about 1892 mcg/mL: the pump would deliver 3.8 times the programmed dose. Record what is in the pump, or stop the pump until it is refilled.',
    );
    // something new went in: finish the refill to record it; or stop
    expect(a.record).toBeNull();
    expect(a.stop.update.program?.therapy).toEqual({ mode: 'stopped' });
  });

  it('after aspiration alone, offers to record the 1.4 mL really left, which runs dry before the alarm otherwise', () => {
    const a = abandonRefill(view, { aspirated: ml(18.6), injected: 0 as Nanolitres, concentration: 500 as McgPerMl });
    expect(a.doseFactor).toBe(1);
    expect(a.message).toContain(
      'The reservoir now holds 1.40 mL: the pump would run dry before its low-reservoir alarm.',
    );
    expect(a.record?.update).toEqual({ calculatedReservoir: ml(1.4) });
  });

  it('says nothing of danger when what went in matches what the pump believes', () => {
    // aspiration leaves the 1.4 mL dead space; 1.4 + 18.6 is the 20 mL the pump believes
    const a = abandonRefill(view, { aspirated: ml(18.6), injected: ml(18.6), concentration: 500 as McgPerMl });
    expect(a.doseFactor).toBe(1);
    expect(a.message).toBe(
      'What was done at the pump cannot be undone: 18.60 mL aspirated and 18.60 mL of 500 mcg/mL injected. The pump still believes it holds 20.00 mL of 500 mcg/mL. Record what is in the pump, or stop the pump until it is refilled.',
    );
  });

  it('a weaker drug injected gives a share of the dose; everything out and nothing in keeps the concentration', () => {
    // (1.4 x 500 + 18 x 50) / 19.4 = 82.5 mcg/mL, 16 % of the dose
    const weaker = abandonRefill(view, { aspirated: ml(18.6), injected: ml(18), concentration: 50 as McgPerMl });
    expect(weaker.message).toContain('the pump would deliver 16 % of the programmed dose.');
    const emptied = abandonRefill(view, {
      aspirated: ml(25),
      injected: 0 as Nanolitres,
      concentration: 500 as McgPerMl,
    });
    expect(emptied.doseFactor).toBe(1);
  });

  it('nothing came back and nothing went in: no strength is known but the believed one, and 0 mL to record', () => {
    const a = abandonRefill(view, {
      aspirated: 0 as Nanolitres,
      injected: 0 as Nanolitres,
      concentration: 500 as McgPerMl,
    });
    expect(a.doseFactor).toBe(1);
    expect(a.message).toBe(
      'What was done at the pump cannot be undone: 0.00 mL aspirated. The pump still believes it holds 20.00 mL of 500 mcg/mL. The reservoir now holds 0.00 mL: the pump would run dry before its low-reservoir alarm. Record what is in the pump, or stop the pump until it is refilled.',
    );
    expect(a.record?.update).toEqual({ calculatedReservoir: 0 });
    expect(a.stop.update.program?.concentration).toBe(500);
  });
});
