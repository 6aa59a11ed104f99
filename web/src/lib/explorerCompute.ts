/**
 * The cutoff explorer's computation, pure (it runs in a Web Worker; tests can call it in Node).
 * `prepareExplorer` takes the complete cases once (sorted distinct marker values, the maximally
 * selected log-rank cutoff with its Lausen–Schumacher corrected P — computed once); `explore`
 * splits at one cutoff (low: marker ≤ cutoff, high: marker > cutoff, as maxstat) and gives the
 * Kaplan–Meier curves as the report's own SVG (kmSvg), the log-rank test, the hazard ratio of the
 * high group from a Cox model with the split as its only covariate, group sizes, and sensitivity
 * and specificity of "high" for the accuracy outcome (a binary endpoint or the event indicator).
 *
 * @example
 * const p = prepareExplorer({ time, event, marker, outcome: event, markerName: 'SII', unit: 'months', endpoint: 'os', outcomeName: 'death' });
 * explore(p, 340).logRank.p // the naive log-rank P of SII > 340
 */
import { kaplanMeier } from '../../../src/stats/survival/kaplanMeier.js';
import { logRank } from '../../../src/stats/survival/logRank.js';
import { maxstat } from '../../../src/stats/survival/maxstat.js';
import { coxph } from '../../../src/stats/survival/cox/coxph.js';
import { diagnosticAccuracy } from '../../../src/stats/roc/diagnosticAccuracy.js';
import { toPlain } from '../../../src/analysis/plain.js';
import { kmFigureData } from '../../../src/report/build/figureAdapters.js';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { sig } from '../../../src/report/text/formatNumber.js';

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
}

export interface MaxstatSummary {
  readonly cutoff: number;
  readonly statistic: number;
  readonly p: number;
  readonly naiveP: number;
  readonly nLow: number;
  readonly nHigh: number;
  readonly minprop: number;
}

export interface Prepared {
  readonly n: number;
  readonly dropped: number;
  readonly events: number;
  readonly time: Float64Array;
  readonly event: Float64Array;
  readonly marker: Float64Array;
  readonly outcome: Float64Array | null;
  /** Distinct marker values, ascending; cutoffs are chosen among all but the largest. */
  readonly values: Float64Array;
  readonly median: number;
  readonly maxstat: MaxstatSummary | null;
  readonly maxstatError: string | null;
  readonly markerName: string;
  readonly endpoint: string;
  readonly outcomeName: string | null;
  readonly unit: string;
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
}

const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function prepareExplorer(x: ExplorerInput): Prepared {
  const keep: number[] = [];
  for (let i = 0; i < x.marker.length; i++) {
    if (ok(x.time[i]) && ok(x.event[i]) && ok(x.marker[i])) keep.push(i);
  }
  const n = keep.length;
  const time = new Float64Array(n), event = new Float64Array(n), marker = new Float64Array(n);
  const outcome = x.outcome ? new Float64Array(n) : null;
  let events = 0;
  keep.forEach((i, k) => {
    time[k] = x.time[i] as number;
    event[k] = x.event[i] as number;
    marker[k] = x.marker[i] as number;
    events += event[k];
    if (outcome) outcome[k] = ok(x.outcome![i]) ? (x.outcome![i] as number) : NaN;
  });
  const sorted = Float64Array.from(marker).sort();
  const values = sorted.filter((v, k) => k === 0 || v !== sorted[k - 1]);
  const median = n ? (n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) : NaN;
  let ms: MaxstatSummary | null = null;
  let maxstatError: string | null = null;
  try {
    const r = maxstat(time, event, marker, { markerName: x.markerName });
    ms = { cutoff: r.cutoff, statistic: r.statistic, p: r.p, naiveP: r.naiveLogRank.p, nLow: r.nLow, nHigh: r.nHigh, minprop: r.minprop };
  } catch (e) {
    maxstatError = e instanceof Error ? e.message : String(e);
  }
  return { n, dropped: x.marker.length - n, events, time, event, marker, outcome, values, median, maxstat: ms, maxstatError, markerName: x.markerName, endpoint: x.endpoint, outcomeName: x.outcomeName, unit: x.unit };
}

/** Group labels, low first. */
export function groupLabels(p: Pick<Prepared, 'markerName'>, cutoff: number): [string, string] {
  const c = sig(cutoff, 4);
  return [`${p.markerName} ≤ ${c}`, `${p.markerName} > ${c}`];
}

export function explore(p: Prepared, cutoff: number): ExploreResult {
  const [lowLabel, highLabel] = groupLabels(p, cutoff);
  const n = p.n;
  const high = new Float64Array(n);
  const labels: string[] = new Array(n);
  let nHigh = 0, eventsHigh = 0, eventsLow = 0;
  for (let i = 0; i < n; i++) {
    const h = p.marker[i] > cutoff;
    high[i] = h ? 1 : 0;
    labels[i] = h ? highLabel : lowLabel;
    if (h) {
      nHigh++;
      eventsHigh += p.event[i];
    } else eventsLow += p.event[i];
  }
  const nLow = n - nHigh;
  let note: string | null = null;
  const km = kaplanMeier(p.time, p.event, { group: labels, groupName: p.markerName });
  const order = [lowLabel, highLabel].filter((l) => km.groups.some((g) => g.group === l));
  const kmOrdered = { ...km, groups: order.map((o) => km.groups.find((g) => g.group === o)!) };
  let lr: ReturnType<typeof logRank> | null = null;
  let hr: ExploreResult['hr'] = null;
  if (nLow > 0 && nHigh > 0 && p.events > 0) {
    lr = logRank(p.time, p.event, labels, { groupName: p.markerName });
    try {
      const fit = coxph({ time: p.time, event: p.event, covariates: [{ name: highLabel, kind: 'numeric', values: high }], skipZph: true });
      const c = fit.coefficients[0];
      hr = { hr: c.hr, lower: c.lower, upper: c.upper, p: c.p };
      if (c.possiblyInfinite) note = 'The hazard ratio is not finite at this cutoff (one group has no events).';
    } catch (e) {
      note = e instanceof Error ? e.message : String(e);
    }
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
  const plain = { km: toPlain(kmOrdered), logrank: lr ? toPlain(lr) : null } as unknown as Parameters<typeof kmFigureData>[0];
  const title = `${p.endpoint} by ${p.markerName} at ${sig(cutoff, 4)}`;
  const svg = kmSvg(kmFigureData(plain, title, `Time (${p.unit})`));
  return { cutoff, nLow, nHigh, eventsLow, eventsHigh, logRank: lr ? { chisq: lr.chisq, p: lr.p } : null, hr, accuracy, svg, note };
}
