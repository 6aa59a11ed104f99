/**
 * The cutoff explorer's competing-risks view: at one cutoff, the cumulative incidence of each cause
 * (Aalen–Johansen) in the low and high groups with Gray's test per cause — the engine's
 * cumulativeIncidence, the report's CIF figure (cifFigureData/cifSvg, numbers at risk at the same
 * ticks as the report's `cif` analysis), so the explorer and the report agree at the same cutoff.
 * Pure; runs in the explorer's Web Worker.
 *
 * @example
 * explorerCif({ time, status, high, labels: ['SII < 400', 'SII ≥ 400'], causes: ['Recurrence', 'Death without recurrence'], unit: 'months', title: 'Recurrence by SII' })
 * // { gray: [{ cause: 1, label: 'Recurrence', chisq, p }, …], figures: [{ cause: 1, label, svg }, …] }
 */
import { cumulativeIncidence } from '../../../src/stats/competing/cumulativeIncidence.js';
import type { CumulativeIncidenceResult } from '../../../src/stats/competing/types.js';
import { riskTicks } from '../../../src/analysis/kmAnalysis.js';
import { cifFigureData } from '../../../src/report/figures/cifData.js';
import { cifSvg } from '../../../src/report/figures/cifSvg.js';

export interface ExplorerCifInput {
  /** Complete cases (any order): time, status (0 censored, 1 the event, 2 the competing event) and the split (1 = high). */
  readonly time: Float64Array;
  readonly status: Float64Array;
  readonly high: Float64Array;
  /** Group labels, low first. */
  readonly labels: readonly [string, string];
  /** Names of cause 1 and cause 2. */
  readonly causes: readonly [string, string];
  readonly unit: string;
  readonly title: string;
}

export interface ExplorerCif {
  readonly gray: readonly { readonly cause: number; readonly label: string; readonly chisq: number; readonly df: number; readonly p: number }[];
  readonly figures: readonly { readonly cause: number; readonly label: string; readonly svg: string }[];
  /** Patients and events of each cause per group, low first. */
  readonly groups: readonly { readonly label: string; readonly n: number; readonly events: readonly number[] }[];
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

export function explorerCif(x: ExplorerCifInput): ExplorerCif {
  let tmax = 0;
  for (let i = 0; i < x.time.length; i++) if (x.time[i] > tmax) tmax = x.time[i];
  const riskTimes = riskTicks(tmax);
  const group = Array.from(x.high, (h) => (h ? x.labels[1] : x.labels[0]));
  const r = cumulativeIncidence({ time: x.time, status: x.status, group }, { times: riskTimes, groupName: x.title });
  // display order low, high (the engine orders groups by label)
  const order = x.labels.filter((l) => r.groups.includes(l));
  const ordered: CumulativeIncidenceResult = {
    ...r,
    groups: order,
    curves: order.flatMap((g) => r.curves.filter((c) => c.group === g)),
    maxTime: order.map((g) => r.maxTime[r.groups.indexOf(g)]),
  };
  const label = (c: number) => x.causes[c - 1] ?? `cause ${c}`;
  return {
    gray: r.gray.map((g) => ({ cause: g.cause, label: label(g.cause), chisq: g.chisq, df: g.df, p: g.p })),
    figures: r.causes.map((c) => ({
      cause: c,
      label: label(c),
      svg: cifSvg(cifFigureData(ordered, c, { title: `Cumulative incidence of ${lowerFirst(label(c))}: ${x.title}`, timeLabel: `Time (${x.unit})`, riskTimes })),
    })),
    groups: order.map((g) => ({ label: g, n: ordered.curves.find((c) => c.group === g)?.n ?? 0, events: r.causes.map((c) => ordered.curves.find((k) => k.group === g && k.cause === c)?.events ?? 0) })),
  };
}
