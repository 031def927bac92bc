import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, createActor } from 'xstate';
import { getAdjacencyMap, getShortestPaths, toDirectedGraph } from 'xstate/graph';
import {
  createPumpState,
  type Draft,
  daysToMs,
  EMPTY_DRAFT,
  isDraftClear,
  type McgPerMl,
  type Milliseconds,
  type Nanolitres,
  type PumpEvent,
  type PumpState,
  pumpBeliefView,
  type SessionEvent,
  sessionMachine,
} from '../src/index.ts';
import { pumpMachine as typedPumpMachine } from '../src/pump/pumpMachine.ts';

/** The pump machine as the graph utilities take it (their types know nothing of emitted events). */
const pumpMachine: AnyStateMachine = typedPumpMachine;

import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { bigMasses, conditionsOf, contentsOf } from './reference/pumpReadings.ts';
import { guardRailsPassed } from './sessionModel.ts';

interface Edge {
  readonly source: string;
  readonly event: string;
  readonly target: string;
}

/** Every state node and every transition the machine declares (its graph). */
function declared(machine: AnyStateMachine): { states: string[]; edges: Edge[] } {
  const states: string[] = [];
  const edges: Edge[] = [];
  const walk = (node: ReturnType<typeof toDirectedGraph>) => {
    if (node.children.length === 0 && node.id !== machine.id) states.push(node.id.replace(`${machine.id}.`, ''));
    for (const e of node.edges) {
      edges.push({
        source: e.source.id.replace(`${machine.id}.`, ''),
        event: e.label.text,
        target: e.target.id.replace(`${machine.id}.`, ''),
      });
    }
    node.children.forEach(walk);
  };
  walk(toDirectedGraph(machine));
  return { states, edges };
}

/** Which declared states and transitions a traversal reached, printed as coverage. */
function coverage(name: string, machine: AnyStateMachine, ...adjacencies: ReturnType<typeof getAdjacencyMap>[]) {
  const { states, edges } = declared(machine);
  const reachedStates = new Set<string>();
  const reachedEdges = new Set<string>();
  for (const { state, transitions } of adjacencies.flatMap((a) => Object.values(a))) {
    const from = String((state as { value: unknown }).value);
    reachedStates.add(from);
    for (const t of Object.values(transitions) as { state: { value: unknown }; event: { type: string } }[]) {
      const to = String(t.state.value);
      reachedStates.add(to);
      reachedEdges.add(`${from} --${t.event.type}--> ${to}`);
    }
  }
  const key = (e: Edge) => `${e.source} --${e.event}--> ${e.target}`;
  // eventless (always) transitions are reached when the state they lead to is entered from their source
  const reached = [...reachedEdges];
  const covered = edges.filter(
    (e) =>
      reachedEdges.has(key(e)) ||
      // a transition declared on the machine itself can be taken from any state
      (e.source === machine.id &&
        reached.some(
          (r) => r.includes(` --${e.event}--> `) && (e.target === machine.id || r.endsWith(`--> ${e.target}`)),
        )) ||
      (e.event !== 'always' &&
        e.source === e.target &&
        [...reachedEdges].some((r) => r.startsWith(`${e.source} --${e.event}-->`))) ||
      (e.event === 'always' &&
        [...reachedEdges].some((r) => r.startsWith(`${e.source} --`) && r.endsWith(`--> ${e.target}`))) ||
      (e.event === 'always' && [...reachedEdges].some((r) => r.endsWith(`--> ${e.target}`))),
  );
  const missing = edges.filter((e) => !covered.includes(e)).map(key);
  console.log(
    `${name}: states ${states.filter((s) => reachedStates.has(s)).length}/${states.length}, transitions ${covered.length}/${edges.length}${missing.length ? `; not reached: ${missing.join(', ')}` : ''}`,
  );
  return { states, reachedStates, missing };
}

describe('path coverage from the machine graphs', () => {
  it('the programmer session: every state and transition is reached, and every shortest path replays', () => {
    const view = pumpBeliefView(createPumpState(buildPumpInput()), 'running');
    const draft = (mcg: number): Draft => ({ ...EMPTY_DRAFT, update: { program: simpleProgram(mcg) } });
    const events: SessionEvent[] = [
      { type: 'session.connect' },
      { type: 'session.disconnect' },
      { type: 'link.up' },
      { type: 'link.down', failure: 'dropped' },
      { type: 'telemetry.report', view },
      { type: 'telemetry.report', view: { ...view, therapy: simpleProgram(300).therapy } },
      { type: 'workflow.start', workflow: 'doseChange' },
      { type: 'workflow.start', workflow: 'refill' },
      { type: 'workflow.cancel' },
      { type: 'refill.aspirated', volume: 0 as Nanolitres },
      { type: 'refill.aspirated', volume: 18_600_000 as Nanolitres },
      { type: 'refill.injected', volume: 18_000_000 as Nanolitres, concentration: 500 as McgPerMl },
      { type: 'finding.confirm', code: 'refill.shortAspiration' },
      { type: 'finding.confirm', code: 'therapy.restart' },
      { type: 'draft.change', draft: draft(300) },
      { type: 'draft.change', draft: draft(330) },
      { type: 'draft.change', draft: draft(25) },
      { type: 'finding.confirm', code: 'dose.titrationStep' },
      { type: 'draft.reenter', draft: draft(25) },
      { type: 'review.open' },
      { type: 'review.back' },
      { type: 'review.confirm' },
      { type: 'message.delivered' },
      { type: 'message.refused', refusal: { code: 'pump.endOfService', message: 'end of service' } },
      { type: 'session.verify' },
      { type: 'session.retry' },
      { type: 'therapy.restart' },
    ];
    // a replacement, traversed apart (with the whole alphabet the graph grows past the limit): the
    // old pump at ERI, the Replacement workflow, the new pump (its own serial) read and filled
    const replacementEvents: SessionEvent[] = [
      { type: 'session.connect' },
      { type: 'link.up' },
      { type: 'link.down', failure: 'dropped' },
      { type: 'telemetry.report', view: { ...view, alarms: { ...view.alarms, eri: true } } },
      { type: 'workflow.start', workflow: 'replacement' },
      { type: 'replacement.readNew' },
      { type: 'telemetry.report', view: { ...view, serial: 'SIM-NEW' } },
      { type: 'refill.aspirated', volume: 0 as Nanolitres },
      { type: 'workflow.cancel' },
    ];
    const serializeState = (s: ReturnType<typeof sessionMachine.transition>) => {
      const c = s.context;
      return JSON.stringify([
        s.value,
        c.incomplete,
        isDraftClear(c),
        c.draft === EMPTY_DRAFT,
        c.sent,
        c.plan.length,
        c.view === null,
        c.findings.length,
        c.acknowledged.length,
        c.reentered,
        c.workflow,
        c.refill === null ? null : [c.refill.aspirated === null, c.refill.injected === null],
        c.reviewed === null,
        c.replacement == null ? null : [c.replacement.done, c.replacement.old.serial],
      ]);
    };
    const replacementState = (s: ReturnType<typeof sessionMachine.transition>) =>
      JSON.stringify([
        serializeState(s),
        s.context.view === null ? null : [s.context.view.alarms.eri, s.context.view.serial],
      ]);
    const options = { events, serializeState, input: { origin: 'spinal' as const }, limit: 100_000 };
    const adjacency = getAdjacencyMap(sessionMachine, options);
    const replacing = getAdjacencyMap(sessionMachine, {
      ...options,
      events: replacementEvents,
      serializeState: replacementState,
    });
    const { states, reachedStates, missing } = coverage('programmer session', sessionMachine, adjacency, replacing);
    expect(states.every((s) => reachedStates.has(s))).toBe(true);
    expect(missing).toEqual([]);
    const paths = getShortestPaths(sessionMachine, options);
    let sends = 0;
    for (const path of paths) {
      const actor = createActor(sessionMachine, { input: { origin: 'spinal' } }).start();
      for (const step of path.steps) {
        const before = actor.getSnapshot();
        actor.send(step.event);
        // REQ-SES-03, judged apart from the machine's guard: a send leaves the finish screen only
        // with every finding passed
        if (before.value === 'finish' && step.event.type === 'review.confirm') {
          expect(guardRailsPassed(before.context)).toBe(true);
          sends += 1;
        }
      }
      expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state));
    }
    expect(sends).toBeGreaterThan(0);
    console.log(`programmer session: ${paths.length} shortest paths replayed on a real actor`);
  });

  it('the pump: every state and transition is reached, and every shortest path replays', () => {
    const input = buildPumpInput({ ageAtStart: daysToMs(2000) });
    const prometra = buildPumpInput({ profileId: 'prometra-ii-20', ageAtStart: daysToMs(2000) });
    const events = (s: ReturnType<typeof pumpMachine.transition>): PumpEvent[] => [
      {
        type: 'injection.give',
        site: 'reservoir',
        fluid: { volume: 1_000 as Nanolitres, masses: { baclofen: 500_000 as never } },
      },
      { type: 'reservoir.aspirate', volume: 'all' },
      { type: 'fault.catheter.start', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } },
      { type: 'fault.catheter.end', kind: 'occlusion' },
      { type: 'fault.motorStall', recoversAt: (s.context.pump.now + daysToMs(1)) as Milliseconds },
      { type: 'time.advance', to: (s.context.pump.now + daysToMs(30)) as Milliseconds },
      { type: 'time.advance', to: (s.context.pump.now + daysToMs(400)) as Milliseconds },
      { type: 'update.begin' },
      { type: 'update.commit', update: { program: simpleProgram(300) } },
      { type: 'update.commit', update: { calculatedReservoir: 99_000_000 as Nanolitres } },
      { type: 'update.abort' },
      { type: 'therapy.stop' },
      { type: 'therapy.start' },
      { type: 'bolus.start', bolus: { kind: 'single', volume: 50_000 as Nanolitres, durationMs: 3_600_000 } },
      { type: 'bolus.cancel' },
      { type: 'ptm.press' },
      { type: 'fault.lowBatteryReset' },
      { type: 'fault.memoryError' },
      { type: 'mri.scan', scan: { durationMs: 3_600_000, fieldMilliTesla: 1500, recoveryDelayMs: 0 } },
      { type: 'telemetry.interrogate' },
      { type: 'alarm.test' },
      {
        type: 'visit.refill',
        visit: {
          aspirate: 'all',
          inject: { volume: 1_000_000 as Nanolitres, masses: { baclofen: 500_000_000 as never } },
        },
      },
      {
        type: 'visit.refill',
        visit: { aspirate: 0 as Nanolitres, inject: { volume: 99_000_000 as Nanolitres, masses: {} } },
      },
      {
        type: 'visit.needle',
        visit: {
          aspirate: 'all',
          site: 'pocket',
          inject: { volume: 1_000 as Nanolitres, masses: { baclofen: 500_000 as never } },
        },
      },
      { type: 'update.apply', update: { program: simpleProgram(300) } },
      { type: 'update.apply', update: { calculatedReservoir: 99_000_000 as Nanolitres } },
      { type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } },
      { type: 'catheter.connect' },
    ];
    const serializeState = (s: ReturnType<typeof pumpMachine.transition>) => {
      const p = s.context.pump;
      return JSON.stringify([
        s.value,
        p.therapyActive,
        p.bolus !== null,
        p.motor.stall !== null,
        p.lowBatteryReset,
        p.battery.eriAt !== null,
        p.belief.calculatedReservoir === 0,
        p.truth.catheter.breach !== null,
      ]);
    };
    const options = { events, serializeState, input, limit: 50_000 };
    const adjacency = getAdjacencyMap(pumpMachine, options);
    const prometraAdjacency = getAdjacencyMap(pumpMachine, { ...options, input: prometra });
    const { states, reachedStates, missing } = coverage('pump', pumpMachine, adjacency, prometraAdjacency);
    expect(states.every((s) => reachedStates.has(s))).toBe(true);
    expect(missing).toEqual([]);
    const paths = getShortestPaths(pumpMachine, options);
    for (const path of paths) {
      const actor = createActor(pumpMachine, { input }).start();
      for (const step of path.steps) {
        actor.send(step.event);
        // at every step, judged by readings that share no code with the product: therapy runs in
        // `running` and nowhere else, every alarm is active exactly while its condition holds, and
        // everything loaded is somewhere (REQ-ALM-01, REQ-CONS-01)
        const now = actor.getSnapshot();
        const pump = now.context.pump as PumpState;
        expect([now.value, pump.therapyActive]).toEqual([now.value, now.value === 'running']);
        const holds = conditionsOf(pump);
        for (const [name, status] of Object.entries(pump.alarms))
          expect([name, status.active]).toEqual([name, holds[name as keyof typeof holds]]);
        const { loaded } = pump.truth;
        expect(contentsOf(pump)).toEqual({ volume: BigInt(loaded.volume), masses: bigMasses(loaded.masses) });
      }
      expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state));
    }
    console.log(`pump: ${paths.length} shortest paths replayed on a real actor`);
  });
});
