import { describe, expect, it } from 'vitest';
import { daysToMs, fluidAt, massOf, mcgPerMl, type Nanolitres, pumpTruthView } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { buildPumpInput } from '../src/testing/index.ts';
import { refillAt } from './refillAt.ts';

const MCG = 1_000_000;

describe('where the needle really is', () => {
  it('a pocket fill of 19 mL at 500 mcg/mL puts 9500 mcg in the pocket while the pump counts 19 mL more than is there', () => {
    const sim = createSimulation(buildPumpInput({ reservoirVolume: 1_000_000 as Nanolitres }));
    const before = pumpTruthView(sim.pumpState()).reservoir.volume;
    const result = refillAt(sim, {
      aspirate: 0 as Nanolitres,
      inject: fluidAt(19_000_000 as Nanolitres, mcgPerMl(500)),
      site: 'pocket',
    });
    expect(result.ok).toBe(true);
    const truth = pumpTruthView(sim.pumpState());
    expect(truth.sinks.pocket).toEqual({ volume: 19_000_000, masses: { baclofen: 9500 * MCG } });
    expect(sim.pumpState().belief.calculatedReservoir - truth.reservoir.volume).toBe(19_000_000);
    expect(truth.reservoir.volume).toBe(before);
    // the pump saw a normal refill: its low-reservoir alarm (1 mL left) clears as if 19 mL had gone in
    expect(logEntries(sim.pumpState().log).map((e) => e.type)).toEqual([
      'alarm.lowReservoir.raised',
      'update.begun',
      'pump.stopped',
      'refill.recorded',
      'alarm.lowReservoir.cleared',
      'pump.started',
    ]);
  });

  it('an injection into the catheter access port goes straight down the catheter and out of the tip at once', () => {
    // 0.104 mL of catheter holding 500 mcg/mL; 2 mL at 2000 mcg/mL through the port
    const sim = createSimulation(buildPumpInput());
    sim.send({
      type: 'injection.give',
      site: 'catheterAccessPort',
      fluid: fluidAt(2_000_000 as Nanolitres, mcgPerMl(2000)),
    });
    const truth = pumpTruthView(sim.pumpState());
    // out of the tip: the old catheter contents (52 mcg) and 1.896 mL of the injection (3792 mcg)
    expect(truth.delivered).toEqual({ volume: 2_000_000, masses: { baclofen: 52 * MCG + 3792 * MCG } });
    expect(truth.catheter).toEqual({ volume: 104_000, masses: { baclofen: 104_000 * 2000 } });
    expect(sim.pumpState().belief.calculatedReservoir).toBe(20_000_000);
  });

  it('a refill that would overfill is refused whole: no session opened, nothing injected', () => {
    const sim = createSimulation(buildPumpInput({ reservoirVolume: 10_000_000 as Nanolitres }));
    sim.advanceTo(daysToMs(1));
    const result = refillAt(sim, {
      aspirate: 0 as Nanolitres,
      inject: fluidAt(10_600_000 as Nanolitres, mcgPerMl(500)),
    });
    expect(result.ok).toBe(false);
    expect(sim.lifecycle()).toBe('running');
    expect(logEntries(sim.pumpState().log)).toEqual([]);
  });
});

describe('rinse', () => {
  it('empty, fill, empty, fill dilutes the old drug left in the dead space', () => {
    const sim = createSimulation(
      buildPumpInput({ program: { ...buildPumpInput().program, concentration: mcgPerMl(2000) } }),
    );
    const fill = fluidAt(10_000_000 as Nanolitres, mcgPerMl(500));
    // the 1.4 mL of dead space at 2000 mcg/mL mixes with each fill
    expect(refillAt(sim, { aspirate: 'all', inject: fill }).ok).toBe(true);
    const once = pumpTruthView(sim.pumpState()).reservoir;
    expect(once).toEqual({ volume: 11_400_000, masses: { baclofen: 1_400_000 * 2000 + 10_000_000 * 500 } });
    expect(refillAt(sim, { aspirate: 'all', inject: fill }).ok).toBe(true);
    const twice = pumpTruthView(sim.pumpState()).reservoir;
    // 1.4 mL of the first mixture (684.2 mcg/mL) plus 10 mL at 500: 522.6 mcg/mL
    expect(twice.volume).toBe(11_400_000);
    expect(Math.round((massOf(twice, 'baclofen') / twice.volume) * 10) / 10).toBe(522.6);
  });
});
