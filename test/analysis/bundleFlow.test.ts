/** The results bundle's flow carries what the cohort layer found: counts by reason and variable, each excluded patient's value, and the data notes with rows. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';

test('bundle.flow: byVariable counts, excluded variable/value, dataNotes (missing code, mixed units converted)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-bflow-'));
  const lines = ['id,N,L,P,stage,os,dead'];
  for (let i = 0; i < 30; i++) {
    const P = i === 4 ? '-1' : String([3, 8, 15, 22].includes(i) ? 150 + i : (150 + i) * 1000);
    lines.push(`p${i},${2 + (i % 4)},${1 + (i % 3) * 0.4},${P},${i === 10 ? 'IV' : 'II'},${3 + i},${i % 2}`);
  }
  writeFileSync(join(dir, 'c.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 's.yaml'), `version: 1
sources: [{ file: c.csv }]
variables:
  patientId: id
  neutrophils: { column: N, unit: 10^9/L }
  lymphocytes: { column: L, unit: 10^9/L }
  platelets: { column: P, unit: /uL, mixedUnits: convert }
  followUpTime: { column: os, unit: months }
  death: dead
covariates:
  stage: { column: stage, type: category }
population:
  include: [{ variable: stage, in: [II], label: stage IV }]
derived: [{ name: SII, index: SII }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
analyses:
  km: [{ endpoint: os, by: [] }]
`);
  const { bundle } = await analyzeStudy(join(dir, 's.yaml'));
  const f = bundle.flow;
  expect(f.steps.map((s) => [s.label, s.n, s.byVariable])).toEqual([
    ['stage IV', 1, [{ variable: 'stage', n: 1 }]],
    ['missing value', 1, [{ variable: 'SII', n: 1 }]],
  ]);
  expect(f.excluded.find((e) => e.id === 'p10')).toMatchObject({ variable: 'stage', value: 'IV', rows: [{ file: 'c.csv', row: 12 }] });
  expect(f.excluded.find((e) => e.id === 'p4')).toMatchObject({ variable: 'SII', value: -1, detail: 'SII: missing-value code (a negative value) (platelets, c.csv row 6 = -1)' });
  expect(f.dataNotes!.map((d) => [d.kind, d.variable, d.n, d.rows.map((r) => r.row)])).toEqual([
    ['mixed-units-converted', 'platelets', 4, [5, 10, 17, 24]],
    ['missing-code', 'platelets', 1, [6]],
  ]);
  expect(JSON.parse(JSON.stringify(f))).toEqual(f);
});
