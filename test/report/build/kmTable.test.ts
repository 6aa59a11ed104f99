/** Kaplan–Meier table: SPSS's symmetric median CI is clipped at 0 and labelled, never a negative time. */
import { describe, expect, it } from 'vitest';
import { kmAnalysis } from '../../../src/analysis/kmAnalysis.js';
import { kmTable } from '../../../src/report/build/resultTables.js';
import type { AnalysisDataset } from '../../../src/analysis/dataset.js';

describe('kmTable', () => {
  it('clips the symmetric median CI at 0 with a footnote', () => {
    const time = Float64Array.of(0.5, 1, 1.2, 30, 40, 50, 60, 70);
    const event = Float64Array.of(1, 1, 1, 1, 0, 0, 1, 0);
    const ds: AnalysisDataset = { n: 8, ids: Array.from(time, (_, i) => String(i)), columns: new Map(), endpoints: new Map([['os', { kind: 'survival', time, event, unit: 'months' }]]) };
    const a = kmAnalysis(ds, 'km', 'os', [], new Map(), [12]);
    const sym = a.km.groups[0].medianCISymmetric!;
    expect(sym.lower).toBeLessThan(0);
    const t = kmTable(JSON.parse(JSON.stringify(a)), 'T', 'months');
    expect(t.rows[0].cells[4]).toMatch(/^\d+\.\d\d \(0\*–\d+\.\d\d\)$/);
    expect(t.footnotes.join(' ')).toContain('clipped at 0');
  });
});
