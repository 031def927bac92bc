import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Milliseconds, MS_PER_DAY } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { checkEosAfterEri, checkNoDeliveryWhenHalted, pumpHistoryArb, runPumpHistory } from '../src/testing/index.ts';

describe('battery end of life', () => {
  it('REQ-BAT-01: EOS comes exactly 90 days after ERI, and delivery stops for good at EOS', () =>
    fc.assert(
      fc.property(pumpHistoryArb({ nearEndOfLife: true, maxWaitDays: 120 }), ({ input, commands }) => {
        // finish every history with a wait longer than any battery lasts at idle drain (Prometra-like: 10 years)
        const run = runPumpHistory(input, [...commands, { kind: 'wait', ms: 3800 * MS_PER_DAY }]);
        expect(checkEosAfterEri(run)).toEqual([]);
        expect(checkNoDeliveryWhenHalted(run)).toEqual([]);
        const last = run[run.length - 1]?.after;
        const { eriAt, eosAt } = last?.context.pump.battery ?? {};
        expect(eriAt).not.toBeNull();
        expect(eosAt).toBe((eriAt as Milliseconds) + 90 * MS_PER_DAY);
        // a memory error before EOS ends the pump's life first; the battery still reaches EOS on time
        if (last?.context.pump.memoryError) expect(['failed', 'endOfService']).toContain(last.value);
        else expect(last?.value).toBe('endOfService');
        const log = last === undefined ? [] : logEntries(last.context.pump.log);
        expect(log.find((e) => e.type === 'alarm.eri.raised')?.at).toBe(eriAt);
        expect(log.find((e) => e.type === 'alarm.eos.raised')?.at).toBe(eosAt);
      }),
    ));
});
