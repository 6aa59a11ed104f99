/**
 * The Analysis page's form as the truth (web/src/lib/analysisForm.ts, spec.ts): form → spec → form
 * is the identity for every analysis the form offers (survival and binary endpoints), the written
 * spec passes the server's validator, an earlier spec's analyses the form does not show are kept
 * and listed (never dropped), unticking removes, and default horizons follow the follow-up.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseDelimited } from '../../src/io/readTable.js';
import { inspectTable } from '../../src/cohort/inspectTable.js';
import { specFromInspection } from '../../src/study/specFromInspection.js';
import { parseSpecText } from '../../src/study/parseSpec.js';
import { formFromSpecText, longestFollowUp, mappingFromInspect, specInfo, specWithMapping, writeAnalyses } from '../../web/src/lib/spec.js';
import { canonical, unusedChoices, type AnalysisForm } from '../../web/src/lib/analysisForm.js';
import { defaultHorizons } from '../../web/src/lib/defaultHorizons.js';

const dir = join(process.cwd(), 'examples', 'hong2021');
const inspect = inspectTable(parseDelimited('cohort.csv', readFileSync(join(dir, 'cohort.csv'), 'utf8')));
const base = specWithMapping(specFromInspection(inspect, 'cohort.csv'), mappingFromInspect(inspect), 'hong');
const ALL_ON = { baselineTable: true, roc: true, regression: true, km: true, maxstat: true, timeRoc: true, splines: true, nomogram: true, calibration: true, validation: true, decisionCurve: true };

describe('default horizons', () => {
  it('1, 3 and 5 years when the follow-up reaches them, in the unit of the data', () => {
    expect(defaultHorizons('months', 200)).toMatchObject({ horizons: [12, 36, 60], horizon: 36 });
    expect(defaultHorizons('days', 4000)).toMatchObject({ horizons: [365, 1096, 1826], horizon: 1096 });
    expect(defaultHorizons('years', 12)).toMatchObject({ horizons: [1, 3, 5], horizon: 3 });
    expect(defaultHorizons('months', null)).toMatchObject({ horizons: [12, 36, 60], horizon: 36 });
  });
  it('shorter follow-up: the three largest of 3, 6, 12, 24, 36 months within 90% of the longest', () => {
    // hong2021: longest overall survival 27.68 months → 6, 12, 24 (the paper's own horizons).
    expect(defaultHorizons('months', 27.68)).toMatchObject({ horizons: [6, 12, 24], horizon: 12 });
    expect(defaultHorizons('months', 50)).toMatchObject({ horizons: [12, 24, 36], horizon: 24 });
    expect(defaultHorizons('days', 500).horizons).toEqual([91, 183, 365]);
    expect(defaultHorizons('days', 400).horizons).toEqual([91, 183]);
    expect(defaultHorizons('months', 27.68).reason).toMatch(/longest is 27\.7 months/);
  });
  it('the longest follow-up is converted from the column\'s unit to the endpoint\'s', () => {
    const info = specInfo(base.replace(/followUpTime: \{ column: os_time, unit: months \}|followUpTime:\n\s+column: os_time\n\s+unit: months/, 'followUpTime: { column: os_time, unit: days }'));
    const ep = info.endpoints.find((e) => e.name === 'os')!;
    expect(ep).toMatchObject({ unit: 'months', timeColumn: 'os_time', timeColumnUnit: 'days' });
    const max = inspect.columns.find((c) => c.name === 'os_time')!.max as number;
    expect(longestFollowUp(ep, inspect)).toBeCloseTo(max / 30.4375, 12);
    expect(longestFollowUp({ ...ep, unit: 'days' }, inspect)).toBeCloseTo(max, 12);
    expect(longestFollowUp({ ...ep, timeColumn: null }, inspect)).toBeNull();
  });

  it('the form takes them from the cohort profile of the time column', () => {
    const { form } = formFromSpecText(base, inspect);
    expect(form.params).toMatchObject({ horizons: [6, 12, 24], horizon: 12, knots: 3, calibrationGroups: 5, bootstrap: 200, seed: 1 });
    expect(formFromSpecText(base, null).form.params).toMatchObject({ horizons: [12, 36, 60], horizon: 36, knots: 4, calibrationGroups: 10 });
  });
});

describe('form → spec → form', () => {
  const survivalForm: AnalysisForm = {
    endpoint: 'os',
    markers: ['SII', 'NLR'],
    factors: ['sex', 'bclc'],
    analyses: { ...ALL_ON, roc: false },
    params: { horizons: [6, 12, 24], horizon: 12, splineMarker: 'SII', knots: 3, modelPredictors: ['SII', 'bclc'], calibrationGroups: 5, bootstrap: 200, seed: 2021 },
  };

  it('survival endpoint: every new analysis written, valid, and read back to the same form', () => {
    const w = writeAnalyses(base, survivalForm, inspect);
    expect(w.kept).toEqual([]);
    expect(() => parseSpecText('study.yaml', w.yaml)).not.toThrow();
    const a = parse(w.yaml).analyses;
    expect(Object.keys(a).sort()).toEqual(['baselineTable', 'calibration', 'cox', 'decisionCurve', 'km', 'maxstat', 'nomogram', 'splines', 'timeRoc', 'validation']);
    expect(a.timeRoc).toEqual([{ endpoint: 'os', markers: ['SII', 'NLR'], times: [6, 12, 24] }]);
    expect(a.splines).toEqual([{ endpoint: 'os', marker: 'SII', knots: 3 }]);
    expect(a.nomogram).toEqual([{ endpoint: 'os', predictors: [{ variable: 'SII', continuous: true }, 'bclc'], horizons: [6, 12, 24] }]);
    expect(a.calibration).toEqual([{ endpoint: 'os', predictors: [{ variable: 'SII', continuous: true }, 'bclc'], horizon: 12, groups: 5 }]);
    expect(a.validation).toEqual([{ endpoint: 'os', predictors: [{ variable: 'SII', continuous: true }, 'bclc'], horizon: 12, bootstrap: 200, seed: 2021 }]);
    expect(a.decisionCurve[0].models.map((m: any) => m.name)).toEqual(['SII + bclc', 'SII alone']);
    const back = formFromSpecText(w.yaml, inspect);
    expect(back.kept).toEqual([]);
    expect(back.form).toEqual(survivalForm);
    // Writing the same form again changes nothing.
    expect(writeAnalyses(w.yaml, back.form, inspect).yaml).toBe(w.yaml);
  });

  it('binary endpoint: ROC, logistic, splines, calibration, validation and decision curve; no survival-only analyses', () => {
    const doc = parse(base);
    doc.endpoints.died = { type: 'binary', events: ['death'] };
    const yaml = stringify(doc);
    const form: AnalysisForm = { ...survivalForm, endpoint: 'died', analyses: { ...ALL_ON } };
    const w = writeAnalyses(yaml, form, inspect);
    expect(() => parseSpecText('study.yaml', w.yaml)).not.toThrow();
    const a = parse(w.yaml).analyses;
    expect(Object.keys(a).sort()).toEqual(['baselineTable', 'calibration', 'decisionCurve', 'logistic', 'roc', 'splines', 'validation']);
    expect(a.calibration[0].horizon).toBeUndefined();
    expect(a.splines).toEqual([{ endpoint: 'died', marker: 'SII', knots: 3 }]);
    const back = formFromSpecText(w.yaml, inspect);
    expect(back.kept).toEqual([]);
    // Only the analyses that apply come back ticked (horizons do not apply to a binary endpoint).
    const noHorizons = (f: AnalysisForm) => ({ ...f, params: { ...f.params, horizons: [], horizon: 0 } });
    expect(noHorizons(back.form)).toEqual(noHorizons({ ...form, analyses: { ...ALL_ON, km: false, maxstat: false, timeRoc: false, nomogram: false } }));
  });

  it('unticking an analysis removes it; ticking nothing new keeps the rest', () => {
    const w = writeAnalyses(base, survivalForm, inspect);
    const off = writeAnalyses(w.yaml, { ...survivalForm, analyses: { ...survivalForm.analyses, validation: false, km: false } }, inspect);
    const a = parse(off.yaml).analyses;
    expect(a.validation).toBeUndefined();
    expect(a.km).toBeUndefined();
    expect(a.nomogram).toBeDefined();
    expect(off.kept).toEqual([]);
  });
});

describe('changing the form on the page (the kept list known)', () => {
  it('switching the endpoint and back keeps exactly the spec\'s other analyses; nothing piles up', () => {
    const hong = readFileSync(join(dir, 'study.yaml'), 'utf8').replace(/^endpoints:\n/m, 'endpoints:\n  died: { type: binary, events: [death] }\n');
    const read = formFromSpecText(hong, null);
    const keptBefore = read.kept.map((k) => k.description).sort();
    let yaml = hong;
    for (const endpoint of ['died', 'pfs', 'os']) {
      const next = { ...read.form, endpoint, analyses: { ...read.form.analyses, splines: true, decisionCurve: true } };
      const w = writeAnalyses(yaml, next, null, read.kept);
      // the pfs curves the form writes are also kept entries: written once
      const km = parse(w.yaml).analyses.km.map((k: any) => `${k.endpoint}:${k.by.join('×')}`);
      expect(km).toEqual([...new Set(km)]);
      yaml = w.yaml;
    }
    const w = writeAnalyses(yaml, read.form, null, read.kept);
    // back to the form as read: the spec's analyses are the original ones again
    expect(canonical(parse(w.yaml).analyses)).toBe(canonical(parse(hong).analyses));
    expect(w.kept.map((k) => k.description).sort()).toEqual(keptBefore);
    // what the form writes is block style
    expect(writeAnalyses(base, { ...read.form, endpoint: 'os', markers: ['SII'], factors: ['sex'] }, inspect).yaml).toMatch(/maxstat:\n\s+- endpoint: os\n\s+markers:\n\s+- SII/);
  });
});

describe('an earlier spec the form cannot show is kept, not dropped', () => {
  const hong = readFileSync(join(dir, 'study.yaml'), 'utf8');

  it('hong2021: opening it reads what the form can show, and lists the rest', () => {
    const { form, kept } = formFromSpecText(hong, null);
    expect(form.endpoint).toBe('os');
    // the marker list under which the form shows the most: SII (baseline table, Kaplan–Meier, maxstat, the model)
    expect(form.markers).toEqual(['SII']);
    expect(form.factors).toEqual(['ageGroup', 'sex', 'childPughScore', 'albiGrade', 'afp', 'PIVKA', 'BCLC', 'vascularInvasion', 'extrahepatic']);
    expect(Object.entries(form.analyses).filter(([, v]) => v).map(([k]) => k)).toEqual(['baselineTable', 'km', 'maxstat', 'nomogram', 'calibration', 'validation']);
    expect(form.params).toMatchObject({ horizons: [6, 12, 24], horizon: 12, modelPredictors: ['SII', 'afp', 'BCLC'], calibrationGroups: 5, bootstrap: 200, seed: 2021 });
    const d = kept.map((k) => k.description);
    expect(d).toEqual(['cox (os)', 'km (pfs; overall)', 'km (pfs; by SII)', 'km (os; by SII × afp)', 'timeRoc (os; SII, NLR, afp)', 'splines (os; SII)', 'decisionCurve (os)']);
    expect(d).toContain('km (os; by SII × afp)');
    expect(d).toContain('km (pfs; overall)');
    expect(d).toContain('splines (os; SII)'); // adjusted for afp: not a form setting
  });

  it('hong2021: writing the form unchanged keeps every analysis of the spec', () => {
    const { form } = formFromSpecText(hong, null);
    const w = writeAnalyses(hong, form, null);
    expect(canonical(parse(w.yaml).analyses)).toBe(canonical(parse(hong).analyses));
    expect(w.replaced).toEqual([]);
    // comments on analyses the form did not change stay
    expect(w.yaml).toContain('# the shape of the SII–death relation');
    expect(() => parseSpecText('study.yaml', w.yaml.replace('file: cohort.csv', `file: ${join(dir, 'cohort.csv')}`))).not.toThrow();
  });

  it('hong2021: ticking Kaplan–Meier adds the form\'s curves without duplicating the kept ones', () => {
    const { form } = formFromSpecText(hong, null);
    const w = writeAnalyses(hong, { ...form, markers: ['SII'], analyses: { ...form.analyses, km: true } }, null);
    const km = parse(w.yaml).analyses.km.map((k: any) => `${k.endpoint}:${k.by.join('×')}`);
    expect(km).toEqual([...new Set(km)]);
    expect(km.sort()).toEqual(['os:', 'os:SII', 'os:SII×afp', 'pfs:', 'pfs:SII'].sort());
  });

  it('a hand-written baseline table replaced by the form\'s is reported, not silently lost', () => {
    const yaml = base + 'analyses:\n  baselineTable: { groupBy: SII, variables: [sex], summary: { afp: median } }\n';
    const { form, kept } = formFromSpecText(yaml, inspect);
    expect(kept.map((k) => k.key)).toEqual(['baselineTable']);
    const w = writeAnalyses(yaml, { ...form, factors: ['sex', 'bclc'], analyses: { ...form.analyses, baselineTable: true } }, inspect);
    expect(w.replaced.map((k) => k.key)).toEqual(['baselineTable']);
    // untouched, it stays as written
    expect(parse(writeAnalyses(yaml, form, inspect).yaml).analyses.baselineTable).toEqual({ groupBy: 'SII', variables: ['sex'], summary: { afp: 'median' } });
  });

  it('refuses settings that cannot run, by field', () => {
    const f: AnalysisForm = { ...formFromSpecText(base, inspect).form, analyses: { ...ALL_ON } };
    expect(() => writeAnalyses(base, { ...f, params: { ...f.params, horizons: [] } }, inspect)).toThrow(/Horizons/);
    expect(() => writeAnalyses(base, { ...f, params: { ...f.params, knots: 9 } }, inspect)).toThrow(/knots/);
    expect(() => writeAnalyses(base, { ...f, params: { ...f.params, bootstrap: 0.5 } }, inspect)).toThrow(/Bootstrap/);
    expect(() => writeAnalyses(base, { ...f, params: { ...f.params, modelPredictors: [] } }, inspect)).toThrow(/predictors of the prognostic model/);
  });
});

describe('ticked but not analysed: said, never dropped silently (issue 17 item 3)', () => {
  const NONE = Object.fromEntries(Object.keys(ALL_ON).map((k) => [k, false])) as typeof ALL_ON;
  const params = { horizons: [12], horizon: 12, splineMarker: 'SII', knots: 3, modelPredictors: ['SII'], calibrationGroups: 5, bootstrap: 200, seed: 1 };
  const form = (over: Partial<AnalysisForm>): AnalysisForm => ({ endpoint: 'os', markers: ['SII'], factors: [], analyses: { ...NONE }, params, ...over });
  it('names the markers and factors no ticked analysis uses', () => {
    expect(unusedChoices(form({ analyses: { ...NONE, km: true, regression: true }, factors: ['bclc'] }), 'survival')).toEqual([]);
    expect(unusedChoices(form({}), 'survival')).toEqual(['No analysis is ticked: the run only checks the data and draws the participant flow.']);
    const u = unusedChoices(form({ markers: ['SII', 'NLR'], factors: ['bclc', 'age'], analyses: { ...NONE, splines: true } }), 'survival');
    expect(u).toEqual([
      'The ticked marker NLR is used by no ticked analysis: tick an analysis of markers, or it is not analysed.',
      'The ticked factors bclc, age are used only by the baseline table and regression, and neither is ticked: they are not analysed.',
    ]);
    // The baseline table groups by the first marker only: a second marker needs another analysis.
    expect(unusedChoices(form({ markers: ['SII', 'NLR'], factors: ['bclc'], analyses: { ...NONE, baselineTable: true } }), 'survival')[0]).toMatch(/marker NLR is used by no ticked analysis/);
    expect(unusedChoices(form({ analyses: { ...NONE, baselineTable: true, km: true } }), 'survival')).toEqual(['The baseline table needs factors: none is ticked, so no baseline table is written.']);
    // Ticked, but it writes nothing: said why, not "no analysis is ticked".
    expect(unusedChoices(form({ analyses: { ...NONE, baselineTable: true } }), 'survival')).toEqual([
      'The ticked marker SII is used by no ticked analysis: tick an analysis of markers, or it is not analysed.',
      'The baseline table needs factors: none is ticked, so no baseline table is written.',
    ]);
    // An analysis of the other endpoint type does not count (ROC curves for a survival endpoint).
    expect(unusedChoices(form({ analyses: { ...NONE, roc: true } }), 'survival')).toEqual(['No analysis is ticked: the run only checks the data and draws the participant flow.']);
  });
});
