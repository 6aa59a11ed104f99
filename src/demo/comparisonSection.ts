/** The demo's "published vs reproduced" report section: each printed number beside its value on the simulated cohort. */
import type { ResultsBundle } from '../analysis/bundle.js';
import type { CohortProfile } from '../simulate/profile.js';
import type { ReportSection } from '../report/document/reportDocument.js';
import { fixed, formatP } from '../report/format/numbers.js';

/** A P value's path ("…:p", "…:logrankP"): printed as every P is, never "0.0003" or "0.000". */
const isP = (key: string): boolean => /:(p|logrankP)$/.test(key);
import { reproducedValue } from './reproducedValue.js';

export interface ComparisonRow {
  readonly label: string;
  /** Where the reproduced number is in the bundle (reproducedValue's path). */
  readonly key: string;
  readonly source: string;
  readonly published: number;
  readonly reproduced: number | null;
  readonly relativeDifference: number | null;
}

export function comparisonRows(profile: CohortProfile, bundle: ResultsBundle): ComparisonRow[] {
  return (profile.published ?? []).map((p) => {
    const r = reproducedValue(bundle, p.key);
    return { label: p.label, key: p.key, source: p.source, published: p.value, reproduced: r, relativeDifference: r === null || p.value === 0 ? null : (r - p.value) / Math.abs(p.value) };
  });
}

const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

export function comparisonSection(profile: CohortProfile, rows: readonly ComparisonRow[]): ReportSection {
  return {
    id: 'published-vs-reproduced',
    heading: `Published vs reproduced (${profile.id}, simulated data)`,
    blocks: [
      {
        kind: 'paragraph',
        style: 'warning',
        text: `These numbers come from a SIMULATED cohort drawn to match what ${profile.citation} published (group sizes, category counts, group means and SDs, event rates, hazard ratios). Counts and means are reproduced by construction; AUCs, cut-offs, test statistics and P values depend on distribution shapes the paper does not publish, so they show how close a cohort like the paper's would come, not a check of the paper.`,
      },
      {
        kind: 'table',
        table: {
          id: 'table-published-vs-reproduced',
          title: 'Published numbers and their reproduction on the simulated cohort',
          columns: [
            { label: 'Quantity', align: 'left' }, { label: 'Source', align: 'left' }, { label: 'Published', align: 'right' },
            { label: 'Reproduced (simulated)', align: 'right' }, { label: 'Difference (%)', align: 'right' },
          ],
          rows: rows.map((r) => ({
            cells: [
              r.label, r.source, String(r.published),
              r.reproduced === null ? 'not computed' : isP(r.key) ? formatP(r.reproduced) : fixed(r.reproduced, Math.max(2, decimals(r.published))),
              r.relativeDifference === null ? '—' : `${r.relativeDifference >= 0 ? '+' : ''}${fixed(100 * r.relativeDifference, 1)}`,
            ],
          })),
          footnotes: ['Difference = (reproduced − published) / |published|. For P values, compare orders of magnitude, not percentages.'],
        },
      },
    ],
  };
}
