/**
 * Units of the analysis dataset (interface (a)): each numeric column says the unit it is analysed
 * in and the declared unit when siilab converted it; keepUnit keeps the declared unit. Columns that
 * mix units are refused or converted row by row; negative values are missing codes; zero and
 * unusual values are listed per row with variable, value, row and patient.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { SiilabError } from '../../src/errors.js';
import { fromCohortDataset } from '../../src/analysis/fromCohortDataset.js';

const N = 40;
/** Deterministic counts: platelets in cells/µL except `inUnits9` rows (10^9/L); albumin g/dL. */
function cohort(opts: { inUnits9?: number[]; platelet?: Record<number, string>; lymph?: Record<number, string> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-units-'));
  const lines = ['id,N,L,P,alb,os,dead'];
  const raw: { P: number; alb: number; N: number; L: number }[] = [];
  for (let i = 0; i < N; i++) {
    const N_ = 2 + (i % 7) * 0.5;
    const L = 1 + (i % 5) * 0.3;
    const P9 = 120 + ((i * 37) % 200);
    const P = opts.inUnits9?.includes(i) ? P9 : P9 * 1000;
    const alb = 3 + (i % 9) * 0.2;
    raw.push({ P, alb, N: N_, L });
    const pCell = opts.platelet?.[i] ?? String(P);
    const lCell = opts.lymph?.[i] ?? String(L);
    lines.push(`p${i},${N_},${lCell},${pCell},${alb.toFixed(1)},${5 + i},${i % 2}`);
  }
  writeFileSync(join(dir, 'c.csv'), lines.join('\n') + '\n');
  return { dir, raw };
}

function spec(dir: string, platelets: string, albumin = '{ column: alb, unit: g/dL }'): string {
  const file = join(dir, 's.yaml');
  writeFileSync(file, `version: 1
sources: [{ file: c.csv }]
variables:
  patientId: id
  neutrophils: { column: N, unit: 10^9/L }
  lymphocytes: { column: L, unit: 10^9/L }
  platelets: ${platelets}
  albumin: ${albumin}
  followUpTime: { column: os, unit: months }
  death: dead
derived: [{ name: SII, index: SII }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
`);
  return file;
}

async function refusal(file: string): Promise<string> {
  try {
    await loadStudy(file);
  } catch (e) {
    expect(e).toBeInstanceOf(SiilabError);
    expect((e as SiilabError).exitCode).toBe(3);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the unit of every numeric column', () => {
  test('albumin declared g/dL is analysed in g/L and says it was converted from g/dL', async () => {
    const { dir, raw } = cohort();
    const { dataset } = await loadStudy(spec(dir, '{ column: P, unit: /uL }'));
    const alb = dataset.columns.albumin;
    expect(alb).toMatchObject({ kind: 'number', unit: 'g/L', convertedFrom: 'g/dL' });
    expect(Array.from(alb.values as Float64Array)).toEqual(raw.map((r) => Number(r.alb.toFixed(1)) * 10));
    expect(dataset.columns.platelets).toMatchObject({ unit: '10^9/L', convertedFrom: 'cells/µL' });
    expect(dataset.columns.neutrophils).toMatchObject({ unit: '10^9/L', convertedFrom: null });
    // The analysis layer receives both.
    const ds = fromCohortDataset(dataset);
    expect(ds.columns.get('albumin')).toMatchObject({ kind: 'numeric', unit: 'g/L', convertedFrom: 'g/dL' });
  });

  test('keepUnit: albumin analysed per g/dL, not converted; SII still from converted platelets', async () => {
    const { dir, raw } = cohort();
    const { dataset } = await loadStudy(spec(dir, '{ column: P, unit: /uL, keepUnit: true }', '{ column: alb, unit: g/dL, keepUnit: true }'));
    expect(dataset.columns.albumin).toMatchObject({ unit: 'g/dL', convertedFrom: null });
    expect(Array.from(dataset.columns.albumin.values as Float64Array)).toEqual(raw.map((r) => Number(r.alb.toFixed(1))));
    expect(dataset.columns.platelets).toMatchObject({ unit: 'cells/µL', convertedFrom: null });
    expect(Array.from(dataset.columns.platelets.values as Float64Array)).toEqual(raw.map((r) => r.P));
    const sii = dataset.columns.SII.values as Float64Array;
    raw.forEach((r, i) => expect(sii[i]).toBeCloseTo(((r.P / 1000) * r.N) / r.L, 9));
  });
});

describe('a column that mixes units', () => {
  const mixed = [1, 4, 9, 13, 20, 27, 33, 38];
  test('refused by default: one message naming field, file, column, counts and example rows', async () => {
    const { dir } = cohort({ inUnits9: mixed });
    const file = spec(dir, '{ column: P, unit: /uL }');
    const m = await refusal(file);
    expect(m).toContain(`${file}, line 7, field variables.platelets: column 'P' of c.csv (platelets) mixes units: of 40 values, 32 fit the declared unit 'cells/µL' and 8 fit only 10^9/L`);
    expect(m).toContain('row 3: ');
    expect(m).toContain('mixedUnits: convert');
  });

  test('mixedUnits: convert converts row by row and the flow counts it, with every row', async () => {
    const { dir, raw } = cohort({ inUnits9: mixed });
    const { dataset, flow, warnings } = await loadStudy(spec(dir, '{ column: P, unit: /uL, mixedUnits: convert }'));
    expect(flow.analysed).toBe(N);
    const p = dataset.columns.platelets.values as Float64Array;
    raw.forEach((r, i) => expect(p[i]).toBeCloseTo(mixed.includes(i) ? r.P : r.P / 1000, 9));
    const note = flow.dataNotes.find((d) => d.kind === 'mixed-units-converted')!;
    expect(note).toMatchObject({ variable: 'platelets', file: 'c.csv', column: 'P', n: 8, of: 40, counts: { 'cells/µL': 32, '10^9/L': 8 } });
    expect(note.rows.map((r) => r.row)).toEqual(mixed.map((i) => i + 2));
    expect(note.rows[0]).toEqual({ row: 3, value: raw[1].P, patient: 'p1', unit: '10^9/L' });
    expect(warnings.find((w) => w.includes("column 'P' (platelets) mixes units (32 in cells/µL, 8 in 10^9/L): 8 value(s) not in the declared cells/µL were read in the unit they fit and converted row by row"))).toBeDefined();
  });

  test('one stray value that fits another unit is not a mixed column: set missing, listed with the unit it would fit', async () => {
    const { dir, raw } = cohort({ inUnits9: [5] });
    const { flow, warnings } = await loadStudy(spec(dir, '{ column: P, unit: /uL }'));
    const note = flow.dataNotes.find((d) => d.kind === 'implausible')!;
    expect(note.rows).toEqual([{ row: 7, value: raw[5].P, patient: 'p5', fits: '10^9/L' }]);
    expect(flow.excluded.map((e) => [e.id, e.reason, e.value])).toEqual([['p5', 'implausible-value', raw[5].P]]);
    expect(flow.excluded[0].detail).toBe(`SII: implausible value (set missing) (platelets, c.csv row 7 = ${raw[5].P} cells/µL (plausible only in 10^9/L))`);
    expect(warnings.some((w) => w.includes(`row 7 (patient p5) = ${raw[5].P} cells/µL (plausible only in 10^9/L)`))).toBe(true);
  });
});

describe('missing codes, zeros and unusual values', () => {
  test('platelets −1 is a missing code (not implausible); lymphocytes 0 and 52.4 are listed per row', async () => {
    const { dir } = cohort({ platelet: { 3: '-1', 17: '-1' }, lymph: { 8: '0', 21: '52.4' } });
    const { flow, warnings } = await loadStudy(spec(dir, '{ column: P, unit: /uL }'));
    const kinds = Object.fromEntries(flow.dataNotes.map((d) => [d.kind, d]));
    expect(kinds['missing-code']).toMatchObject({ variable: 'platelets', n: 2, rows: [{ row: 5, value: -1, patient: 'p3' }, { row: 19, value: -1, patient: 'p17' }] });
    expect(kinds.implausible).toBeUndefined();
    expect(kinds.zero).toMatchObject({ variable: 'lymphocytes', column: 'L', n: 1, rows: [{ row: 10, value: 0, patient: 'p8' }] });
    expect(kinds.unusual).toMatchObject({ variable: 'lymphocytes', n: 1, rows: [{ row: 23, value: 52.4, patient: 'p21' }] });
    expect(warnings.some((w) => w.includes("c.csv, column 'L' (lymphocytes): 1 value(s) above 20 10^9/L are possible but unusual") && w.includes('row 23 (patient p21) = 52.4 10^9/L'))).toBe(true);
    expect(warnings.some((w) => w.includes('negative value(s) read as missing-value codes') && w.includes('row 5 (patient p3) = -1'))).toBe(true);
    // Excluded for their reason, each counted once, by variable.
    const byId = Object.fromEntries(flow.excluded.map((e) => [e.id, e]));
    expect(byId.p3.detail).toBe('SII: missing-value code (a negative value) (platelets, c.csv row 5 = -1)');
    expect(byId.p3.value).toBe(-1);
    expect(byId.p8.detail).toBe('SII: lymphocyte count 0 (index undefined) (lymphocytes, c.csv row 10 = 0 10^9/L)');
    expect(byId.p3.reason).toBe('missing-value');
    expect(byId.p8.reason).toBe('zero-lymphocytes');
    expect(byId.p21).toBeUndefined();
    expect(flow.steps.find((s) => s.reason === 'missing-value')).toMatchObject({ n: 2, byVariable: [{ variable: 'SII', n: 2 }] });
  });
});
