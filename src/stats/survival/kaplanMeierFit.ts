/**
 * Kaplan–Meier fit of one group on time-sorted typed arrays: the table with Greenwood standard
 * errors and confidence limits, the median with its limits (survivalQuantile.ts), the SPSS-style
 * symmetric median CI, the restricted mean up to τ, survival at chosen times and figure points.
 * Checks nothing: the caller (kaplanMeier) validated and sorted.
 *
 * @example kaplanMeierFit('all', new Float64Array([1, 2, 2, 3, 5]), new Uint8Array([1, 1, 0, 1, 0]),
 *   { confType: 'log', confLevel: 0.95, times: [2], tau: 5 })
 * // { group: 'all', n: 5, events: 3, median: 3, medianLower: 2, medianUpper: null, rmst: { tau: 5, estimate: 3, se: 0.707107 }, … }
 */
import { qnorm } from '../dist/index.js';
import { survivalConfidenceInterval } from './confidenceInterval.js';
import { kaplanMeierCore } from './kaplanMeierCore.js';
import { medianSymmetricCI } from './medianSymmetricCI.js';
import { restrictedMean } from './restrictedMean.js';
import { survivalAt } from './survivalAt.js';
import { curveQuantile } from './survivalQuantile.js';
import type { ConfType, KaplanMeierGroup, KaplanMeierTable } from './types.js';

export interface KaplanMeierFitOptions {
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly times: readonly number[];
  readonly tau: number;
}

export function kaplanMeierFit(label: string, time: Float64Array, event: ArrayLike<number>, o: KaplanMeierFitOptions): KaplanMeierGroup {
  const core = kaplanMeierCore(time, event);
  const z = qnorm(1 - (1 - o.confLevel) / 2);
  const { lower, upper } = survivalConfidenceInterval(core.surv, core.stdErrLog, o.confType, z);
  const table: KaplanMeierTable = { ...core, lower, upper };
  let events = 0;
  for (let i = 0; i < core.nEvent.length; i++) events += core.nEvent[i];
  return {
    group: label,
    n: time.length,
    events,
    table,
    median: curveQuantile(core.time, core.surv, 0.5),
    medianLower: curveQuantile(core.time, lower, 0.5),
    medianUpper: curveQuantile(core.time, upper, 0.5),
    medianCISymmetric: medianSymmetricCI(core, z),
    rmst: restrictedMean(core, o.tau),
    at: survivalAt(table, o.times),
    steps: steps(table),
    censored: censoredPoints(table),
  };
}

function steps(t: KaplanMeierTable): KaplanMeierGroup['steps'] {
  let k = 1;
  for (let i = 0; i < t.time.length; i++) if (t.nEvent[i] > 0) k++;
  const time = new Float64Array(k);
  const surv = new Float64Array(k);
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  surv[0] = lower[0] = upper[0] = 1;
  for (let i = 0, j = 1; i < t.time.length; i++) {
    if (t.nEvent[i] === 0) continue;
    time[j] = t.time[i];
    surv[j] = t.surv[i];
    lower[j] = t.lower[i];
    upper[j] = t.upper[i];
    j++;
  }
  return { time, surv, lower, upper };
}

function censoredPoints(t: KaplanMeierTable): KaplanMeierGroup['censored'] {
  let k = 0;
  for (let i = 0; i < t.time.length; i++) if (t.nCensor[i] > 0) k++;
  const time = new Float64Array(k);
  const surv = new Float64Array(k);
  for (let i = 0, j = 0; i < t.time.length; i++) {
    if (t.nCensor[i] === 0) continue;
    time[j] = t.time[i];
    surv[j] = t.surv[i];
    j++;
  }
  return { time, surv };
}
