/** Excluded patients: counts by reason in the body, a compact appendix, and every patient in excluded.csv. */
import { describe, expect, it } from 'vitest';
import type { BundleFlow } from '../../../src/analysis/bundle.js';
import { APPENDIX_IDS_PER_REASON, excludedAppendixTable, excludedCsv, exclusionCountsTable } from '../../../src/report/build/exclusionBlocks.js';

const flow: BundleFlow = {
  screened: 1479,
  analysed: 52,
  steps: [{ reason: 'population', label: 'not eligible: cancer not in Hepatobiliary', n: 1425 }, { reason: 'missing', label: 'missing SII', n: 2 }],
  excluded: [
    ...Array.from({ length: 1425 }, (_, i) => ({ id: `P${i + 1}`, reason: 'population', label: 'not eligible: cancer not in Hepatobiliary', detail: `cancer = ${i % 2 ? 'Bladder' : 'Breast'}`, rows: [{ file: 'c.csv', row: i + 2 }] })),
    { id: 'H1', reason: 'missing', label: 'missing SII', detail: 'platelets missing', rows: [{ file: 'c.csv', row: 1500 }] },
    { id: '=cmd', reason: 'missing', label: 'missing SII', detail: 'platelets missing', rows: [{ file: 'c.csv', row: 1501 }] },
  ],
};

describe('exclusions', () => {
  it('counts by reason (one row per reason and the total), not one row per patient', () => {
    const t = exclusionCountsTable(flow, 'Table 1');
    expect(t.rows.map((r) => r.cells)).toEqual([['not eligible: cancer not in Hepatobiliary', '1425'], ['missing SII', '2'], ['Total excluded', '1427']]);
  });
  it('the appendix has one row per reason with at most 40 ids and points to excluded.csv', () => {
    const t = excludedAppendixTable(flow, 'Table A1');
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0].cells[2].split(', ').length).toBe(APPENDIX_IDS_PER_REASON + 1);
    expect(t.rows[0].cells[2]).toMatch(/… and 1385 more \(excluded\.csv\)$/);
    expect(t.rows[0].cells[3]).toMatch(/^e\.g\. cancer = Breast \(2 different details/);
    expect(t.rows[1].cells).toEqual(['missing SII', '2', 'H1, =cmd', 'platelets missing']);
  });
  it('excluded.csv lists every patient with rows, formula-safe', () => {
    const lines = excludedCsv(flow).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1427);
    expect(lines[0]).toBe('patient,reason,label,detail,file,rows');
    expect(lines[1]).toBe('P1,population,not eligible: cancer not in Hepatobiliary,cancer = Breast,c.csv,2');
    expect(lines[1427]).toBe("'=cmd,missing,missing SII,platelets missing,c.csv,1501");
  });
});
