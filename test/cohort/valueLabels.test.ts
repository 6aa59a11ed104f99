import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';

/** 12 patients: sex coded 1 = male, 2 = female; tumour size coded 0/1. */
function study(mapping: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-vl-'));
  const rows = ['id,sex,size5,time,dead'];
  for (let i = 0; i < 12; i++) rows.push(`P${i},${i % 3 === 0 ? 2 : 1},${i % 2},${5 + i * 3},${i % 4 === 0 ? 0 : 1}`);
  writeFileSync(join(dir, 'p.csv'), rows.join('\n') + '\n');
  writeFileSync(join(dir, 'study.yaml'), `version: 1
sources: [{ file: p.csv }]
variables:
  patientId: id
  sex: ${mapping}
  death: dead
  tumourSize: { column: size5, type: category, label: Tumour size, valueLabels: { 0: "≤ 5 cm", 1: "> 5 cm" } }
covariates:
  osTime: { column: time, unit: months }
endpoints:
  os: { type: survival, events: [death], time: osTime }
analyses:
  cox: [{ endpoint: os, candidates: [sex, tumourSize] }]
`);
  return join(dir, 'study.yaml');
}

describe('valueLabels: coded categories printed by name', () => {
  test('codes become their labels; declared levels may be codes (their order kept)', async () => {
    const r = await loadStudy(study('{ column: sex, type: category, levels: ["2", "1"], valueLabels: { 1: male, 2: female } }'));
    const sex = r.dataset.columns.sex;
    if (sex.kind !== 'label') throw new Error('label column expected');
    expect(sex.levels).toEqual(['female', 'male']);
    expect(sex.values.slice(0, 3)).toEqual(['female', 'male', 'male']);
    const size = r.dataset.columns.tumourSize;
    if (size.kind !== 'label') throw new Error('label column expected');
    expect(size.levels).toEqual(['≤ 5 cm', '> 5 cm']);
  });

  test('declared levels may be the labels; a code outside them is still refused', async () => {
    const r = await loadStudy(study('{ column: sex, type: category, levels: [male, female], valueLabels: { 1: male, 2: female } }'));
    const sex = r.dataset.columns.sex;
    if (sex.kind !== 'label') throw new Error('label column expected');
    expect(sex.levels).toEqual(['male', 'female']);
    await expect(loadStudy(study('{ column: sex, type: category, levels: [male], valueLabels: { 1: male, 2: female } }'))).rejects.toThrow(/sex/);
  });

  test('model terms read "Tumour size: > 5 cm vs ≤ 5 cm"', async () => {
    const { bundle } = await analyzeStudy(study('{ column: sex, type: category, valueLabels: { 1: male, 2: female } }'));
    const cox = bundle.analyses.find((a) => a.kind === 'cox');
    if (cox?.kind !== 'cox') throw new Error('cox expected');
    const terms = cox.univariable.flatMap((u) => u.result?.coefficients.map((c) => c.term) ?? []);
    expect(terms.join(' | ')).toMatch(/> 5 cm/);
    expect(terms.join(' | ')).toMatch(/male|female/);
    expect(terms.join(' | ')).not.toMatch(/=1\b|=2\b/);
  });
});
