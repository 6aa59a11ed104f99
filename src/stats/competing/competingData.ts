/**
 * Input checking and the one sort of the competing-risks engine. Status holds the censoring code
 * (default 0) or an integer code per cause; rows with a missing time, status or group are dropped
 * and counted. Causes are the distinct non-censoring codes in ascending order; groups are ordered
 * as the survival engine orders them (numerically when every label is a number).
 *
 * Contract: the returned arrays are in (group, time ascending) order — one stable radix sort by
 * time, then a stable partition by group — so every numeric core reads contiguous group slices
 * `start[g]..start[g+1]` already sorted by time. `cause[i]` is 0 for censored, else 1 + index in `causes`.
 *
 * @example
 * const d = competingData({ time: [5, 2, 3], status: [1, 0, 2] });
 * [Array.from(d.time), Array.from(d.cause), d.causes] // [[2, 3, 5], [0, 2, 1], [1, 2]]
 */
import { analysisError, dataError, usageError } from '../../errors.js';
import { competingMessages } from '../../messages/index.js';
import { encodeLevels } from '../survival/levels.js';
import { partitionByCode, sortByTime } from '../survival/sortByTime.js';

export interface CompetingSource {
  readonly file: string;
  readonly time: string;
  readonly status: string;
  /** Spreadsheet row number of input row i (default i + 2: header is row 1). */
  readonly rowNumber?: (i: number) => number;
}

export interface CompetingInput {
  readonly time: ArrayLike<number>;
  /** Censoring code or integer cause code; NaN = missing. */
  readonly status: ArrayLike<number>;
  /** Group label per row (null = missing); omit for one group. */
  readonly group?: readonly (string | null)[] | null;
  /** Status code of censored rows (default 0). */
  readonly censorValue?: number;
  /** Further columns whose missing rows are dropped too (NaN = missing), e.g. model covariates. */
  readonly alsoRequired?: readonly ArrayLike<number>[];
  readonly alsoRequiredLabels?: readonly (readonly (string | null)[])[];
  readonly source?: CompetingSource;
}

export interface CompetingData {
  readonly n: number;
  readonly nDropped: number;
  /** Sorted by (group, time). */
  readonly time: Float64Array;
  /** 0 = censored, c = causes[c − 1]. */
  readonly cause: Uint16Array;
  /** Group code per sorted row. */
  readonly group: Int32Array;
  readonly groups: readonly string[];
  /** Start of each group's slice; length groups.length + 1. */
  readonly start: Uint32Array;
  readonly causes: readonly number[];
  /** Input row of each sorted row. */
  readonly rows: Uint32Array;
  readonly censorValue: number;
}

export function competingData(input: CompetingInput): CompetingData {
  const n0 = input.time.length;
  const src = input.source;
  const file = src?.file ?? null;
  const rowNo = (i: number): number | null => (src ? (src.rowNumber ? src.rowNumber(i) : i + 2) : null);
  const censor = input.censorValue ?? 0;
  if (input.status.length !== n0) throw usageError(competingMessages.lengthMismatch('the status column', n0, input.status.length));
  const group = input.group ?? null;
  if (group && group.length !== n0) throw usageError(competingMessages.lengthMismatch('the group column', n0, group.length));
  const keep = new Uint8Array(n0);
  let m = 0;
  const codes = new Set<number>();
  for (let i = 0; i < n0; i++) {
    const t = input.time[i];
    const s = input.status[i];
    if (t !== t || s !== s || (group && group[i] === null)) continue;
    let ok = true;
    for (const x of input.alsoRequired ?? []) if (x[i] !== x[i]) ok = false;
    for (const x of input.alsoRequiredLabels ?? []) if (x[i] === null) ok = false;
    if (!ok) continue;
    if (!Number.isFinite(t) || t < 0) throw dataError(competingMessages.negativeTime(file, rowNo(i), src?.time ?? 'time', t));
    if (!Number.isInteger(s)) throw dataError(competingMessages.statusNotInteger(file, rowNo(i), src?.status ?? 'status', s));
    if (s !== censor) codes.add(s);
    keep[i] = 1;
    m++;
  }
  if (m === 0) throw analysisError(competingMessages.noRows(file, n0));
  if (codes.size === 0) throw analysisError(competingMessages.noEvents(file, src?.status ?? 'status', censor));
  const causes = [...codes].sort((a, b) => a - b);
  const causeIndex = new Map(causes.map((c, j) => [c, j + 1]));
  const rows0 = new Uint32Array(m);
  const t0 = new Float64Array(m);
  for (let i = 0, k = 0; i < n0; i++) {
    if (!keep[i]) continue;
    rows0[k] = i;
    t0[k] = input.time[i];
    k++;
  }
  let levels = ['all'];
  let gcode: Int32Array = new Int32Array(m);
  if (group) {
    const enc = encodeLevels(Array.from(rows0, (i) => group[i]));
    levels = enc.levels;
    gcode = enc.code;
  }
  const { order, start } = partitionByCode(sortByTime(t0), gcode, levels.length);
  const time = new Float64Array(m);
  const cause = new Uint16Array(m);
  const g = new Int32Array(m);
  const rows = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const j = order[k];
    const i = rows0[j];
    time[k] = t0[j];
    const s = input.status[i];
    cause[k] = s === censor ? 0 : causeIndex.get(s)!;
    g[k] = gcode[j];
    rows[k] = i;
  }
  return { n: m, nDropped: n0 - m, time, cause, group: g, groups: levels, start, causes, rows, censorValue: censor };
}
