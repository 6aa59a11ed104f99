import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry, study } from '../../src/evidence/registry.js';
import { parseStudy } from '../../src/evidence/parseStudy.js';
import { paperSection, rowLines, numberPrinted, textPrinted } from '../../src/evidence/locateInPaper.js';
import type { PaperLocation, StudyRecord } from '../../src/evidence/types.js';
import { SEEDS, hasSeeds } from '../helpers/shared.js';

const NUMERIC = ['value', 'lower', 'upper', 'sd', 'se', 'coef', 'maxTumourSizeCm'] as const;

interface Check { path: string; location: PaperLocation; numbers: [string, number][]; texts: [string, string][] }

/** Every object of a record that carries a `location`, with the numbers and printed P values it holds. */
function checks(rec: StudyRecord): Check[] {
  const out: Check[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (o.location && typeof o.location === 'object' && 'section' in (o.location as object)) {
      const numbers = NUMERIC.filter((k) => typeof o[k] === 'number').map((k) => [k, o[k] as number] as [string, number]);
      const texts = typeof o.p === 'string' ? [['p', o.p as string] as [string, string]] : [];
      out.push({ path, location: o.location as PaperLocation, numbers, texts });
    }
    if (typeof o.intercept === 'number' && o.interceptLocation) {
      out.push({ path: `${path}.intercept`, location: o.interceptLocation as PaperLocation, numbers: [['intercept', o.intercept as number]], texts: [] });
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'location' && k !== 'interceptLocation') walk(x, path ? `${path}.${k}` : k);
  };
  walk(rec, '');
  return out;
}

describe('evidence registry', () => {
  it('holds the three seed studies, validated', () => {
    expect(registry().map((s) => s.id)).toEqual(['deng2025', 'yu2023', 'hong2021']);
  });
  it('the headline numbers of the issue', () => {
    const d = study('deng2025');
    expect(d.cutoffs[0]).toMatchObject({ marker: 'SII', value: 375.56, direction: '>=' });
    expect(d.reported.find((r) => r.quantity === 'AUC' && r.about.startsWith('SII for'))?.value).toBe(0.797);
    expect(d.reported.find((r) => r.about === 'SII and AFP combined' && r.quantity === 'AUC')?.value).toBe(0.91);
    const y = study('yu2023');
    expect(y.cutoffs[0]).toMatchObject({ marker: 'SII', value: 405.08, direction: '>' });
    expect(y.reported.find((r) => r.about.startsWith('SII > 405.08, multivariable'))).toMatchObject({ value: 3.164, lower: 1.878, upper: 5.329 });
    expect(y.doi).toBe('10.21037/jgo-23-104');
    expect(y.model).toMatchObject({ kind: 'logistic', intercept: -5.31, interceptOrBaselineGiven: true, allCoefficientsGiven: true });
    const h = study('hong2021');
    expect(h.cutoffs[0]).toMatchObject({ marker: 'SII', value: 340, direction: '>=' });
    expect(h.reported[0]).toMatchObject({ quantity: 'HR', value: 2.211, lower: 1.089, upper: 4.489 });
    expect(h.combined?.marker).toBe('SII+AFP');
    expect(Object.keys(h.combined!.findings).sort()).toEqual(['high-high', 'high-low', 'low-high', 'low-low']);
  });
  it('n and events agree with the located counts', () => {
    for (const s of registry()) {
      expect(s.counts.find((c) => c.quantity === 'n')?.value).toBe(s.n);
      if (s.events !== null) expect(s.counts.find((c) => c.quantity === 'events')?.value).toBe(s.events);
    }
  });
  it('unknown study is refused with the list of known ones', () => {
    expect(() => study('smith2020')).toThrow("no study 'smith2020' in the evidence registry; it holds 'deng2025', 'yu2023', 'hong2021'.");
  });
});

describe('registry loader refusals name the field', () => {
  const good = () => JSON.parse(JSON.stringify(study('yu2023')));
  const cases: [string, (j: any) => void, string][] = [
    ['missing id', (j) => delete j.id, "field 'id' must be non-empty text."],
    ['n not whole', (j) => (j.n = 27.5), "field 'n' must be a positive whole number."],
    ['bad direction', (j) => (j.cutoffs[0].direction = '=>'), "field 'cutoffs[0].direction' must be '>' or '>='."],
    ['cutoff not a number', (j) => (j.cutoffs[0].value = '405.08'), "field 'cutoffs[0].value' must be a finite number."],
    ['missing finding', (j) => delete j.cutoffs[0].findings.low, "field 'cutoffs[0].findings.low' must be non-empty text."],
    ['interval reversed', (j) => (j.reported[0].lower = 0.9), "field 'reported[0].lower' must not exceed upper."],
    ['no location', (j) => delete j.reported[1].location, "field 'reported[1].location' must be an object."],
    ['bad model kind', (j) => (j.model.kind = 'probit'), "field 'model.kind' must be 'logistic' or 'cox'."],
    ['flag not boolean', (j) => (j.model.allCoefficientsGiven = 'yes'), "field 'model.allCoefficientsGiven' must be true or false."],
  ];
  for (const [name, mutate, msg] of cases) {
    it(name, () => {
      const j = good();
      mutate(j);
      expect(() => parseStudy(j, 'x.json')).toThrow(`x.json: ${msg}`);
    });
  }
});

describe('locateInPaper', () => {
  it('the @examples', () => {
    expect(paperSection('Title\nAbstract\nWe saw 186.\nKeywords x\nIntroduction\n', 'Abstract')).toBe('Title\nAbstract\nWe saw 186.\n');
    expect(numberPrinted('AUC 0.910 (0.868–0.952)', 0.91)).toBe(true);
    expect(numberPrinted('AUC 0.9101', 0.91)).toBe(false);
  });
  it('tables end at the next caption; numbers need whole tokens', () => {
    const t = 'See Table 2.\nTable 2 summarizes it.\nTable 1 A\n| x | 1.5 |\nTable 2 B\n| y | 2.25 |\n**Figure 1** C\n';
    expect(paperSection(t, 'Table 1')).toBe('Table 1 A\n| x | 1.5 |\n');
    expect(paperSection(t, 'Table 2')).toBe('Table 2 B\n| y | 2.25 |\n');
    expect(paperSection(t, 'Table 3')).toBeNull();
    expect(rowLines(paperSection(t, 'Table 2')!, '| y')).toEqual(['| y | 2.25 |']);
    expect(numberPrinted('−5.310', -5.31)).toBe(true);
    expect(numberPrinted('15.310', 5.31)).toBe(false);
    expect(numberPrinted('340', 34)).toBe(false);
    expect(textPrinted('P < 0.001', '<0.001')).toBe(true);
  });
});

describe.skipIf(!hasSeeds)('every registry number is printed in the seed paper at its stated location', () => {
  for (const rec of registry()) {
    const all = checks(rec);
    it(`${rec.id}: ${all.length} located items`, () => {
      // Read inside the test: a skipped describe still runs its body to collect the tests.
      const paper = readFileSync(join(SEEDS, rec.source.paper), 'utf8');
      const abstract = rec.source.abstract ? readFileSync(join(SEEDS, rec.source.abstract), 'utf8') : null;
      expect(all.length).toBeGreaterThan(10);
      for (const c of all) {
        const text = c.location.file === 'abstract' ? abstract : paper;
        expect(text, `${c.path}: no abstract file`).not.toBeNull();
        const section = paperSection(text!, c.location.section);
        expect(section, `${rec.id} ${c.path}: section '${c.location.section}' not found`).not.toBeNull();
        const lines = c.location.row ? rowLines(section!, c.location.row) : [section!];
        expect(lines.length, `${rec.id} ${c.path}: no row '${c.location.row}' in ${c.location.section}`).toBeGreaterThan(0);
        for (const [k, v] of c.numbers) {
          expect(lines.some((l) => numberPrinted(l, v)), `${rec.id} ${c.path}.${k} = ${v} not printed in ${c.location.section}${c.location.row ? ` row '${c.location.row}'` : ''}`).toBe(true);
        }
        for (const [k, v] of c.texts) {
          expect(lines.some((l) => textPrinted(l, v)), `${rec.id} ${c.path}.${k} = '${v}' not printed in ${c.location.section}`).toBe(true);
        }
      }
    });
  }
  it('a wrong number at a right location is caught (the check can fail)', () => {
    const paper = readFileSync(join(SEEDS, 'deng2025_sii_tace_recurrence.txt'), 'utf8');
    const row = rowLines(paperSection(paper, 'Table 5')!, '| SII');
    expect(row.some((l) => numberPrinted(l, 375.56))).toBe(true);
    expect(row.some((l) => numberPrinted(l, 370.26))).toBe(false);
    expect(row.some((l) => numberPrinted(l, 0.839))).toBe(false);
  });
});
