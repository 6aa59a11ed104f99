import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const BASE = ['calc', '--neutrophils', '4.2', '--lymphocytes', '1.5', '--platelets', '180'];
const FIX = join(__dirname, '..', 'model', 'fixtures');
const calcJson = async (...extra: string[]) => {
  const r = await runCli([...BASE, ...extra, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.json();
};
const entry = (j: any, study: string, marker: string) => j.evidence.find((e: any) => e.study === study && e.marker === marker);

describe('siilab calc --json: the contract', () => {
  it('indices, normalised inputs, evidence, model, warnings', async () => {
    const j = await calcJson();
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['indices', 'inputs', 'evidence', 'model', 'warnings']));
    expect(j.indices).toMatchObject({ sii: 504, plr: 120, dnlr: null, siri: null, piv: null, albi: null, albiGrade: null });
    expect(j.indices.nlr).toBeCloseTo(2.8, 12);
    expect(j.inputs.platelets).toEqual({ variable: 'platelets', value: 180, unit: '10^9/L', given: { value: 180, unit: '10^9/L' }, source: 'given' });
    expect(j.warnings).toEqual([
      'dNLR not computed: it needs white cells.', 'SIRI not computed: it needs monocytes.',
      'PIV not computed: it needs monocytes.', 'ALBI not computed: it needs bilirubin and albumin.',
    ]);
    for (const e of j.evidence) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['study', 'marker', 'cutoff', 'direction', 'category', 'finding', 'population', 'endpoint', 'caveats']));
    }
  });
  it('categories by each study\'s cut-off and direction', async () => {
    const j = await calcJson();
    expect(entry(j, 'deng2025', 'SII')).toMatchObject({ cutoff: 375.56, direction: '>=', category: 'high', value: 504 });
    expect(entry(j, 'yu2023', 'SII')).toMatchObject({ cutoff: 405.08, direction: '>', category: 'high' });
    expect(entry(j, 'hong2021', 'SII')).toMatchObject({ cutoff: 340, direction: '>=', category: 'high' });
    expect(entry(j, 'yu2023', 'SII').finding).toContain('3.164');
    expect(entry(j, 'hong2021', 'SII').finding).toContain('2.211');
    const low = await runCli(['calc', '--neutrophils', '3', '--lymphocytes', '2', '--platelets', '200', '--json']);
    const l = low.json();
    expect(entry(l, 'deng2025', 'SII').category).toBe('low');
    expect(entry(l, 'yu2023', 'SII').finding).toContain('26 of the 134');
  });
  it('cut-off boundaries follow each direction: SII = 405.08 is low for yu2023 (>), SII = 340 high for hong2021 (≥)', async () => {
    const at = async (platelets: string) => (await runCli(['calc', '--neutrophils', '4', '--lymphocytes', '2', '--platelets', platelets, '--json'])).json();
    expect(entry(await at('202.54'), 'yu2023', 'SII')).toMatchObject({ value: 405.08, category: 'low' });
    expect(entry(await at('170'), 'hong2021', 'SII')).toMatchObject({ value: 340, category: 'high' });
    expect(entry(await at('187.78'), 'deng2025', 'SII')).toMatchObject({ value: 375.56, category: 'high' });
    expect(entry(await at('187.77'), 'deng2025', 'SII').category).toBe('low');
  });
  it('SII+AFP four groups (hong2021), and no category without AFP', async () => {
    const j = await calcJson('--afp', '450');
    expect(entry(j, 'hong2021', 'SII+AFP')).toMatchObject({ cutoff: { sii: 340, afp: 400 }, category: 'high-high', value: { sii: 504, afp: 450 } });
    expect(entry(await calcJson('--afp', '20'), 'hong2021', 'SII+AFP').category).toBe('high-low');
    const low = (await runCli(['calc', '--neutrophils', '3', '--lymphocytes', '2', '--platelets', '200', '--afp', '500', '--json'])).json();
    expect(entry(low, 'hong2021', 'SII+AFP').category).toBe('low-high');
    const none = await calcJson();
    expect(entry(none, 'hong2021', 'SII+AFP')).toMatchObject({ category: null, finding: null });
    expect(entry(none, 'hong2021', 'SII+AFP').caveats[0]).toBe('AFP could not be computed (AFP was not given (--afp)); no category.');
    expect(entry(none, 'hong2021', 'AFP').category).toBeNull();
  });
  it('applicability caveats: treatment differs only where it does', async () => {
    const j = await calcJson('--treatment', 'cTACE');
    expect(entry(j, 'deng2025', 'SII').caveats.some((c: string) => c.includes('differs'))).toBe(false);
    expect(entry(j, 'yu2023', 'SII').caveats.some((c: string) => c.includes('differs'))).toBe(false);
    expect(entry(j, 'hong2021', 'SII').caveats[0]).toContain("the patient's treatment (cTACE) differs");
    const r = await calcJson('--treatment', 'regorafenib');
    expect(entry(r, 'deng2025', 'SII').caveats[0]).toBe('deng2025 studied transcatheter arterial chemoembolisation (TACE); the patient\'s treatment (regorafenib) differs, so the finding may not apply.');
    expect(entry(r, 'hong2021', 'SII').caveats.some((c: string) => c.includes('differs'))).toBe(false);
    const n = await calcJson();
    expect(entry(n, 'yu2023', 'SII').caveats[0]).toContain('treatment not given (--treatment)');
  });
  it('endpoint, Child–Pugh class and tumour size are compared with each study when given', async () => {
    const j = await calcJson('--endpoint', 'survival', '--child-pugh', 'B', '--tumour-size', '5');
    expect(entry(j, 'deng2025', 'SII').caveats).toContain('deng2025 studied recurrence or metastasis (composite); you asked about overall survival, so the finding is about a different outcome.');
    expect(entry(j, 'hong2021', 'SII').caveats.some((c: string) => c.includes('different outcome'))).toBe(false);
    expect(entry(j, 'hong2021', 'SII').caveats).toContain('hong2021 included Child–Pugh A only; the patient is Child–Pugh B.');
    expect(entry(j, 'deng2025', 'SII').caveats.some((c: string) => c.includes('Child–Pugh A and B only'))).toBe(false);
    expect(entry(j, 'yu2023', 'SII').caveats).toContain("yu2023 included tumours up to 3 cm only; the patient's tumour is 5 cm.");
    expect(entry(j, 'deng2025', 'SII').caveats.some((c: string) => c.includes('tumours up to'))).toBe(false);
    // The computed Child–Pugh class is used when --child-pugh is not given.
    const c = await calcJson('--albumin', '30', '--bilirubin', '40', '--inr', '1.8', '--ascites', 'mild', '--encephalopathy', 'none');
    expect(entry(c, 'hong2021', 'SII').caveats).toContain('hong2021 included Child–Pugh A only; the patient is Child–Pugh B.');
    const none = await calcJson();
    expect(none.evidence.flatMap((e: any) => e.caveats).some((x: string) => /Child–Pugh|tumours up to|different outcome/.test(x))).toBe(false);
    const bad = await runCli([...BASE, '--tumour-size', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tumour-size is the largest tumour diameter in cm');
  });
  it('a value near a cut-off is flagged', async () => {
    const j = (await runCli(['calc', '--neutrophils', '4', '--lymphocytes', '2', '--platelets', '195', '--json'])).json();
    expect(entry(j, 'yu2023', 'SII').caveats).toContain("the patient's SII (390) is within 10 % of this cut-off (405.08); a repeat blood count could change the category.");
  });
  it('published models: why only categories are shown (yu2023 intercept inconsistent)', async () => {
    const j = await calcJson();
    expect(j.model.probability).toBeNull();
    expect(j.model.note).toContain('No published model gives an absolute probability');
    const yu = j.model.published.find((p: any) => p.study === 'yu2023');
    expect(yu).toMatchObject({ kind: 'logistic', interceptOrBaselineGiven: true, allCoefficientsGiven: true, usable: false });
    expect(yu.predictedRange[1]).toBeCloseTo(1 / (1 + Math.exp(-(-5.31 + 0.829 + 0.935 + 0.365 + 1.152))), 12);
    expect(yu.reason).toContain('range only from 0.492 % to 11.6 %, yet 112 of 272 patients (41.2 %)');
    expect(j.model.published.find((p: any) => p.study === 'deng2025').reason).toContain('baseline survival');
    expect(j.model.published.find((p: any) => p.study === 'hong2021').reason).toContain('not every coefficient');
  });
});

describe('siilab calc: units and derived counts', () => {
  it('cells/µL, AFP IU/mL, albumin g/dL, bilirubin mg/dL are normalised and echoed', async () => {
    const r = await runCli(['calc', '--neutrophils', '4200', '--lymphocytes', '1500', '--platelets', '180000', '--monocytes', '500', '--wbc', '7000',
      '--count-unit', '/uL', '--afp', '100', '--afp-unit', 'IU/mL', '--albumin', '4', '--albumin-unit', 'g/dL', '--bilirubin', '1', '--bilirubin-unit', 'mg/dL', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.inputs.platelets).toMatchObject({ value: 180, unit: '10^9/L', given: { value: 180000, unit: 'cells/µL' } });
    expect(j.inputs.afp).toMatchObject({ value: 121, unit: 'ng/mL', given: { value: 100, unit: 'IU/mL' } });
    expect(j.inputs.albumin).toMatchObject({ value: 40, unit: 'g/L' });
    expect(j.inputs.bilirubin).toMatchObject({ value: 17.1, unit: 'µmol/L' });
    expect(j.indices.sii).toBe(504);
    expect(j.indices.siri).toBeCloseTo(1.4, 12);
    expect(j.indices.piv).toBeCloseTo(252, 10);
    expect(j.indices.dnlr).toBeCloseTo(1.5, 12);
    expect(j.indices.albi).toBeCloseTo(0.66 * Math.log10(17.1) - 0.085 * 40, 12);
    expect(j.indices.albiGrade).toBe(2); // −2.586 > −2.60
    expect(j.warnings).toEqual([]);
  });
  it('white cells × differential percentages, and fractions', async () => {
    const r = await runCli(['calc', '--wbc', '6', '--neutrophil-pct', '70', '--lymphocyte-pct', '25', '--platelets', '200', '--json']);
    const j = r.json();
    expect(j.inputs.neutrophils).toMatchObject({ value: 4.2, source: 'white cells × %' });
    expect(j.inputs.lymphocytes).toMatchObject({ value: 1.5, source: 'white cells × %' });
    expect(j.indices.sii).toBeCloseTo(560, 10);
    expect(j.indices.dnlr).toBeCloseTo(4.2 / 1.8, 12);
    const f = await runCli(['calc', '--wbc', '6', '--neutrophil-pct', '0.70', '--lymphocyte-pct', '0.25', '--pct-unit', 'fraction', '--platelets', '200', '--json']);
    expect(f.json().indices.sii).toBeCloseTo(560, 10);
  });
  it('Child–Pugh with INR, ascites and encephalopathy', async () => {
    const j = await calcJson('--albumin', '30', '--bilirubin', '40', '--inr', '1.8', '--ascites', 'mild', '--encephalopathy', 'none');
    expect(j.indices.childPugh).toMatchObject({ score: 9, class: 'B' });
    const partial = await calcJson('--albumin', '30', '--bilirubin', '40', '--inr', '1.8');
    expect(partial.indices.childPugh).toBeNull();
    expect(partial.warnings).toContain('Child–Pugh not computed: it needs ascites and encephalopathy.');
  });
});

describe('siilab calc --model FILE', () => {
  it('a logistic model file gives a probability with its provenance', async () => {
    const j = await calcJson('--afp', '450', '--model', join(FIX, 'logistic.json'));
    const lp = -9.5 + 1.5 * Math.log(504) + 0.7;
    expect(j.model.source).toBe('file');
    expect(j.model.note).toBe('The probability above comes from the model file; no published model gives one (reasons below).');
    expect(j.model.probability).toBeCloseTo(1 / (1 + Math.exp(-lp)), 12);
    expect(j.model.fromFile).toMatchObject({ kind: 'logistic', siilabVersion: '0.1.0', createdFrom: { file: 'my_cohort.csv', n: 200, events: 80 }, outcome: { horizon: '3 years' } });
    const t = await runCli([...BASE, '--afp', '450', '--model', join(FIX, 'logistic.json')]);
    const flat = t.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(`recurrence or metastasis within 3 years (3 years): ${String(Number((100 / (1 + Math.exp(-lp))).toPrecision(3)))} %`);
    expect(flat).toContain('fitted on my_cohort.csv (n = 200, 80 events');
    expect(flat).toMatch(/ % — NOT EXTERNALLY VALIDATED/);
    expect(j.model.fromFile.validation).toBe('not externally validated');
  });
  it('a Cox model file gives survival at its horizons', async () => {
    const j = await calcJson('--albumin', '30', '--model', join(FIX, 'cox.json'));
    const lp = 0.8 * 0.5 - 0.05 * (30 - 38);
    expect(j.model.probability).toBeNull();
    expect(j.model.fromFile.survival[1]).toMatchObject({ time: 12 });
    expect(j.model.fromFile.survival[1].survival).toBeCloseTo(Math.pow(0.6, Math.exp(lp)), 12);
  });
  it('a model fitted per g/dL gets albumin in g/dL, whatever unit the value was given in', async () => {
    const lp = 0.8 * 0.5 - 0.5 * (3 - 3.8); // 30 g/L = 3 g/dL
    for (const args of [['--albumin', '30'], ['--albumin', '3', '--albumin-unit', 'g/dL']]) {
      const j = await calcJson(...args, '--model', join(FIX, 'cox_gdl.json'));
      expect(j.model.fromFile.survival[1].survival).toBeCloseTo(Math.pow(0.6, Math.exp(lp)), 12);
      expect(j.model.fromFile.terms.find((t: any) => t.variable === 'albumin').input).toBe(3);
      expect(j.warnings).toContain('albumin entered the model as 3 g/dL (30 g/L converted to the unit the model was fitted in)');
    }
  });
  it('refusals: missing model input, missing file, bad file (exit 3)', async () => {
    const r = await runCli([...BASE, '--model', join(FIX, 'logistic.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("term 'AFP ≥ 400 ng/mL' needs 'afp', which was not given");
    const m = await runCli([...BASE, '--model', 'no/such/model.json']);
    expect(m.code).toBe(3);
    expect(m.stderr).toBe('siilab calc: no/such/model.json: the model file cannot be read (no such file).\n');
  });
});

describe('siilab calc: refusals', () => {
  const refused = async (args: string[], code: number, text: string) => {
    const r = await runCli(['calc', ...args]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/NaN|Infinity|at .*\.ts:\d+/);
  };
  it('zero and negative lymphocytes (exit 3)', async () => {
    await refused(['--neutrophils', '4', '--lymphocytes', '0', '--platelets', '200'], 3, 'lymphocytes = 0 10^9/L: the ratios (SII, NLR, PLR, SIRI, PIV) divide by the lymphocyte count');
    await refused(['--neutrophils', '4', '--lymphocytes=-1', '--platelets', '200'], 3, 'lymphocytes = -1 10^9/L is negative');
  });
  it('platelets 180000 declared as 10^9/L (exit 3) names value, unit and fix', async () => {
    await refused(['--neutrophils', '4', '--lymphocytes', '2', '--platelets', '180000'], 3,
      'siilab calc: platelets = 180000 10^9/L is outside the physiological range 1–3000 10^9/L. It looks like cells/µL (180000 cells/µL = 180 10^9/L): pass --count-unit /uL, or give 180 10^9/L.');
  });
  it('albumin in g/dL without --albumin-unit; counts outside every range', async () => {
    await refused([...BASE.slice(1), '--albumin', '3.9', '--bilirubin', '12'], 3, 'pass --albumin-unit g/dL');
    await refused(['--neutrophils', '4', '--lymphocytes', '2', '--platelets', '9999999', '--count-unit', '/uL'], 3, 'outside the physiological range');
  });
  it('fractions given as percentages; percentages above 100', async () => {
    await refused(['--wbc', '6', '--neutrophil-pct', '0.7', '--lymphocyte-pct', '0.25', '--platelets', '200'], 3, 'these look like fractions');
    await refused(['--wbc', '6', '--neutrophil-pct', '80', '--lymphocyte-pct', '30', '--platelets', '200'], 3, 'more than 100 % of the white cells');
  });
  it('white cells not above neutrophils (dNLR)', async () => {
    await refused([...BASE.slice(1), '--wbc', '4'], 3, 'white cells 4 × 10^9/L must exceed neutrophils 4.2');
  });
  it('usage errors (exit 2): missing counts, unknown unit, not a number, a file argument', async () => {
    await refused(['--neutrophils', '4', '--lymphocytes', '2'], 2, 'the platelets count is required: give --platelets.');
    await refused(['--lymphocytes', '2', '--platelets', '200'], 2, 'the neutrophils count is required: give --neutrophils (or --wbc with --neutrophil-pct).');
    await refused([...BASE.slice(1), '--count-unit', 'mg'], 2, "--count-unit 'mg' is not a unit siilab knows; use one of '10^9/L', '/uL'.");
    await refused(['--neutrophils', 'four', '--lymphocytes', '2', '--platelets', '200'], 2, "--neutrophils must be a number, got 'four'.");
    await refused([...BASE.slice(1), 'patient.csv'], 2, 'calc takes no file argument');
    await refused([...BASE.slice(1), '--ascites', 'lots'], 2, '--ascites must be one of none, mild, moderate-severe');
  });
});

describe('siilab calc: readable text for a clinician', () => {
  it('shows indices, categories with findings, caveats and why no probability', async () => {
    const r = await runCli([...BASE, '--treatment', 'TACE']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  SII         504   platelets × neutrophils / lymphocytes');
    expect(r.stdout).toContain('• SII > 405.08: HIGH (patient 504)');
    expect(r.stdout).toContain("the patient's treatment (TACE) differs");
    expect(r.stdout).toContain('No published model gives an absolute probability');
    expect(r.stdout).toContain('  - SIRI not computed: it needs monocytes.');
    expect(r.stdout).not.toMatch(/NaN|Infinity|undefined|null/);
  });
});
