import { msToDays, nanolitresToMl, picogramsPerDayToMcgPerDay, picogramsToMcg, type WorldSample } from '@itps/core';
import { useEffect, useState } from 'react';
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

/** How often the plots redraw (real time): often enough to look live, rarely enough to keep frames short. */
const REDRAW_MS = 250;

/** One point of the plots, from the world's one sampler, in the units the plots read. */
function sampleOf(w: WorldSample): Sample {
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
 * patient, spasticity, plotted live as simulated time runs. The world's door samples by simulated
 * time (every 15 minutes at first, thinned as the series grows), so the plots keep up at any speed.
 */
export function LivePlots() {
  const door = useDoor();
  const [shown, setShown] = useState<readonly Sample[]>(() => door.series().map(sampleOf));
  useEffect(() => {
    // the series is sampled by simulated time as the world moves; the plots redraw a few times a second
    let dirty = true;
    const unsubscribe = door.subscribe(() => {
      dirty = true;
    });
    const timer = setInterval(() => {
      if (!dirty) return;
      dirty = false;
      setShown(door.series().map(sampleOf));
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
