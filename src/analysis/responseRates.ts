/**
 * Tumour response rates (deng2025 after TACE; hong2021 on regorafenib): objective response rate
 * (e.g. CR + PR) and disease control rate (CR + PR + SD) among evaluable patients, with exact
 * Clopper–Pearson 95% CIs, overall and by group.
 */
import { clopperPearson, type ProportionCi } from '../stats/describe/clopperPearson.js';
import type { AnalysisDataset } from './dataset.js';
import { labelsOf } from './columns.js';

export interface ResponseRateRow {
  readonly group: string;
  readonly evaluable: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly objective: ProportionCi;
  readonly control: ProportionCi;
}

export interface ResponseRatesResult {
  readonly kind: 'response';
  readonly id: string;
  readonly variable: string;
  readonly objectiveLevels: readonly string[];
  readonly controlLevels: readonly string[];
  readonly levels: readonly string[];
  readonly rows: readonly ResponseRateRow[];
}

export function responseRates(ds: AnalysisDataset, variable: string, objective: readonly string[], control: readonly string[], by: string | null): ResponseRatesResult {
  const where = 'analyses.responseRates';
  const resp = labelsOf(ds, variable, where);
  const grp = by ? labelsOf(ds, by, where) : null;
  const levels = [...new Set(resp.filter((v): v is string => v !== null))];
  const order = ['CR', 'PR', 'SD', 'PD'];
  levels.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || (a < b ? -1 : 1));
  const groups = grp ? [...new Set(grp.filter((v): v is string => v !== null))].sort() : [];
  const row = (g: string | null): ResponseRateRow => {
    const idx = resp.map((_, i) => i).filter((i) => resp[i] !== null && (g === null || grp![i] === g));
    const counts: Record<string, number> = {};
    for (const l of levels) counts[l] = idx.filter((i) => resp[i] === l).length;
    const o = idx.filter((i) => objective.includes(resp[i]!)).length;
    const c = idx.filter((i) => control.includes(resp[i]!)).length;
    return { group: g ?? 'all', evaluable: idx.length, counts, objective: clopperPearson(o, Math.max(idx.length, 1)), control: clopperPearson(c, Math.max(idx.length, 1)) };
  };
  return Object.freeze({ kind: 'response', id: 'response', variable, objectiveLevels: [...objective], controlLevels: [...control], levels, rows: [row(null), ...groups.map(row)] });
}
