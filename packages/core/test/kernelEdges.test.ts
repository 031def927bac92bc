import { describe, expect, it } from 'vitest';
import {
  advancePump,
  communicatorLink,
  createPumpState,
  createWorld,
  DEFAULT_REPLY_TIMEOUT_MS,
  EMPTY_DRAFT,
  finishDiff,
  flexStepAt,
  fluidAt,
  type McgPerMl,
  type Milliseconds,
  MS_PER_DAY,
  type Nanolitres,
  nextDueTime,
  pumpBeliefView,
  stallMotor,
  startBolus,
} from '../src/index.ts';
import { appendPortions } from '../src/pump/plugFlow.ts';
import { refillVisit } from '../src/pump/visits.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { disturbNext } from './worldActs.ts';

// Edges of the kernels that whole runs rarely reach, each with its expected figure.
const pump = (fields: Parameters<typeof buildPumpInput>[0] = {}) => createPumpState(buildPumpInput(fields));

describe('kernel edges', () => {
  it('a flex schedule with no step is a misuse', () => {
    expect(() => flexStepAt([], 0 as Milliseconds)).toThrow(/at least one step/);
  });

  it('a bolus is refused by a pump with a memory error', () => {
    const failed = { ...pump(), memoryError: true };
    const r = startBolus(failed, { kind: 'single', volume: 1_000 as Nanolitres, durationMs: 3_600_000 });
    expect(r).toEqual({
      ok: false,
      refusal: { code: 'pump.failed', message: 'The pump has a memory error and cannot deliver.' },
    });
  });

  it('an empty portion adds nothing to a tube', () => {
    const batch = { id: 9, volume: 10 as Nanolitres, masses: {} };
    expect(appendPortions([], [{ batch, from: 4, to: 4 }])).toEqual([]);
  });

  it('a stalled pump reads as stalled at interrogation', () => {
    expect(pumpBeliefView(stallMotor(pump(), null), 'running').state).toBe('stalled');
  });

  it('a refill with a new program stores it with the volume', () => {
    const program = simpleProgram(200, 1000);
    const r = refillVisit(pump({ reservoirVolume: 2_000_000 as Nanolitres }), {
      aspirate: 'all',
      inject: fluidAt(18_000_000 as Nanolitres, 1000 as McgPerMl),
      program,
    });
    expect(r.ok && r.value.pump.program).toEqual(program);
  });

  it('after EOS nothing more will happen in the pump', () => {
    const old = pump({ program: simpleProgram(250), ageAtStart: (2189 * MS_PER_DAY) as Milliseconds });
    const dead = advancePump(old, (200 * MS_PER_DAY) as Milliseconds);
    expect(dead.battery.eosAt).not.toBeNull();
    expect(nextDueTime(dead)).toBe(Number.POSITIVE_INFINITY);
  });

  it('the finish screen of a refill shows the reservoir at the pump’s own concentration', () => {
    const view = pumpBeliefView(pump(), 'running');
    const rows = finishDiff(view, { ...EMPTY_DRAFT, update: { calculatedReservoir: 10_000_000 as Nanolitres } });
    expect(rows.length).toBeGreaterThan(0);
  });

  it('a link profile saved before the reply timeout existed waits the default 5 s', () => {
    const { replyTimeoutMs: _dropped, ...older } = communicatorLink;
    const w = createWorld({ pump: buildPumpInput(), origin: 'spinal', linkProfile: older });
    disturbNext(w, 1, 0, 'late');
    w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    expect(DEFAULT_REPLY_TIMEOUT_MS).toBe(5000);
    expect(w.state().now).toBeGreaterThanOrEqual(DEFAULT_REPLY_TIMEOUT_MS);
  });
});
