/** End to end on the real cohorts in ../shared/data/real (skipped when absent): inspect, load, derive, flow. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasReal, REAL } from '../helpers/shared.js';
import { readTable } from '../../src/io/readTable.js';
import { inspectTable } from '../../src/cohort/inspectTable.js';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { parseDateText } from '../../src/cohort/parseDate.js';
import { TONGJI, tongjiStudy } from '../helpers/tongji.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-real-'));
const CHOWELL = join(REAL, 'chowell2021_ici_pancancer.csv');

describe.skipIf(!hasReal)('Tongji long-format XLSX (375 patients, 6120 draws)', () => {
  test('inspect finds the long format and maps the blood counts, dates and outcome', async () => {
    const r = inspectTable(await readTable(TONGJI));
    expect(r.format).toBe('long');
    expect(r.patients).toBe(375);
    const m = Object.fromEntries(r.suggestions.map((s) => [s.variable, s.column]));
    expect(m).toMatchObject({
      patientId: 'PATIENT_ID', drawDate: 'RE_DATE', treatmentDate: 'Admission time', lastFollowUpDate: 'Discharge time',
      neutrophils: 'neutrophils count', lymphocytes: 'lymphocyte count', platelets: 'Platelet count',
      neutrophilPercent: 'neutrophils(%)', lymphocytePercent: '(%)lymphocyte', death: 'outcome',
    });
    expect(r.columns.find((c) => c.name === 'RE_DATE')!.type).toBe('date');
  });

  test('SII per draw, first draw per patient, time = discharge − admission; flow counts recomputed by hand', async () => {
    const spec = join(dir, 'tongji.yaml');
    writeFileSync(spec, tongjiStudy(`analyses:
  cox: [{ endpoint: death, candidates: [SII_first], timeVarying: [SII] }]
`));
    const { dataset, flow, warnings } = await loadStudy(spec);

    // Independent recomputation from the raw table.
    const t = await readTable(TONGJI);
    const c = (n: string) => t.columns.indexOf(n);
    const day = (x: unknown) => parseDateText(String(x), null);
    const byId = new Map<string, { first: number; firstDay: number; time: number; death: number }>();
    let id = '';
    for (const row of t.rows) {
      if (row[c('PATIENT_ID')] !== null) id = String(row[c('PATIENT_ID')]);
      const rec = byId.get(id) ?? { first: NaN, firstDay: Infinity, time: day(row[c('Discharge time')]) - day(row[c('Admission time')]), death: Number(row[c('outcome')]) };
      byId.set(id, rec);
      const [N, L, P] = ['neutrophils count', 'lymphocyte count', 'Platelet count'].map((k) => row[c(k)]);
      const d = day(row[c('RE_DATE')]);
      if (typeof N === 'number' && typeof L === 'number' && typeof P === 'number' && L > 0 && P >= 0 && !Number.isNaN(d) && d < rec.firstDay) {
        rec.first = (P * N) / L;
        rec.firstDay = d;
      }
    }
    const complete = [...byId].filter(([, r]) => !Number.isNaN(r.first));
    expect(flow.screened).toBe(375);
    expect(flow.analysed).toBe(complete.length);
    expect(flow.excluded.length).toBe(375 - complete.length);
    expect(flow.steps.reduce((a, s) => a + s.n, 0)).toBe(375 - complete.length);
    expect(dataset.n).toBe(complete.length);
    const sii = dataset.columns.SII_first.values as Float64Array;
    const ep = dataset.endpoints.death;
    if (ep.type !== 'survival') throw new Error('survival expected');
    dataset.ids.forEach((pid, i) => {
      const r = byId.get(pid)!;
      expect(sii[i]).toBeCloseTo(r.first, 9);
      expect(ep.time[i]).toBeCloseTo(r.time, 9);
      expect(ep.event[i]).toBe(r.death);
    });
    expect(warnings.some((w) => w.includes('future information'))).toBe(true);
    const tv = dataset.timeVarying['death:SII'];
    expect(tv.start.length).toBeGreaterThan(dataset.n);
    expect(Array.from(tv.event).reduce((a, b) => a + b, 0)).toBe(Array.from(ep.event).reduce((a, b) => a + b, 0));
  }, 60000);
});

describe.skipIf(!hasReal)('Chowell CSV, hepatobiliary subset', () => {
  test('inspect maps NLR, Platelets, Albumin (g/dL) and OS', async () => {
    const r = inspectTable(await readTable(CHOWELL));
    const m = Object.fromEntries(r.suggestions.map((s) => [s.variable, s]));
    expect(r.format).toBe('wide');
    expect(m.nlr.column).toBe('NLR');
    expect(m.platelets.column).toBe('Platelets');
    expect(m.albumin.unit).toBe('g/dL');
    expect(m.followUpTime).toMatchObject({ column: 'OS_Months', unit: 'months' });
    expect(m.death.column).toBe('OS_Event');
  });

  test('SII = Platelets × NLR, OS_Months/OS_Event, 1479 screened → 1427 not hepatobiliary → 52', async () => {
    const spec = join(dir, 'chowell.yaml');
    writeFileSync(spec, `version: 1
sources: [{ file: ${JSON.stringify(CHOWELL)} }]
variables:
  patientId: SAMPLE_ID
  platelets: Platelets
  nlr: NLR
  albumin: { column: Albumin, unit: g/dL }
  followUpTime: { column: OS_Months, unit: months }
  death: OS_Event
covariates:
  cancerGroup: { column: Cancer_type_grouped_2, type: category }
population:
  include: [{ variable: cancerGroup, in: [Hepatobiliary], label: not hepatobiliary }]
derived: [{ name: SII, index: SII }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
`);
    const { dataset, flow } = await loadStudy(spec);
    expect(flow.screened).toBe(1479);
    expect(flow.steps).toEqual([{ reason: 'not-eligible', label: 'not hepatobiliary', n: 1427, byVariable: [{ variable: 'cancerGroup', n: 1427 }] }]);
    expect(flow.analysed).toBe(52);
    const t = await readTable(CHOWELL);
    const c = (n: string) => t.columns.indexOf(n);
    const rows = t.rows.filter((r) => r[c('Cancer_type_grouped_2')] === 'Hepatobiliary');
    expect(dataset.ids).toEqual(rows.map((r) => String(r[c('SAMPLE_ID')])));
    const ep = dataset.endpoints.os;
    if (ep.type !== 'survival') throw new Error('survival expected');
    rows.forEach((r, i) => {
      expect((dataset.columns.SII.values as Float64Array)[i]).toBeCloseTo(Number(r[c('Platelets')]) * Number(r[c('NLR')]), 9);
      expect(ep.time[i]).toBe(Number(r[c('OS_Months')]));
      expect(ep.event[i]).toBe(Number(r[c('OS_Event')]));
      expect((dataset.columns.albumin.values as Float64Array)[i]).toBeCloseTo(Number(r[c('Albumin')]) * 10, 9);
    });
  }, 60000);
});

const UCI = join(REAL, 'uci_hcc_survival.txt');
/** The 50 columns of the headerless UCI HCC file, in the order of uci_hcc_survival_description.txt. */
const UCI_COLUMNS = [
  'Gender', 'Symptoms', 'Alcohol', 'HBsAg', 'HBeAg', 'HBcAb', 'HCVAb', 'Cirrhosis', 'Endemic', 'Smoking', 'Diabetes', 'Obesity',
  'Hemochro', 'AHT', 'CRI', 'HIV', 'NASH', 'Varices', 'Spleno', 'PHT', 'PVT', 'Metastasis', 'Hallmark', 'Age', 'Grams_day',
  'Packs_year', 'PS', 'Encephalopathy', 'Ascites', 'INR', 'AFP', 'Hemoglobin', 'MCV', 'Leucocytes', 'Platelets', 'Albumin',
  'Total_Bil', 'ALT', 'AST', 'GGT', 'ALP', 'TP', 'Creatinine', 'Nodules', 'Major_Dim', 'Dir_Bil', 'Iron', 'Sat', 'Ferritin', 'Class',
];

describe.skipIf(!hasReal)('UCI HCC file: platelets and leucocytes in mixed units', () => {
  const uciSpec = (mixed: string) => {
    const spec = join(dir, `uci-${mixed || 'default'}.yaml`);
    writeFileSync(spec, `version: 1
sources: [{ file: ${JSON.stringify(UCI)}, columns: ${JSON.stringify(UCI_COLUMNS)} }]
variables:
  platelets: { column: Platelets, unit: /uL${mixed} }
  whiteCells: { column: Leucocytes, unit: 10^9/L${mixed} }
  albumin: { column: Albumin, unit: g/dL }
  death: { column: Class, positive: 0 }
endpoints:
  death1y: { type: binary, events: [death] }
`);
    return spec;
  };
  const raw = async () => {
    const t = await readTable(UCI, { header: false, columns: UCI_COLUMNS });
    return (name: string) => t.rows.map((r) => r[UCI_COLUMNS.indexOf(name)]).map((c) => (typeof c === 'number' ? c : c === null || c === '?' ? NaN : Number(c)));
  };

  test('refused by default, naming the column and the counts: 115 in cells/µL, 47 only in 10^9/L (no value silently dropped)', async () => {
    const col = (await raw())('Platelets');
    const inUl = col.filter((x) => x * 0.001 >= 1 && x * 0.001 <= 3000).length;
    const only9 = col.filter((x) => !Number.isNaN(x) && !(x * 0.001 >= 1) && x >= 1).length;
    expect([inUl, only9]).toEqual([115, 47]);
    await expect(loadStudy(uciSpec(''))).rejects.toThrow(/column 'Platelets' of .*uci_hcc_survival\.txt \(platelets\) mixes units: of 162 values, 115 fit the declared unit 'cells\/µL' and 47 fit only 10\^9\/L/);
  });

  test('mixedUnits: convert → all 162 platelet values kept, the 47 converted row by row and counted in the flow', async () => {
    const col = (await raw())('Platelets');
    const { dataset, flow } = await loadStudy(uciSpec(', mixedUnits: convert'));
    const p = dataset.columns.platelets.values as Float64Array;
    expect(Array.from(p).filter((x) => !Number.isNaN(x)).length).toBe(162);
    col.forEach((x, i) => {
      if (Number.isNaN(x)) expect(Number.isNaN(p[i])).toBe(true);
      else expect(p[i]).toBeCloseTo(x * 0.001 >= 1 ? x * 0.001 : x, 9);
    });
    const note = flow.dataNotes.find((d) => d.kind === 'mixed-units-converted' && d.variable === 'platelets')!;
    expect(note).toMatchObject({ n: 47, of: 162, counts: { 'cells/µL': 115, '10^9/L': 47 } });
    // A headerless file: its first line is row 1, and the note names it so (the patient is that row).
    const firstLine = Number(readFileSync(UCI, 'utf8').split('\n')[0].split(',')[UCI_COLUMNS.indexOf('Platelets')]);
    expect(note.rows[0]).toEqual({ row: 1, value: firstLine, patient: 'row 1', unit: '10^9/L' });
    expect(flow.dataNotes.some((d) => d.kind === 'implausible' && d.variable === 'platelets')).toBe(false);
    const wbc = flow.dataNotes.find((d) => d.kind === 'mixed-units-converted' && d.variable === 'whiteCells')!;
    expect(wbc.n).toBe((await raw())('Leucocytes').filter((x) => x > 500).length);
    expect(dataset.columns.albumin).toMatchObject({ unit: 'g/L', convertedFrom: 'g/dL' });
  }, 60000);
});

describe.skipIf(!hasReal)('Tongji: platelets −1, lymphocytes 0 and 52.42 listed per row', () => {
  test('four platelets −1 are missing codes; lymphocytes 0 and the unusual high counts are flagged with row and patient', async () => {
    const spec = join(dir, 'tongji-notes.yaml');
    writeFileSync(spec, tongjiStudy());
    const { flow, warnings } = await loadStudy(spec);
    const t = await readTable(TONGJI);
    const rowsWhere = (col: string, f: (x: number) => boolean) =>
      t.rows.flatMap((r, i) => (typeof r[t.columns.indexOf(col)] === 'number' && f(r[t.columns.indexOf(col)] as number) ? [i + 2] : []));
    const note = (kind: string, variable: string) => flow.dataNotes.find((d) => d.kind === kind && d.variable === variable);
    expect(note('missing-code', 'platelets')!.rows.map((r) => r.row)).toEqual(rowsWhere('Platelet count', (x) => x < 0));
    expect(note('missing-code', 'platelets')!.rows.map((r) => r.row)).toEqual([2079, 2088, 2606, 4694]);
    expect(note('implausible', 'platelets')).toBeUndefined();
    expect(note('zero', 'lymphocytes')!.rows.map((r) => [r.row, r.value])).toEqual([[5352, 0]]);
    expect(note('unusual', 'lymphocytes')!.rows.map((r) => r.value)).toEqual(expect.arrayContaining([52.42]));
    expect(note('unusual', 'lymphocytes')!.rows.every((r) => r.patient !== null && r.value > 20)).toBe(true);
    expect(warnings.some((w) => w.includes('52.42 10^9/L') && w.includes("column 'lymphocyte count'"))).toBe(true);
  }, 60000);
});

describe.skipIf(!hasReal)('Chowell hepatobiliary: albumin declared g/dL', () => {
  const chowell = (albumin: string) => {
    const spec = join(dir, `chowell-alb-${albumin.length}.yaml`);
    writeFileSync(spec, `version: 1
sources: [{ file: ${JSON.stringify(CHOWELL)} }]
variables:
  patientId: SAMPLE_ID
  albumin: ${albumin}
  followUpTime: { column: OS_Months, unit: months }
  death: OS_Event
covariates:
  cancerGroup: { column: Cancer_type_grouped_2, type: category }
population:
  include: [{ variable: cancerGroup, in: [Hepatobiliary] }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
`);
    return spec;
  };
  test('converted: unit g/L, convertedFrom g/dL; keepUnit: the values as written, unit g/dL', async () => {
    const t = await readTable(CHOWELL);
    const c = (n: string) => t.columns.indexOf(n);
    const alb = t.rows.filter((r) => r[c('Cancer_type_grouped_2')] === 'Hepatobiliary').map((r) => Number(r[c('Albumin')]));
    const conv = (await loadStudy(chowell('{ column: Albumin, unit: g/dL }'))).dataset.columns.albumin;
    expect(conv).toMatchObject({ unit: 'g/L', convertedFrom: 'g/dL' });
    const kept = (await loadStudy(chowell('{ column: Albumin, unit: g/dL, keepUnit: true }'))).dataset.columns.albumin;
    expect(kept).toMatchObject({ unit: 'g/dL', convertedFrom: null });
    expect(Array.from(kept.values as Float64Array)).toEqual(alb);
    alb.forEach((x, i) => expect((conv.values as Float64Array)[i]).toBeCloseTo(x * 10, 9));
  }, 60000);
});
