import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataNotesTable, NOTE_EXAMPLE_ROWS } from '../../../src/report/build/dataNotesTable.js';
import { analyzeStudy } from '../../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../../src/report/build/buildReport.js';

describe('data notes table', () => {
  it('one row per note: variable, what was done, how many of how many, the rows', () => {
    const t = dataNotesTable([
      { kind: 'missing-code', variable: 'platelets', file: 'tongji.xlsx', column: 'Platelet count', n: 4, of: 2000, unit: '10^9/L', rows: [{ row: 2079, value: -1, patient: '27' }] },
      { kind: 'zero', variable: 'lymphocytes', file: 'c.csv', column: 'L', n: 7, of: 40, unit: '10^9/L',
        rows: Array.from({ length: 7 }, (_, k) => ({ row: 10 + k, value: 0, patient: `p${k}` })) },
    ], 'Table 3. Data notes');
    expect(t.rows[0].cells).toEqual(['platelets (Platelet count, tongji.xlsx)', 'Negative missing-value code, set missing', '4 of 2000', 'row 2079 (patient 27): −1']);
    expect(t.rows[1].cells[3]).toMatch(new RegExp(`row 14 \\(patient p4\\): 0; … ${7 - NOTE_EXAMPLE_ROWS} more$`));
  });

  it('appears in the Participants section of a report when a column had a missing-value code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-notes-'));
    const lines = ['id,N,L,P,os,dead'];
    for (let i = 0; i < 30; i++) lines.push(`p${i},${2 + (i % 7) * 0.5},${1 + (i % 5) * 0.3},${i === 4 ? -1 : 120 + ((i * 37) % 200)},${5 + i},${i % 2}`);
    writeFileSync(join(dir, 'c.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 's.yaml'), `version: 1
sources: [{ file: c.csv }]
variables:
  patientId: id
  neutrophils: { column: N, unit: 10^9/L }
  lymphocytes: { column: L, unit: 10^9/L }
  platelets: { column: P, unit: 10^9/L }
  followUpTime: { column: os, unit: months }
  death: dead
derived: [{ name: SII, index: SII }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
cutoffs: { SII: { method: median } }
analyses: { km: [{ endpoint: os, by: [SII] }] }
`);
    const { bundle } = await analyzeStudy(join(dir, 's.yaml'));
    const flow = buildReport(bundle).sections.find((s) => s.id === 'flow')!;
    const notes = flow.blocks.find((b) => b.kind === 'table' && b.table.id === 'table-data-notes');
    if (notes?.kind !== 'table') throw new Error('data notes table expected');
    expect(notes.table.rows[0].cells).toEqual(['platelets (P, c.csv)', 'Negative missing-value code, set missing', '1 of 30', 'row 6 (patient p4): −1']);
  });
});
