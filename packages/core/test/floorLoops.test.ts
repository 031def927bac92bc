import { describe, expect, it } from 'vitest';
import { LIFETIME_HISTORY, type LifetimeTotals, minimalEventLoop, oneMinuteLoop } from '../bench/floorLoops.ts';
import { runHistory } from '../bench/lifetimeHistory.ts';
import { daysToMs, reservoirVolume } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';

// The bench's floors (#18) compute the seven-year history with the same integer physics, written
// plainly; they must give the engine's totals exactly, or their timings compare nothing.
function engineTotals(): LifetimeTotals {
  const { state } = runHistory(daysToMs(7 * 365), { kind: 'event' });
  return {
    endMs: state.now,
    deliveredNl: state.truth.sinks.csf.volume,
    calculatedNl: state.belief.calculatedReservoir,
    realNl: reservoirVolume(state.truth.path.reservoir),
    eriAtMs: state.battery.eriAt,
    eosAtMs: state.battery.eosAt,
    refills: logEntries(state.log).filter((e) => e.type === 'refill.recorded').length,
  };
}

describe('the bench floors agree with the engine', () => {
  it('the minimal event loop and the one-minute loop give the seven-year totals of the engine', () => {
    const engine = engineTotals();
    expect(engine.eosAtMs).not.toBeNull(); // the history reaches end of service
    expect(minimalEventLoop()).toEqual(engine);
    expect(oneMinuteLoop()).toEqual(engine);
  });

  it('agree with each other on a history that ends before ERI', () => {
    const short = { ...LIFETIME_HISTORY, untilMs: daysToMs(200) };
    expect(oneMinuteLoop(short)).toEqual(minimalEventLoop(short));
    expect(minimalEventLoop(short).eriAtMs).toBeNull();
  });
});
