/**
 * Input of the cumulative-incidence figure, built from the competing-risks engine's result for one
 * cause: one rising step curve per group (from (0, 0)), numbers at risk at the time-axis ticks,
 * and Gray's test P for that cause. Plain data; the drawing reuses the Kaplan–Meier layout
 * (cifLayout.ts), whose curves are step functions in [0, 1] with a risk table.
 *
 * @example
 * const d = cifFigureData(result, 1, { title: 'Cumulative incidence of recurrence by SII', timeLabel: 'Months' });
 * d.groups[0].points[0] // { time: 0, surv: 0, lower: 0, upper: 0 }
 */
import type { CumulativeIncidenceResult } from '../../stats/competing/types.js';
import type { KmFigureData, KmGroupData } from './kmData.js';
import { kmTimeTicks } from './kmLayout.js';
import type { FigureWidth } from './figureFrame.js';

export interface CifFigureOptions {
  readonly title: string;
  readonly description?: string;
  readonly timeLabel?: string;
  /** Axis title of the curves (default 'Cumulative incidence'). */
  readonly yLabel?: string;
  readonly width?: FigureWidth;
  /** Right end of the time axis (default the last follow-up). */
  readonly maxTime?: number;
  /**
   * Times of the numbers at risk, which become the axis ticks (e.g. the analysis's riskTimes); the
   * result's `at` rows must hold them. Default kmTimeTicks(maxTime, width).
   */
  readonly riskTimes?: readonly number[];
}

export function cifFigureData(r: CumulativeIncidenceResult, cause: number, opts: CifFigureOptions): KmFigureData {
  const maxTime = opts.maxTime ?? Math.max(...r.maxTime);
  const ticks = opts.riskTimes ?? kmTimeTicks(maxTime, opts.width);
  const groups: KmGroupData[] = r.groups.map((g) => {
    const c = r.curves.find((x) => x.group === g && x.cause === cause)!;
    const points: { time: number; surv: number; lower: number | null; upper: number | null }[] = [{ time: 0, surv: 0, lower: 0, upper: 0 }];
    for (let i = 0; i < c.table.time.length; i++) points.push({ time: c.table.time[i], surv: c.table.cif[i], lower: null, upper: null });
    return {
      label: g,
      n: c.n,
      events: c.events,
      points,
      median: null,
      // numbers at risk: the result's `at` rows at the ticks (cumulativeIncidence run with these times)
      atRisk: ticks.every((t) => c.at.some((a) => a.time === t)) ? ticks.map((t) => ({ time: t, n: c.at.find((a) => a.time === t)!.nRisk })) : undefined,
    };
  });
  const gray = r.gray.find((x) => x.cause === cause);
  return {
    title: opts.title,
    description: opts.description,
    groups,
    logRank: gray ? { chisq: gray.chisq, df: gray.df, p: gray.p } : null,
    timeLabel: opts.timeLabel ?? 'Time',
    survivalLabel: opts.yLabel ?? 'Cumulative incidence',
    maxTime,
  };
}
