/**
 * The cutoff explorer's computation, pure (it runs in a Web Worker; tests can call it in Node).
 * `prepareExplorer` takes the complete cases once (sorted distinct marker values, the maximally
 * selected log-rank cutoff with its Lausen–Schumacher corrected P — computed once); `explore`
 * splits at one cutoff with the study's convention (high: marker ≥ cutoff, or > cutoff when the
 * spec declares direction '>'; the maximally selected split is shown in the same convention) and
 * flags splits leaving fewer than 10 % (or the spec's minShare) on one side; it gives the
 * Kaplan–Meier curves as the report's own SVG (kmSvg), the log-rank test, the hazard ratio of the
 * high group from a Cox model with the split as its only covariate (Efron ties), group sizes, and
 * sensitivity and specificity of "high" for the accuracy outcome (a binary endpoint or the event
 * indicator).
 *
 * Speed (one slider move on 5,000 patients well under 50 ms): the public layers of the engine
 * (kaplanMeier, logRank, coxph) check and sort on every call, so `prepareExplorer` runs their checks
 * once (kaplanMeier on all patients, which refuses bad times and events with its own messages) and
 * sorts by time once; `explore` then calls the fit layers on the time-sorted arrays
 * (kaplanMeierFit per group, logRankCore, coxSortedData + coxFit without concordance, zph and
 * baseline hazard) — the same numerics as the public functions (test/web/explorerCompute.test.ts).
 *
 * @example
 * const p = prepareExplorer({ time, event, marker, outcome: event, markerName: 'SII', unit: 'months', endpoint: 'os', outcomeName: 'death' });
 * explore(p, 340).logRank.p // the naive log-rank P of SII > 340
 */
import { kaplanMeier } from '../../../src/stats/survival/kaplanMeier.js';
import { kaplanMeierFit } from '../../../src/stats/survival/kaplanMeierFit.js';
import { logRankCore } from '../../../src/stats/survival/logRankCore.js';
import { logRankFromCore } from '../../../src/stats/survival/logRank.js';
import { sortByTime } from '../../../src/stats/survival/sortByTime.js';
import { maxstat } from '../../../src/stats/survival/maxstat.js';
import { coxSortedData } from '../../../src/stats/survival/cox/sortedData.js';
import { coxFit } from '../../../src/stats/survival/cox/fit.js';
import { pNormTwoSided, qnorm } from '../../../src/stats/dist/index.js';
import { diagnosticAccuracy } from '../../../src/stats/roc/diagnosticAccuracy.js';
import type { KaplanMeierGroup } from '../../../src/stats/survival/types.js';
import { kmFigureData } from '../../../src/report/build/figureAdapters.js';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { cutoffText } from '../../../src/analysis/cutoffText.js';
import { MIN_GROUP_SHARE, isSmallSplit } from '../../../src/analysis/smallGroup.js';
import { explorerCif, type ExplorerCif } from './explorerCif.js';

export interface ExplorerInput {
  readonly time: ArrayLike<number | null>;
  readonly event: ArrayLike<number | null>;
  readonly marker: ArrayLike<number | null>;
  /** 0/1 outcome for sensitivity and specificity (null = missing), or null. */
  readonly outcome: ArrayLike<number | null> | null;
  readonly markerName: string;
  readonly endpoint: string;
  readonly outcomeName: string | null;
  readonly unit: string;
  /** Which side is "high": `>=` (default, as the analysis) or `>` (as declared in the spec). */
  readonly direction?: '>=' | '>';
  /** Smallest share either side may hold before the split is flagged (default 0.1). */
  readonly minShare?: number;
  /**
   * A competing-risks endpoint: the status per patient (0 censored, 1 the event, 2 the competing event;
   * `event` is then status = 1, the competing event censored) and the causes' names. explore() then
   * also gives the cumulative incidence of each cause with Gray's test (explorerCif.ts).
   */
  readonly competing?: { readonly status: ArrayLike<number | null>; readonly causes: readonly [string, string] } | null;
}

export interface MaxstatSummary {
  /** The maximally selected split in the explorer's convention (≥ highFrom, or > maxstat's estimate). */
  readonly cutoff: number;
  /** maxstat.test's estimate: marker ≤ estimate is low. */
  readonly estimate: number;
  readonly statistic: number;
  readonly p: number;
  readonly naiveP: number;
  readonly nLow: number;
  readonly nHigh: number;
  readonly minprop: number;
}

export interface Prepared {
  readonly n: number;
  /** Complete cases sorted by time (ascending, stable). */
  readonly dropped: number;
  readonly events: number;
  readonly time: Float64Array;
  readonly event: Float64Array;
  readonly marker: Float64Array;
  readonly outcome: Float64Array | null;
  /** Distinct marker values, ascending. */
  readonly values: Float64Array;
  /** The slider's cutoffs: the distinct values that leave patients on both sides (all but the smallest for ≥, all but the largest for >). */
  readonly cutoffs: Float64Array;
  readonly direction: '>=' | '>';
  readonly minShare: number;
  readonly median: number;
  readonly maxstat: MaxstatSummary | null;
  readonly maxstatError: string | null;
  readonly markerName: string;
  readonly endpoint: string;
  readonly outcomeName: string | null;
  readonly unit: string;
  /** Competing-risks status of the complete cases, time-sorted as `time`; null for a survival endpoint. */
  readonly status: Float64Array | null;
  readonly causes: readonly [string, string] | null;
}

export interface ExploreResult {
  readonly cutoff: number;
  readonly nLow: number;
  readonly nHigh: number;
  readonly eventsLow: number;
  readonly eventsHigh: number;
  readonly logRank: { readonly chisq: number; readonly p: number } | null;
  readonly hr: { readonly hr: number; readonly lower: number | null; readonly upper: number | null; readonly p: number } | null;
  readonly accuracy: { readonly sensitivity: number; readonly specificity: number; readonly nCases: number; readonly nControls: number } | null;
  readonly svg: string;
  readonly note: string | null;
  /** The split leaves fewer than minShare of the patients on one side. */
  readonly smallGroup: boolean;
  /** Competing-risks endpoints: cumulative incidence per cause and Gray's test at this cutoff. */
  readonly cif: ExplorerCif | null;
}

const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function prepareExplorer(x: ExplorerInput): Prepared {
  const keep: number[] = [];
  for (let i = 0; i < x.marker.length; i++) {
    if (ok(x.time[i]) && ok(x.event[i]) && ok(x.marker[i]) && (!x.competing || ok(x.competing.status[i]))) keep.push(i);
  }
  const n = keep.length;
  const time = new Float64Array(n), event = new Float64Array(n), marker = new Float64Array(n);
  const outcome = x.outcome ? new Float64Array(n) : null;
  const status = x.competing ? new Float64Array(n) : null;
  let events = 0;
  keep.forEach((i, k) => {
    time[k] = x.time[i] as number;
    event[k] = x.event[i] as number;
    marker[k] = x.marker[i] as number;
    events += event[k];
    if (outcome) outcome[k] = ok(x.outcome![i]) ? (x.outcome![i] as number) : NaN;
    if (status) status[k] = x.competing!.status[i] as number;
  });
  if (n > 0) kaplanMeier(time, event, { groupName: x.markerName }); // the public checks, once
  const order = sortByTime(time);
  const reorder = (a: Float64Array) => Float64Array.from(order, (i) => a[i]);
  const sTime = reorder(time), sEvent = reorder(event), sMarker = reorder(marker);
  const sOutcome = outcome ? reorder(outcome) : null;
  const sStatus = status ? reorder(status) : null;
  const sorted = Float64Array.from(marker).sort();
  const values = sorted.filter((v, k) => k === 0 || v !== sorted[k - 1]);
  const median = n ? (n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) : NaN;
  const direction = x.direction ?? '>=';
  const minShare = x.minShare ?? MIN_GROUP_SHARE;
  const cutoffs = direction === '>=' ? values.slice(1) : values.slice(0, Math.max(0, values.length - 1));
  let ms: MaxstatSummary | null = null;
  let maxstatError: string | null = null;
  try {
    const r = maxstat(time, event, marker, { markerName: x.markerName });
    ms = { cutoff: direction === '>=' ? r.highFrom : r.cutoff, estimate: r.cutoff, statistic: r.statistic, p: r.p, naiveP: r.naiveLogRank.p, nLow: r.nLow, nHigh: r.nHigh, minprop: r.minprop };
  } catch (e) {
    maxstatError = e instanceof Error ? e.message : String(e);
  }
  return { n, dropped: x.marker.length - n, events, time: sTime, event: sEvent, marker: sMarker, outcome: sOutcome, values, cutoffs, direction, minShare, median, maxstat: ms, maxstatError, markerName: x.markerName, endpoint: x.endpoint, outcomeName: x.outcomeName, unit: x.unit, status: sStatus, causes: x.competing ? x.competing.causes : null };
}

/** Is this patient's value "high" at the cutoff (the study's convention). */
export const isHigh = (x: number, cutoff: number, direction: '>=' | '>'): boolean => (direction === '>=' ? x >= cutoff : x > cutoff);

/** Group labels, low first, as the analysis labels them (sideLabel: "SII < 612.5", "SII ≥ 612.5"). */
export function groupLabels(p: Pick<Prepared, 'markerName' | 'direction'>, cutoff: number): [string, string] {
  const c = cutoffText(cutoff);
  return p.direction === '>' ? [`${p.markerName} ≤ ${c}`, `${p.markerName} > ${c}`] : [`${p.markerName} < ${c}`, `${p.markerName} ≥ ${c}`];
}

/**
 * The slider position whose cutoff gives the same groups as `value` (typed, the median, the study's
 * cut-off): for ≥ the smallest slider cutoff ≥ value, for > the largest ≤ value; clamped to the ends.
 */
export function sliderIndex(p: Pick<Prepared, 'cutoffs' | 'direction'>, value: number): number {
  const c = p.cutoffs;
  if (c.length === 0) return 0;
  if (p.direction === '>=') {
    let k = c.findIndex((x) => x >= value);
    if (k < 0) k = c.length - 1;
    return k;
  }
  let k = -1;
  for (let i = 0; i < c.length && c[i] <= value; i++) k = i;
  return Math.max(0, k);
}

/** Arrays every move needs, built once per prepared data set. */
const scratches = new WeakMap<Prepared, { identity: Uint32Array; event01: Uint8Array }>();
function scratch(p: Prepared) {
  let s = scratches.get(p);
  if (!s) {
    const identity = new Uint32Array(p.n);
    for (let i = 0; i < p.n; i++) identity[i] = i;
    s = { identity, event01: Uint8Array.from(p.event) };
    scratches.set(p, s);
  }
  return s;
}

/** The figure adapter's view of one fitted group (only what kmFigureData reads, as plain arrays). */
function plainGroup(g: KaplanMeierGroup) {
  const arr = (a: Float64Array) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
  return {
    group: g.group, n: g.n, events: g.events, median: g.median,
    table: { time: arr(g.table.time), nRisk: arr(g.table.nRisk) },
    steps: { time: arr(g.steps.time), surv: arr(g.steps.surv), lower: arr(g.steps.lower), upper: arr(g.steps.upper) },
    censored: { time: arr(g.censored.time) },
  };
}

export function explore(p: Prepared, cutoff: number): ExploreResult {
  const [lowLabel, highLabel] = groupLabels(p, cutoff);
  const n = p.n;
  const high = new Float64Array(n);
  const code = new Int32Array(n);
  let nHigh = 0, eventsHigh = 0, eventsLow = 0;
  for (let i = 0; i < n; i++) {
    if (isHigh(p.marker[i], cutoff, p.direction)) {
      high[i] = 1;
      code[i] = 1;
      nHigh++;
      eventsHigh += p.event[i];
    } else eventsLow += p.event[i];
  }
  const nLow = n - nHigh;
  // Each group's times, still sorted (a stable split of time-sorted arrays).
  const tLow = new Float64Array(nLow), eLow = new Float64Array(nLow), tHigh = new Float64Array(nHigh), eHigh = new Float64Array(nHigh);
  let tau = 0;
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (code[i]) {
      tHigh[b] = p.time[i];
      eHigh[b++] = p.event[i];
    } else {
      tLow[a] = p.time[i];
      eLow[a++] = p.event[i];
    }
    if (p.time[i] > tau) tau = p.time[i];
  }
  const fitOpts = { confType: 'log' as const, confLevel: 0.95, times: [], tau };
  const groups: KaplanMeierGroup[] = [];
  if (nLow) groups.push(kaplanMeierFit(lowLabel, tLow, eLow, fitOpts));
  if (nHigh) groups.push(kaplanMeierFit(highLabel, tHigh, eHigh, fitOpts));

  let note: string | null = null;
  let lr: ReturnType<typeof logRankFromCore> | null = null;
  let hr: ExploreResult['hr'] = null;
  if (nLow > 0 && nHigh > 0 && p.events > 0) {
    const core = logRankCore(p.time, p.event, code, 2, scratch(p).identity, Uint32Array.of(0, n));
    lr = logRankFromCore([lowLabel, highLabel], core, null, 0);
    const d = coxSortedData({ stop: p.time, start: null, event: scratch(p).event01, columns: [high], strata: null, nStrata: 1 });
    const fit = coxFit(d, { ties: 'efron', baselineStrata: null, concordance: false });
    if (fit.singular.length === 0) {
      const b = fit.beta[0];
      const se = Math.sqrt(fit.variance[0]);
      const z = qnorm(0.975);
      const fin = (v: number) => (Number.isFinite(v) ? v : null);
      hr = { hr: Math.exp(b), lower: fin(Math.exp(b - z * se)), upper: fin(Math.exp(b + z * se)), p: pNormTwoSided(b / se) };
      if (fit.infinite.length) note = 'The hazard ratio is not finite at this cutoff (one group has no events).';
    } else note = 'The Cox model cannot be fitted at this cutoff.';
  } else note = 'All patients are on one side of this cutoff.';

  let accuracy: ExploreResult['accuracy'] = null;
  if (p.outcome) {
    let tp = 0, fp = 0, cases = 0, controls = 0;
    for (let i = 0; i < n; i++) {
      const y = p.outcome[i];
      if (y === 1) {
        cases++;
        if (high[i]) tp++;
      } else if (y === 0) {
        controls++;
        if (high[i]) fp++;
      }
    }
    if (cases > 0 && controls > 0) {
      const d = diagnosticAccuracy(cutoff, tp, fp, cases, controls);
      accuracy = { sensitivity: d.sensitivity, specificity: d.specificity, nCases: cases, nControls: controls };
    }
  }
  const plain = { km: { groups: groups.map(plainGroup) }, logrank: lr ? { chisq: lr.chisq, df: lr.df, p: lr.p } : null } as unknown as Parameters<typeof kmFigureData>[0];
  const title = `${p.endpoint} by ${p.markerName} at ${cutoffText(cutoff)}`;
  const smallGroup = isSmallSplit(nLow, nHigh, p.minShare);
  const cif = p.status && p.causes && nLow > 0 && nHigh > 0
    ? explorerCif({ time: p.time, status: p.status, high, labels: [lowLabel, highLabel], causes: p.causes, unit: p.unit, title })
    : null;
  // a competing endpoint is drawn as cumulative incidence; its 1 − KM figure is not shown, so not drawn
  const svg = cif ? '' : kmSvg(kmFigureData(plain, title, `Time (${p.unit})`));
  return { cutoff, nLow, nHigh, eventsLow, eventsHigh, logRank: lr ? { chisq: lr.chisq, p: lr.p } : null, hr, accuracy, svg, note, smallGroup, cif };
}
