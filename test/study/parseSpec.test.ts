import { describe, expect, test } from 'vitest';
import { parseSpecText } from '../../src/study/parseSpec.js';
import { specLocator } from '../../src/study/specLocator.js';
import { SiilabError } from '../../src/errors.js';

const ok = `version: 1
sources:
  - file: cohort.csv
variables:
  patientId: id
  treatmentDate: tace
  lastFollowUpDate: last
  platelets: { column: PLT, unit: 10^9/L }
  recurrence: rec
derived:
  - { name: SII, index: SII }
endpoints:
  rfs: { type: survival, events: [recurrence] }
`;

function refusal(text: string): SiilabError {
  try {
    parseSpecText('study.yaml', text);
  } catch (e) {
    expect(e).toBeInstanceOf(SiilabError);
    expect((e as SiilabError).exitCode).toBe(3);
    return e as SiilabError;
  }
  throw new Error('expected a refusal');
}

describe('specLocator', () => {
  test('lines of values, keys and list items; nearest ancestor for missing paths', () => {
    const loc = specLocator('s.yaml', ok);
    expect(loc.line(['sources', 0, 'file'])).toBe(3);
    expect(loc.line(['variables', 'platelets', 'unit'])).toBe(8);
    expect(loc.line(['derived', 0])).toBe(11);
    expect(loc.line(['endpoints', 'rfs', 'events', 0])).toBe(13);
    expect(loc.line(['variables', 'nothing'])).toBe(5);
    expect(loc.where(['variables', 'platelets', 'unit'])).toBe('s.yaml, line 8, field variables.platelets.unit');
  });
});

describe('parseSpecText', () => {
  test('a valid file parses to the typed spec', () => {
    const { spec } = parseSpecText('study.yaml', ok);
    expect(spec.sources[0].file).toBe('cohort.csv');
    expect(spec.derived?.[0]).toEqual({ name: 'SII', index: 'SII' });
  });
  test('misspelt field: names the field, line and the likely intended one', () => {
    const e = refusal(ok.replace('  platelets:', '  platelet:'));
    expect(e.message).toContain("study.yaml, line 8, field variables.platelet: unknown field 'platelet'. Did you mean 'platelets'?");
  });
  test('missing required field', () => {
    expect(refusal(ok.replace('version: 1\n', '')).message).toMatch(/the field 'version' is required/);
  });
  test('a source that names no place to read from', () => {
    expect(refusal(ok.replace('  - file: cohort.csv', '  - sheet: x')).message).toContain("study.yaml, line 3, field sources[0]: say where the data are: 'file:'");
  });
  test('bad enum value', () => {
    const e = refusal(ok.replace('  - file: cohort.csv', '  - file: cohort.csv\n    format: tall'));
    expect(e.message).toContain("line 4, field sources[0].format: 'tall' is not allowed; use one of 'wide', 'long'.");
  });
  test('a union is explained against the intended branch (an aggregate with a bad method)', () => {
    const e = refusal(ok.replace('  - { name: SII, index: SII }', '  - { name: SII, index: SII }\n  - { name: SIIb, aggregate: median, of: SII }'));
    expect(e.message).toContain("line 12, field derived[1].aggregate: 'median' is not allowed; use one of 'baseline', 'first', 'last', 'mean', 'max', 'min'.");
  });
  test('endpoint of the wrong type is explained by its discriminator', () => {
    const e = refusal(ok.replace('{ type: survival, events: [recurrence] }', '{ type: survival, events: [recurrence], within: { value: 1, unit: years } }'));
    expect(e.message).toContain("field endpoints.rfs.within: unknown field 'within'");
  });
  test('unknown variable in an endpoint, with a suggestion', () => {
    const e = refusal(ok.replace('events: [recurrence]', 'events: [recurence]'));
    expect(e.message).toBe("study.yaml, line 13, field endpoints.rfs.events[0]: no variable 'recurence' is mapped, covariate or derived. Did you mean 'recurrence'?");
  });
  test('unknown endpoint in an analysis', () => {
    const e = refusal(ok + 'analyses:\n  km: [{ endpoint: os, by: [SII] }]\n');
    expect(e.message).toContain("line 15, field analyses.km[0].endpoint: no endpoint 'os'; endpoints are 'rfs'.");
  });
  test('long source without a draw date', () => {
    const e = refusal(ok.replace('  - file: cohort.csv', '  - file: cohort.csv\n    format: long'));
    expect(e.message).toContain("line 3, field sources[0]: a long source needs the draw date");
  });
  test('YAML syntax error with its line; empty file', () => {
    expect(refusal('version: 1\nsources: [\n  - file: a\n').message).toMatch(/^study\.yaml, line \d+: not valid YAML/);
    expect(refusal('  \n').message).toContain('the study file is empty');
  });
  test('several problems: the first by line, and how many more', () => {
    const e = refusal(ok.replace('version: 1', 'version: 2').replace('  platelets:', '  platelet:'));
    expect(e.message).toMatch(/^study\.yaml, line 1, field version: '2' is not allowed; use one of '1'\. \(1 more problem/);
  });
});
