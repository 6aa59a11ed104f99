/** The demo's published-vs-reproduced table prints a reproduced P as every P is printed (never "0.0003" or "0.000"). */
import { describe, expect, it } from 'vitest';
import { comparisonSection, type ComparisonRow } from '../../src/demo/comparisonSection.js';
import { formatP } from '../../src/report/format/numbers.js';
import type { CohortProfile } from '../../src/simulate/profile.js';

const profile = { id: 'x', citation: 'X 2020' } as unknown as CohortProfile;
const row = (key: string, published: number, reproduced: number): ComparisonRow => ({ label: key, key, source: 'Table 1', published, reproduced, relativeDifference: (reproduced - published) / published });

describe('comparisonSection', () => {
  it('prints reproduced P values with formatP and other numbers with the published digits', () => {
    const rows = [row('km:os:SII:logrankP', 0.013, 0.00031), row('cox:multi:SII:p', 0.0001, 0.00004), row('roc:SII:auc', 0.725, 0.71234)];
    const block = comparisonSection(profile, rows).blocks[1];
    if (block.kind !== 'table') throw new Error('no table');
    const cells = block.table.rows.map((r) => r.cells[3]);
    expect(cells).toEqual([formatP(0.00031), '< 0.001', '0.712']);
    expect(cells[0]).toBe('< 0.001');
  });
});

describe('one cut-off text', () => {
  it('the ROC table prints the Youden cut-off as the cut-off table does (cutoffText)', async () => {
    const { rocTable } = await import('../../src/report/build/resultTables.js');
    const { cutoffText } = await import('../../src/analysis/cutoffs.js');
    const m = { marker: 'SII', direction: 'higher', auc: 0.7, lower: 0.6, upper: 0.8, se: 0.05, p: 0.01, nCases: 10, nControls: 10, youden: { best: { threshold: 0.56785, sensitivity: 0.7, specificity: 0.6 } } };
    const t = rocTable({ id: 'roc-1', endpoint: 'recurrence', n: 20, markers: [m], combined: [], comparisons: [] } as never, 'T');
    expect(t.rows[0].cells[5]).toBe(cutoffText(0.56785));
    expect(t.rows[0].cells[5]).toBe('0.56785');
  });
});
