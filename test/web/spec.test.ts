/**
 * The web pages' spec editing (web/src/lib/spec.ts): the inspect-suggested mapping of the hong2021
 * example cohort becomes a valid study (the server's own validator, parseSpecText), and the
 * Analysis page's choices add cut-offs and analyses that validate too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseDelimited } from '../../src/io/readTable.js';
import { inspectTable } from '../../src/cohort/inspectTable.js';
import { specFromInspection } from '../../src/study/specFromInspection.js';
import { parseSpecText } from '../../src/study/parseSpec.js';
import { covariateName, mappingFromInspect, specInfo, specWithAnalyses, specWithMapping } from '../../web/src/lib/spec.js';

const file = join(process.cwd(), 'examples', 'hong2021', 'cohort.csv');
const inspect = inspectTable(parseDelimited('cohort.csv', readFileSync(file, 'utf8')));
const base = specFromInspection(inspect, 'cohort.csv');

describe('web spec editing', () => {
  it('covariate names are identifiers', () => {
    expect(covariateName('Tumour size (cm)')).toBe('Tumour_size_cm');
    expect(covariateName('5yr')).toBe('v_5yr');
  });

  it('maps the suggested columns, keeps the rest as covariates, months for an unlabelled follow-up time', () => {
    const m = mappingFromInspect(inspect);
    expect(m.platelets).toMatchObject({ target: 'platelets', unit: '10^9/L' });
    expect(m.os_time).toMatchObject({ target: 'followUpTime', unit: 'months' });
    expect(m.bclc).toMatchObject({ target: 'covariate', name: 'bclc' });
  });

  it('mapping → a spec the validator accepts, with SII, NLR, PLR and overall survival', () => {
    const yaml = specWithMapping(base, mappingFromInspect(inspect), 'hong');
    const spec = parseSpecText('study.yaml', yaml).spec as any;
    expect(spec.title).toBe('hong');
    expect(spec.derived.map((d: any) => d.name).sort()).toEqual(['NLR', 'PLR', 'SII']);
    expect(spec.endpoints.os).toEqual({ type: 'survival', events: ['death'], time: 'followUpTime' });
    expect(spec.covariates.bclc).toEqual({ column: 'bclc', type: 'category' });
    const info = specInfo(yaml);
    expect(info.endpoints).toEqual([{ name: 'os', type: 'survival', unit: 'months', timeVariable: 'followUpTime', timeColumn: 'os_time', timeColumnUnit: 'months' }]);
    expect(info.markers.slice(0, 3)).toEqual(['SII', 'NLR', 'PLR']);
    expect(info.markers).toContain('platelets');
    expect(info.factors).toContain('bclc');
    expect(info.factors).not.toContain('followUpTime');
  });

  it('a column left unused disappears; the choices become cut-offs and analyses that validate', () => {
    const m = mappingFromInspect(inspect);
    m.bclc = { ...m.bclc, target: '' };
    const yaml = specWithAnalyses(specWithMapping(base, m), { endpoint: 'os', markers: ['SII'], factors: ['sex', 'age_60'] });
    expect(() => parseSpecText('study.yaml', yaml)).not.toThrow();
    const s = parse(yaml);
    expect(s.covariates.bclc).toBeUndefined();
    expect(s.cutoffs).toEqual({ SII: { method: 'median' } });
    expect(s.analyses.km).toEqual([{ endpoint: 'os', by: [] }, { endpoint: 'os', by: ['SII'] }]);
    expect(s.analyses.cox[0].candidates).toEqual(['SII', 'sex', 'age_60']);
    expect(s.analyses.maxstat).toEqual([{ endpoint: 'os', markers: ['SII'] }]);
    expect(s.analyses.baselineTable).toEqual({ groupBy: 'SII', variables: ['sex', 'age_60'] });
  });

  it('refuses to write analyses without an endpoint or a marker', () => {
    const yaml = specWithMapping(base, mappingFromInspect(inspect));
    expect(() => specWithAnalyses(yaml, { endpoint: 'pfs', markers: ['SII'], factors: [] })).toThrow(/Choose an endpoint \(the spec defines os\)/);
    expect(() => specWithAnalyses(yaml, { endpoint: 'os', markers: [], factors: [] })).toThrow(/at least one marker/);
  });
});
