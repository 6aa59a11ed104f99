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
  const draws = ['id,draw_date,neutrophils,lymphocytes,platelets,monocytes'];
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
      draws.push(`${idCell},${date},${cell(1 + u() * 8, 2)},${L},${P},${cell(0.1 + u() * 1.2, 2)}`);
    }
    if (u() < 0.05) draws.push(`X${i},${iso(t0)},3,1,200,0.5`); // an id not in the patient file
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
  death: { column: death, source: patients }
covariates:
  osTime: { column: os_months, source: patients, unit: months }
derived:
  - { name: SII, index: SII }
  - { name: NLR, index: NLR }
  - { name: PLR, index: PLR }
  - { name: LMR, index: LMR }
  - { name: SII_baseline, aggregate: baseline, of: SII }
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
  cox: [{ endpoint: os, candidates: [SII_baseline, NLR_first, SII_mean, N_mean]${extra} }]
  km: [{ endpoint: os, by: [SII_baseline] }]
`;
