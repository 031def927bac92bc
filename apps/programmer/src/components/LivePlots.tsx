import {
  msToDays,
  nanolitresToMl,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
  sampleWorld,
  type WorldState,
} from '@itps/core';
import { useEffect, useRef, useState } from 'react';
import { useDoor } from '../simulation/WorldProvider.tsx';
import { TimeChart } from './TimeChart.tsx';

/** One sample of the live plots. */
interface Sample {
  readonly day: number;
  readonly belief: number;
  readonly truth: number;
  readonly dose: number;
  readonly delivered: number;
  readonly ashworth: number | null;
}

/** Most samples kept: past it, every other one is dropped and the spacing doubles. */
const MAX_SAMPLES = 800;
/** How often the plots redraw (real time): often enough to look live, rarely enough to keep frames short. */
const REDRAW_MS = 250;

/** One point of the plots: the world's one sampler, in the units the plots read. */
function sampleOf(state: WorldState): Sample {
  const w = sampleWorld(state);
  return {
    day: msToDays(w.at),
    belief: nanolitresToMl(w.beliefReservoir),
    truth: nanolitresToMl(w.truthReservoir),
    dose: picogramsPerDayToMcgPerDay(w.dose),
    delivered: picogramsToMcg(w.delivered),
    ashworth: w.patient?.ashworth ?? null,
  };
}

/**
 * Instructor console: reservoir (belief beside truth), programmed dose, drug delivered and, with a
 * patient, spasticity, plotted live as simulated time runs. Samples are taken as the pump moves and
 * thinned as they accumulate, so a seven-year run stays a few hundred points.
 */
export function LivePlots() {
  const door = useDoor();
  const samples = useRef<Sample[]>([]);
  const [shown, setShown] = useState<readonly Sample[]>([]);
  useEffect(() => {
    let committed: Sample[] = [sampleOf(door.state())];
    let tip: Sample | null = null;
    let spacing = 15 / (24 * 60);
    let dirty = false;
    samples.current = committed;
    setShown(committed);
    const unsubscribe = door.subscribe(() => {
      const next = sampleOf(door.state());
      const last = committed[committed.length - 1] as Sample;
      if (next.day < last.day) committed = [];
      if (committed.length > 0 && next.day - last.day < spacing) tip = next;
      else {
        committed.push(next);
        tip = null;
      }
      if (committed.length > MAX_SAMPLES) {
        committed = committed.filter((_, i) => i % 2 === 0);
        spacing *= 2;
      }
      samples.current = tip === null ? committed : [...committed, tip];
      dirty = true;
    });
    const timer = setInterval(() => {
      if (!dirty) return;
      dirty = false;
      setShown(samples.current);
    }, REDRAW_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [door]);
  const days = shown.map((s) => s.day);
  const last = shown[shown.length - 1];
  const hasPatient = shown.some((s) => s.ashworth !== null);
  return (
    <section className="panel plots" aria-labelledby="plots-title">
      <h2 id="plots-title">Live plots (instructor)</h2>
      <TimeChart
        title="Reservoir: the pump's belief and the truth (mL)"
        unit="mL"
        days={days}
        lines={[
          { label: 'pump belief', color: '#2f5d8a' },
          { label: 'truth', color: '#c0392b', dash: true },
        ]}
        values={[shown.map((s) => s.belief), shown.map((s) => s.truth)]}
        summary={
          last === undefined ? 'no data' : `belief ${last.belief.toFixed(2)} mL, truth ${last.truth.toFixed(2)} mL`
        }
      />
      <TimeChart
        title="Programmed dose (mcg/day)"
        unit="mcg/day"
        days={days}
        lines={[{ label: 'dose', color: '#6b4fa0', stepped: true }]}
        values={[shown.map((s) => s.dose)]}
        summary={last === undefined ? 'no data' : `${last.dose.toFixed(1)} mcg/day now`}
      />
      <TimeChart
        title="Drug delivered to the CSF, cumulative (mcg)"
        unit="mcg"
        days={days}
        lines={[{ label: 'to CSF', color: '#1e6b34' }]}
        values={[shown.map((s) => s.delivered)]}
        summary={last === undefined ? 'no data' : `${last.delivered.toFixed(1)} mcg so far`}
      />
      {hasPatient && (
        <TimeChart
          title="Patient: Modified Ashworth score (0-4)"
          unit="score"
          days={days}
          lines={[{ label: 'Ashworth', color: '#8a5a00' }]}
          values={[shown.map((s) => s.ashworth)]}
          summary={last?.ashworth == null ? 'no patient' : `score ${last.ashworth.toFixed(1)} now`}
        />
      )}
      <p className="muted" data-testid="plot-samples">
        {shown.length} samples, day {last === undefined ? 0 : last.day.toFixed(2)}
      </p>
    </section>
  );
}
