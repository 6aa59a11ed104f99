/** A small generated cohort (wide patients file + long labs file) with one patient per exclusion reason. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Generated {
  dir: string;
  spec: string;
  /** Expected per analysed patient. */
  expected: Map<string, { siiBaseline: number; siiMean: number; recTime: number; recEvent: number; afp: number }>;
  excluded: Record<string, string>;
}

const iso = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
const dmy = (day: number) => { const [y, m, d] = iso(day).split('-'); return `${d}.${m}.${y}`; };
const slash = (day: number) => iso(day).replace(/-/g, '/');

/** Deterministic pseudo-random numbers (LCG) so the fixture never changes. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function generateCohort(n = 40, extraSpec = ''): Generated {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-gen-'));
  const rnd = lcg(42);
  const patients: string[] = ['id,TACE date,AFP (ng/ml),Tumor size,Vascular invasion,Recurrence,Recurrence date,Metastasis,Metastasis date,Last follow-up'];
  const labs: string[] = ['id,draw date,NEUT#,LYMPH#,PLT'];
  const expected: Generated['expected'] = new Map();
  const excluded: Record<string, string> = {};
  const T0 = 18000; // 2019-04-14
  const H = 3 * 365.25;
  for (let i = 1; i <= n; i++) {
    const id = `P${String(i).padStart(3, '0')}`;
    const tace = T0 + Math.floor(rnd() * 300);
    let afp: string = (5 + rnd() * 400).toFixed(1);
    const size = (1 + rnd() * 9).toFixed(1);
    const vi = rnd() < 0.3 ? 'yes' : 'no';
    const recDay = rnd() < 0.6 ? tace + 30 + Math.floor(rnd() * 1400) : NaN;
    const metDay = rnd() < 0.3 ? tace + 30 + Math.floor(rnd() * 1400) : NaN;
    let last = tace + 200 + Math.floor(rnd() * 1300);
    if (i === 5) last = tace - 10; // follow-up before treatment
    if (i === 7) afp = 'NA'; // missing AFP (required)
    const draws: [number, number, number, number][] = [];
    for (const off of [-20, -3, 60, 180]) {
      const N = 2 + rnd() * 4;
      let L = 0.8 + rnd() * 1.5;
      let P = 100 + rnd() * 200;
      if (i === 9) L = 0; // zero lymphocytes at every draw
      if (i === 11 && off < 0) P = 9000; // implausible platelets before treatment
      draws.push([tace + off, Number(N.toFixed(2)), Number(L.toFixed(2)), Math.round(P)]);
    }
    const ev = [recDay, metDay].filter((d) => !Number.isNaN(d) && d <= last);
    const recE = ev.length ? 1 : 0;
    const recD = recE ? Math.min(...ev) : last;
    patients.push([id, dmy(tace), afp, size, vi, Number.isNaN(recDay) || recDay > last ? 0 : 1, Number.isNaN(recDay) || recDay > last ? '' : slash(recDay),
      Number.isNaN(metDay) || metDay > last ? 0 : 1, Number.isNaN(metDay) || metDay > last ? '' : slash(metDay), slash(last)].join(','));
    for (const [d, N, L, P] of draws) labs.push([id, iso(d), N, L, P].join(','));
    if (i === 5) excluded[id] = 'follow-up-before-treatment';
    else if (i === 7) excluded[id] = 'missing-value';
    else if (i === 9) excluded[id] = 'zero-lymphocytes';
    else if (i === 11) excluded[id] = 'implausible-value';
    else {
      const sii = draws.map(([, N, L, P]) => (P * N) / L);
      const t = Math.min(recD - tace, H);
      expected.set(id, { siiBaseline: sii[1], siiMean: (sii[2] + sii[3] + sii[1]) / 3, recTime: t / (365.25 / 12), recEvent: recE && recD - tace <= H ? 1 : 0, afp: Number(afp) });
    }
  }
  // A duplicated id (the last row repeats patient 13's id).
  const dup = patients[13].split(',');
  patients.push(dup.join(','));
  excluded.P013 = 'duplicate-id';
  expected.delete('P013');
  writeFileSync(join(dir, 'patients.csv'), patients.join('\n') + '\n');
  writeFileSync(join(dir, 'labs.csv'), labs.join('\n') + '\n');
  const spec = join(dir, 'study.yaml');
  writeFileSync(spec, `version: 1
title: generated TACE cohort
sources:
  - { id: patients, file: patients.csv, dateOrder: DMY }
  - { id: labs, file: labs.csv, format: long, dateColumn: draw date }
variables:
  patientId: id
  treatmentDate: TACE date
  afp: { column: AFP (ng/ml), unit: ng/mL }
  tumourSize: { column: Tumor size, unit: cm }
  vascularInvasion: Vascular invasion
  recurrence: Recurrence
  recurrenceDate: Recurrence date
  metastasis: Metastasis
  metastasisDate: Metastasis date
  lastFollowUpDate: Last follow-up
  neutrophils: { column: "NEUT#", unit: 10^9/L, source: labs }
  lymphocytes: { column: "LYMPH#", unit: 10^9/L, source: labs }
  platelets: { column: PLT, unit: 10^9/L, source: labs }
population:
  require: [SII_baseline, SII_mean, afp]
derived:
  - { name: SII, index: SII }
  - { name: SII_baseline, aggregate: baseline, of: SII, label: SII at baseline }
  - { name: SII_mean, aggregate: mean, of: SII, window: { from: -7, to: 200, unit: days } }
  - { name: bigTumour, threshold: 5, of: tumourSize }
endpoints:
  recurrence:
    type: survival
    events: [recurrence, metastasis]
    horizon: { value: 3, unit: years }
  early: { type: binary, events: [recurrence, metastasis], within: { value: 6, unit: months } }
cutoffs:
  SII_baseline: { method: youden, endpoint: early }
analyses:
  baselineTable: { groupBy: recurrence }
  roc: [{ endpoint: early, markers: [SII_baseline, afp], combine: [[SII_baseline, afp]] }]
  cox:
    - endpoint: recurrence
      candidates: [SII_baseline, afp, bigTumour, vascularInvasion]
      multivariable: { rule: p-threshold, threshold: 0.05 }
      timeVarying: [SII]
  km: [{ endpoint: recurrence, by: [SII_baseline, afp] }]
${extraSpec}`);
  return { dir, spec, expected, excluded };
}
