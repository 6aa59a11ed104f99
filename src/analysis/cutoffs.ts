/**
 * Resolves the study's cut-offs: fixed values, the median, the ROC-optimal (Youden) threshold for a
 * binary endpoint (or a survival endpoint's event indicator), or the maximally selected log-rank
 * cut-off for a survival endpoint. Every data-driven cut-off also carries the maximally selected
 * log-rank statistic with its Lausen–Schumacher corrected P when a survival endpoint is at hand,
 * so an optimised cut-off is never reported with a naive P alone.
 */
import type { Cutoff } from '../study/types.js';
import { analysisError, dataError } from '../errors.js';
import { quantileSorted } from '../stats/describe/quantile.js';
import { analysisMessages as M } from '../messages/index.js';
import { maxstat } from '../stats/survival/maxstat.js';
import { rocAnalysis } from '../stats/roc/rocAnalysis.js';
import type { AnalysisDataset } from './dataset.js';
import { numericOf, endpointOf, singleEventEndpointOf } from './columns.js';
import { MIN_GROUP_SHARE, smallGroupWarning } from './smallGroup.js';
import { cutoffText } from './cutoffText.js';
import { gather } from '../stats/gather.js';

/** The resolved cut-offs of a study, by variable. */
export type Cutoffs = ReadonlyMap<string, CutoffResult>;

export interface CutoffResult {
  readonly variable: string;
  readonly method: 'fixed' | 'median' | 'quantile' | 'youden' | 'maxstat';
  readonly value: number;
  /** `>=`: values ≥ value are "high" (default); `>`: values > value are "high". */
  readonly direction: '>=' | '>';
  readonly endpoint: string | null;
  readonly nLow: number;
  readonly nHigh: number;
  /** For youden: the ROC at the cut-off. */
  readonly roc: { readonly auc: number; readonly sensitivity: number; readonly specificity: number; readonly youden: number } | null;
  /** Maximally selected log-rank statistic on a survival endpoint (for any data-driven cut-off). */
  readonly maxstat: { readonly endpoint: string; readonly cutoff: number; readonly statistic: number; readonly p: number; readonly pNaive: number; readonly naiveLogRankP: number } | null;
  /** A warning when one side holds fewer than the minimum share of patients (default 10 %), else null. */
  readonly smallGroup: string | null;
  /** True when the cut-off was optimised against an outcome (youden, maxstat): P values at it are optimistic. */
  readonly dataDriven: boolean;
  readonly note: string | null;
}

export function resolveCutoff(ds: AnalysisDataset, variable: string, c: Cutoff, where: string): CutoffResult {
  const x = numericOf(ds, variable, where);
  const direction = c.direction ?? '>=';
  let value: number;
  let method: CutoffResult['method'];
  let endpoint: string | null = null;
  let roc: CutoffResult['roc'] = null;
  if ('value' in c) {
    value = c.value;
    method = 'fixed';
  } else if (c.method === 'median' || c.method === 'quantile') {
    const p = c.method === 'median' ? 0.5 : c.probability;
    if (p === undefined || !(p > 0 && p < 1)) throw dataError(`${where}.probability: a quantile cut-off needs a probability between 0 and 1 (e.g. 0.75 for the upper quartile).`);
    const sorted = Float64Array.from(Array.from(x).filter(Number.isFinite)).sort();
    if (sorted.length === 0) throw analysisError(`${where}: ${variable} has no values.`);
    value = quantileSorted(sorted, p, 7);
    method = c.method;
  } else if (c.method === 'youden') {
    endpoint = c.endpoint ?? null;
    if (!endpoint) throw analysisError(`${where}: a youden cut-off needs an endpoint.`);
    const ep = singleEventEndpointOf(ds, endpoint, where);
    const y = ep.kind === 'binary' ? ep.values : ep.event;
    const keep: number[] = [];
    for (let i = 0; i < ds.n; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) keep.push(i);
    const r = rocAnalysis(gather(x, keep), gather(y, keep), { marker: variable, outcome: endpoint, source: where });
    value = r.youden.best.threshold;
    method = 'youden';
    roc = { auc: r.auc, sensitivity: r.youden.best.sensitivity, specificity: r.youden.best.specificity, youden: r.youden.best.sensitivity + r.youden.best.specificity - 1 };
    if (!Number.isFinite(value)) throw analysisError(`${where}: the Youden-optimal cut-off of ${variable} is at infinity (the marker does not separate the groups).`);
  } else {
    endpoint = c.endpoint ?? null;
    if (!endpoint) throw analysisError(`${where}: a maxstat cut-off needs a survival endpoint.`);
    const ep = endpointOf(ds, endpoint, where);
    if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
    const r = maxstat(ep.time, ep.event, x, { markerName: variable });
    // maxstat's split (x ≤ r.cutoff low) in siilab's convention: x ≥ r.highFrom is high (the same
    // patients); a spec that declares direction '>' keeps maxstat's own value.
    method = 'maxstat';
    return c.direction === '>'
      ? finish(ds, variable, x, r.cutoff, '>', method, endpoint, null, true, c.minShare)
      : finish(ds, variable, x, r.highFrom, '>=', method, endpoint, null, true, c.minShare);
  }
  return finish(ds, variable, x, value, direction, method, endpoint, roc, method === 'youden', c.minShare);
}

function finish(
  ds: AnalysisDataset, variable: string, x: Float64Array, value: number, direction: '>=' | '>', method: CutoffResult['method'],
  endpoint: string | null, roc: CutoffResult['roc'], dataDriven: boolean, minShare = MIN_GROUP_SHARE,
): CutoffResult {
  let nLow = 0, nHigh = 0;
  for (let i = 0; i < ds.n; i++) {
    if (!Number.isFinite(x[i])) continue;
    if (direction === '>=' ? x[i] >= value : x[i] > value) nHigh++;
    else nLow++;
  }
  // The honest P of a data-driven cut-off: maximally selected log-rank on the first survival endpoint
  // (the one the cut-off was optimised for when it is one).
  let ms: CutoffResult['maxstat'] = null;
  if (dataDriven) {
    const survName = endpoint && ds.endpoints.get(endpoint)?.kind === 'survival' ? endpoint : [...ds.endpoints].find(([, e]) => e.kind === 'survival')?.[0];
    const ep = survName ? ds.endpoints.get(survName) : undefined;
    if (ep && ep.kind === 'survival') {
      try {
        const r = maxstat(ep.time, ep.event, x, { markerName: variable });
        ms = { endpoint: survName!, cutoff: r.cutoff, statistic: r.statistic, p: r.p, pNaive: r.pNaive, naiveLogRankP: r.naiveLogRank.p };
      } catch {
        ms = null;
      }
    }
  }
  return Object.freeze({
    variable, method, value, direction, endpoint, nLow, nHigh, roc, maxstat: ms, dataDriven,
    note: dataDriven ? M.cutoffOptimised(variable, method, endpoint ?? '') : null,
    smallGroup: smallGroupWarning(variable, value, direction, nLow, nHigh, minShare),
  });
}

/** The high/low split of a variable at a resolved cut-off: 1 high, 0 low, NaN missing. */
export function splitAt(x: Float64Array, c: CutoffResult): Float64Array {
  const out = new Float64Array(x.length);
  const value = c.value;
  const atLeast = c.direction === '>=';
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = Number.isFinite(v) ? ((atLeast ? v >= value : v > value) ? 1 : 0) : NaN;
  }
  return out;
}

export { cutoffText } from './cutoffText.js';

/** Label of the high (or low) side, e.g. "SII ≥ 375.56". */

export function sideLabel(label: string, c: CutoffResult, high: boolean): string {
  const v = cutoffText(c.value);
  const op = high ? (c.direction === '>=' ? '≥' : '>') : c.direction === '>=' ? '<' : '≤';
  return `${label} ${op} ${v}`;
}
