import { describe, expect, it } from 'vitest';
import { parsePaper, builtinPaper, BUILTIN_PAPERS } from '../../src/audit/loadPaper.js';
import { SiilabError } from '../../src/errors.js';

const base = `id: t
title: T
groups:
  - { id: a, label: A, n: 110 }
  - { id: b, label: B, n: 76 }
`;

function refusal(text: string): SiilabError {
  try {
    parsePaper(text, 'p.yaml');
  } catch (e) {
    if (e instanceof SiilabError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('parsePaper', () => {
  it('keeps numbers as printed (trailing zeros) and whole numbers as numbers', () => {
    const d = parsePaper(base + `continuous:
  - location: { table: Table 2 }
    variable: SII
    groups: [a, b]
    summaries: { a: { mean: 420.76, sd: 253.30 }, b: { mean: 283.36, sd: 101.56 } }
    test: { kind: t-unstated, statistic: 4.480, p: "<0.001" }
`, 'p.yaml');
    expect(d.groups[0].n).toBe(110);
    expect(d.continuous![0].summaries.a.sd).toBe('253.30');
    expect(d.continuous![0].test!.statistic).toBe('4.480');
    expect(d.continuous![0].test!.p).toBe('<0.001');
  });
  it('refuses unknown fields naming the YAML line and a suggestion', () => {
    const e = refusal(base + `categorical:\n  - location: { table: T1 }\n    variable: x\n    groups: [a]\n    complet: true\n    levels: [{ label: y, counts: { a: 1 } }]\n`);
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(/p\.yaml, line 10, field categorical\[0\]\.complet: unknown field 'complet'\. Did you mean 'complete'\?/);
  });
  it('refuses missing fields, wrong types and enums', () => {
    expect(refusal(`id: t\ngroups: [{ id: a, label: A, n: 1 }]\n`).message).toContain("the field 'title' is required");
    expect(refusal(base.replace('n: 110', 'n: 110.5')).message).toMatch(/line 4, field groups\[0\]\.n: expected a whole number, got '110\.5'/);
    const e = refusal(base + `models:\n  - id: m\n    location: { table: T4 }\n    kind: probit\n    terms: []\n`);
    expect(e.message).toMatch(/line 9, field models\[0\]\.kind: 'probit' is not allowed/);
  });
  it('refuses unknown groups, variables and markers and non-numbers', () => {
    expect(refusal(base + `roc:\n  - { location: { table: T5 }, marker: SII, positive: c, negative: b, auc: 0.797 }\n`).message).toMatch(/line 7, field roc\[0\]\.positive: no group 'c'; groups are 'a', 'b'/);
    expect(refusal(base + `roc:\n  - { location: { table: T5 }, marker: SII, positive: a, negative: b, auc: high }\n`).message).toContain("'high' is not a printed number");
    const cov = refusal(base + `models:\n  - id: m\n    location: {}\n    kind: logistic\n    terms:\n      - { location: {}, label: x, beta: 1.0, covariate: { kind: roc-cutoff, marker: AFP } }\n`);
    expect(cov.message).toMatch(/line 11, field models\[0\]\.terms\[0\]\.covariate\.marker: no ROC row has marker 'AFP'/);
    const kind = refusal(base + `models:\n  - id: m\n    location: {}\n    kind: logistic\n    terms:\n      - { location: {}, label: x, beta: 1.0, covariate: { kind: binary, counts: { a: 1 } } }\n`);
    expect(kind.message).toMatch(/covariate\.kind: 'binary' is not allowed; use one of 'binary-counts'/);
    const withCont = base + `continuous:\n  - { location: {}, variable: alb, groups: [a, b], summaries: { a: { mean: 1.0, sd: 1.0 }, b: { mean: 1.0, sd: 1.0 } } }\nmodels:\n  - id: m\n    location: {}\n    kind: logistic\n    terms:\n`;
    expect(refusal(withCont + `      - { location: {}, label: x, covariate: { kind: threshold, variable: alb, threshold: 35 } }\n`).message).toMatch(/line 13, field models\[0\]\.terms\[0\]\.covariate: the field 'side' is required\./);
    expect(refusal(withCont + `      - { location: {}, label: x, covariate: { kind: threshold, variable: alb, threshold: 35, side: below, sid: 1 } }\n`).message).toMatch(/covariate\.sid: unknown field 'sid'\. Did you mean 'side'\?/);
    expect(() => parsePaper(withCont + `      - { location: {}, label: x, covariate: { kind: threshold, variable: alb, threshold: 35, side: below } }\n`, 'p.yaml')).not.toThrow();
  });
  it('refuses printed numbers out of range', () => {
    expect(refusal(base + `roc:\n  - { location: {}, marker: SII, positive: a, negative: b, auc: 1.5 }\n`).message).toMatch(/field roc\[0\]\.auc: '1\.5' is out of range; it must be between 0 and 1\./);
    expect(refusal(base + `pValues:\n  - { location: {}, p: 1.2 }\n`).message).toContain('out of range');
  });
  it('refuses counts above the group size, YAML syntax errors and empty files', () => {
    expect(refusal(base + `categorical:\n  - location: {}\n    variable: v\n    groups: [a]\n    levels: [{ label: y, counts: { a: 111 } }]\n`).message).toContain('larger than the group size 110');
    expect(refusal('id: [unclosed\n').message).toMatch(/p\.yaml, line \d+: not valid YAML/);
    expect(refusal('  \n').message).toContain('empty');
    expect(refusal('- 1\n- 2\n').message).toContain('mapping');
  });
  it('reads every built-in paper', () => {
    for (const id of BUILTIN_PAPERS) expect(builtinPaper(id).id).toBe(id);
  });
});
