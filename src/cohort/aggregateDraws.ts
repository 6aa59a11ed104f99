/**
 * One value per patient from repeated measurements: `baseline` (the last draw on or before the
 * time origin), `first`/`last` (earliest/latest dated draw), `mean`/`max`/`min` (over the draws in
 * the window, times relative to the origin). Reports whether a draw after the origin was used,
 * because such a value carries future information into a "baseline" predictor (deng2025 averaged
 * SII and AFP over follow-up draws).
 *
 * Contract: `day` is days since 1970 (NaN = undated); undated draws count as taken at the origin
 * when `undatedAtOrigin` (one-row-per-patient files) and are skipped otherwise. `value` NaN with a
 * `cause` is a draw whose value is missing for that reason.
 *
 * @example
 * aggregateDraws('mean', { day: [0, 30, 60], value: [300, 500, 700], cause: [null, null, null] }, 0, null, false)
 * // { value: 500, cause: null, afterOrigin: true, n: 3 }
 */
import type { AggregateMethod } from '../study/types.js';
import type { MissingCause } from './missingCause.js';

export interface DrawSeries {
  day: ArrayLike<number>;
  value: ArrayLike<number>;
  cause: ArrayLike<MissingCause | null>;
}

export interface AggregateValue {
  value: number;
  cause: MissingCause | null;
  /** A draw taken after the time origin contributed. */
  afterOrigin: boolean;
  /** Number of draws used. */
  n: number;
}

/** Window in days relative to the origin (either end open when NaN). */
export interface DayWindow {
  from: number;
  to: number;
}

export function aggregateDraws(
  method: AggregateMethod,
  s: DrawSeries,
  origin: number,
  window: DayWindow | null,
  undatedAtOrigin: boolean,
): AggregateValue {
  const needsOrigin = method === 'baseline' || window !== null;
  if (needsOrigin && Number.isNaN(origin)) return { value: NaN, cause: 'no-origin', afterOrigin: false, n: 0 };
  const days: number[] = [];
  const vals: number[] = [];
  let inWindow = 0;
  let failCause: MissingCause | null = null;
  for (let k = 0; k < s.day.length; k++) {
    let d = s.day[k];
    if (Number.isNaN(d)) {
      if (!undatedAtOrigin) continue;
      d = Number.isNaN(origin) ? -Infinity : origin;
    }
    if (method === 'baseline' && !(d <= origin)) continue;
    if (window !== null) {
      const rel = d - origin;
      if ((!Number.isNaN(window.from) && rel < window.from) || (!Number.isNaN(window.to) && rel > window.to)) continue;
    }
    inWindow++;
    const v = s.value[k];
    if (Number.isNaN(v)) {
      const c = s.cause[k];
      if (c && c !== 'absent' && failCause === null) failCause = c;
      continue;
    }
    days.push(d);
    vals.push(v);
  }
  const n = vals.length;
  if (n === 0) {
    const cause: MissingCause = failCause ?? (inWindow === 0 ? (method === 'baseline' ? 'no-baseline-draw' : window ? 'no-draw-in-window' : 'absent') : 'absent');
    return { value: NaN, cause, afterOrigin: false, n: 0 };
  }
  const after = (d: number) => !Number.isNaN(origin) && d > origin;
  let pick = -1;
  if (method === 'baseline' || method === 'last') pick = argExtreme(days, (a, b) => a >= b);
  else if (method === 'first') pick = argExtreme(days, (a, b) => a < b);
  if (pick >= 0) return { value: vals[pick], cause: null, afterOrigin: after(days[pick]), n: 1 };
  let value: number;
  if (method === 'mean') {
    let sum = 0;
    for (const v of vals) sum += v;
    value = sum / n;
  } else if (method === 'max') value = Math.max(...vals);
  else value = Math.min(...vals);
  return { value, cause: null, afterOrigin: days.some(after), n };
}

/** Index of the extreme element; `better(a, b)` true when a should replace b (ties: >= keeps the later). */
function argExtreme(x: number[], better: (a: number, b: number) => boolean): number {
  let k = 0;
  for (let i = 1; i < x.length; i++) if (better(x[i], x[k])) k = i;
  return k;
}
