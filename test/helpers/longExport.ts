/**
 * A generated long export with everything the SQL path compiles and every trap a hospital export
 * has (ids written on a patient's first row only, ids not in the patient file, undated draws, missing
 * codes, implausible or per-µL values, zero lymphocytes, patients without a draw or an origin), and
 * the study that derives SII/NLR/PLR/LMR and all six aggregates from it: shared by the tests that
 * compare the SQL path with the JavaScript path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { xoshiro128ss } from '../../src/stats/roc/prng.js';

const iso = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
/** patients.csv and draws.csv of `patients` generated patients (seeded); `unitTypo` is the odd platelet cell. */
export function writeCohort(dir: string, seed: number, patients: number, unitTypo: string): void {
  const r = xoshiro128ss(seed);
  const u = () => r.next();
  const pat = ['id,treatment_date,os_months,death'];
  const draws = ['id,draw_date,neutrophils,lymphocytes,platelets,monocytes,wbc'];
  for (let i = 0; i < patients; i++) {
    const id = `P${i + 1}`;
    const t0 = 18000 + Math.floor(u() * 400);
    pat.push(`${id},${u() < 0.05 ? '' : iso(t0)},${(0.5 + u() * 60).toFixed(1)},${u() < 0.6 ? 1 : 0}`);
    const nd = Math.floor(u() * 7); // some patients have no draw
    for (let d = 0; d < nd; d++) {
      // ids written on the first row of a patient only, now and then
      const idCell = d > 0 && u() < 0.3 ? '' : id;
      const day = t0 + Math.floor(u() * 500) - 200;
      const date = u() < 0.04 ? 'NA' : iso(u() < 0.1 ? t0 : day); // undated draws; draws on the origin day
      const cell = (x: number, digits: number) => (u() < 0.05 ? '' : x.toFixed(digits));
      const L = u() < 0.03 ? '0' : cell(0.3 + u() * 3, 2);
      const P = u() < 0.02 ? '-1' : u() < 0.02 ? unitTypo : cell(50 + u() * 400, 0); // missing codes, implausible or per-µL values
      const N = 1 + u() * 8;
      const W = u() < 0.03 ? N - 0.5 : N + 0.5 + u() * 4; // now and then no more white cells than neutrophils
      draws.push(`${idCell},${date},${cell(N, 2)},${L},${P},${cell(0.1 + u() * 1.2, 2)},${cell(W, 2)}`);
    }
    if (u() < 0.05) draws.push(`X${i},${iso(t0)},3,1,200,0.5,6`); // an id not in the patient file
  }
  writeFileSync(join(dir, 'patients.csv'), pat.join('\n') + '\n');
  writeFileSync(join(dir, 'draws.csv'), draws.join('\n') + '\n');
}
/** The study over them: `extra` ends the Cox analysis, `platelets` the platelet mapping. */
export const STUDY = (extra = '', platelets = '') => `version: 1
sources:
  - { id: patients, file: patients.csv }
  - { id: draws, file: draws.csv, format: long, idColumn: id, dateColumn: draw_date }
variables:
  patientId: { column: id, source: patients }
  treatmentDate: { column: treatment_date, source: patients }
  drawDate: { column: draw_date, source: draws }
  neutrophils: { column: neutrophils, source: draws, unit: 10^9/L }
  lymphocytes: { column: lymphocytes, source: draws, unit: 10^9/L }
  platelets: { column: platelets, source: draws, unit: 10^9/L${platelets} }
  monocytes: { column: monocytes, source: draws, unit: 10^9/L }
  whiteCells: { column: wbc, source: draws, unit: 10^9/L }
  death: { column: death, source: patients }
covariates:
  osTime: { column: os_months, source: patients, unit: months }
derived:
  - { name: SII, index: SII }
  - { name: NLR, index: NLR }
  - { name: PLR, index: PLR }
  - { name: LMR, index: LMR }
  - { name: SIRI, index: SIRI }
  - { name: PIV, index: PIV }
  - { name: dNLR, index: dNLR }
  - { name: SII_baseline, aggregate: baseline, of: SII }
  - { name: SIRI_first, aggregate: first, of: SIRI }
  - { name: PIV_max, aggregate: max, of: PIV, window: { from: -1, to: 3, unit: months } }
  - { name: dNLR_mean, aggregate: mean, of: dNLR }
  - { name: NLR_first, aggregate: first, of: NLR }
  - { name: PLR_last, aggregate: last, of: PLR }
  - { name: SII_mean, aggregate: mean, of: SII, window: { from: -3, to: 6, unit: months } }
  - { name: LMR_max, aggregate: max, of: LMR, window: { from: 0, unit: months } }
  - { name: PLT_min, aggregate: min, of: platelets, window: { to: 30, unit: days } }
  - { name: N_mean, aggregate: mean, of: neutrophils }
endpoints:
  os: { type: survival, events: [death], time: osTime }
population:
  require: [SII_baseline, NLR_first, PLR_last]
cutoffs:
  SII_baseline: { method: median }
analyses:
  cox: [{ endpoint: os, candidates: [SII_baseline, NLR_first, SII_mean, N_mean, SIRI_first, PIV_max, dNLR_mean]${extra} }]
  km: [{ endpoint: os, by: [SII_baseline] }]
`;

/**
 * One long file and nothing else (as the Tongji export): the patient's admission and discharge
 * dates, outcome, sex, age and BMI on every row of the patient (written only on the first row now
 * and then), some patients with conflicting values on later rows, an implausible age, blank cells;
 * and the draws. Returns the rows (header first) so that tests can write them as CSV, XLSX or a table.
 */
export function singleLongRows(seed: number, patients: number): (string | number | null)[][] {
  const r = xoshiro128ss(seed);
  const u = () => r.next();
  const rows: (string | number | null)[][] = [['id', 'draw_date', 'admission', 'discharge', 'outcome', 'sex', 'age', 'bmi', 'neut', 'lymph', 'plt']];
  for (let i = 0; i < patients; i++) {
    const t0 = 18000 + Math.floor(u() * 300);
    const stay = 2 + Math.floor(u() * 40);
    const died = u() < 0.3 ? 1 : 0;
    const sex = u() < 0.5 ? 'male' : 'female';
    const age = u() < 0.03 ? 150 : 30 + Math.floor(u() * 55); // 150: implausible
    const bmi = Number((18 + u() * 15).toFixed(1));
    const nd = 1 + Math.floor(u() * 6);
    for (let d = 0; d < nd; d++) {
      const later = d > 0;
      const blank = later && u() < 0.3; // per-patient cells written on the first row only
      const conflict = later && u() < 0.04;
      rows.push([
        later && u() < 0.2 ? null : `T${i + 1}`,
        iso(t0 + Math.floor(u() * stay) - 1),
        blank ? null : iso(t0),
        blank ? null : iso(t0 + stay),
        blank ? null : conflict ? 1 - died : died,
        blank || u() < 0.02 ? null : conflict && u() < 0.5 ? (sex === 'male' ? 'female' : 'male') : sex,
        blank ? null : age,
        blank ? null : conflict ? Number((bmi + 1).toFixed(1)) : bmi,
        u() < 0.05 ? null : Number((1 + u() * 8).toFixed(2)),
        u() < 0.03 ? 0 : Number((0.3 + u() * 3).toFixed(2)),
        u() < 0.02 ? -1 : Math.round(50 + u() * 400),
      ]);
    }
  }
  return rows;
}

/** The study of singleLongRows' file, `file` its name (CSV, XLSX) or a database source's fields. */
export const SINGLE_STUDY = (source: string) => `version: 1
sources: [{ ${source}, format: long }]
variables:
  patientId: id
  drawDate: draw_date
  treatmentDate: admission
  lastFollowUpDate: discharge
  neutrophils: { column: neut, unit: 10^9/L }
  lymphocytes: { column: lymph, unit: 10^9/L }
  platelets: { column: plt, unit: 10^9/L }
  death: outcome
  sex: sex
  age: age
covariates:
  bmi: { column: bmi, type: number }
derived:
  - { name: SII, index: SII }
  - { name: SII_first, aggregate: first, of: SII }
  - { name: SII_base, aggregate: baseline, of: SII }
endpoints:
  death: { type: survival, events: [death], unit: days }
population:
  require: [SII_first, age]
cutoffs:
  SII_first: { method: median }
analyses:
  cox: [{ endpoint: death, candidates: [SII_first, age, sex, bmi] }]
  km: [{ endpoint: death, by: [SII_first] }]
`;
