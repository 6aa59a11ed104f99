// Group comparisons against R 4.2.2 (stats: t.test, oneway.test, wilcox.test, kruskal.test,
// chisq.test, fisher.test, quantile; Levene as anova of |x − group mean| and car::leveneTest(center = mean))
// on survival::lung, pROC::aSAH, datasets::mtcars and datasets::state.x77 (tie-free, for the exact Wilcoxon p). Produced by test/reference/compare/compare.R.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/io/readTable.js';
import { labelColumn, numericColumn } from '../../../src/io/columns.js';
import { compareNumeric } from '../../../src/stats/compare/compareNumeric.js';
import { compareCategorical } from '../../../src/stats/compare/compareCategorical.js';
import { mannWhitney } from '../../../src/stats/compare/mannWhitney.js';
import { chiSquareTest } from '../../../src/stats/compare/chiSquareTest.js';
import { numericSummary } from '../../../src/stats/describe/numericSummary.js';

const DIR = 'test/reference/compare';
const ref = JSON.parse(readFileSync(`${DIR}/compare_reference.json`, 'utf8'));
const TOL = 1e-6;

/** Relative difference (absolute below 1e-12, where R prints rounding noise). */
function close(actual: number | null, expected: number, tol = TOL): void {
  expect(actual).not.toBeNull();
  const a = actual as number;
  const err = Math.abs(a - expected) / Math.max(Math.abs(expected), 1e-12);
  if (err > tol) throw new Error(`got ${a}, R ${expected} (rel. error ${err.toExponential(2)})`);
}

async function load(set: string) {
  return readTable(`${DIR}/${set}.csv`);
}

/** The rows of a case after R's subset, grouped in R's (= siilab's sorted) group order. */
async function numericGroups(c: any): Promise<Float64Array[]> {
  const t = await load(c.set);
  const x = numericColumn(t, c.variable, 'test');
  const g = labelColumn(t, c.group, 'test');
  const extra = c.subset ? numericColumn(t, c.subset.includes('carb') ? 'carb' : 'ph.ecog', 'test') : null;
  const keep = (i: number) => {
    if (!extra) return true;
    return c.subset.includes('carb') ? [1, 2, 4].includes(extra[i]) : !Number.isNaN(extra[i]) && extra[i] < 3;
  };
  return c.groups.map((lv: string) => {
    const out: number[] = [];
    for (let i = 0; i < x.length; i++) if (g[i] === lv && !Number.isNaN(x[i]) && keep(i)) out.push(x[i]);
    return Float64Array.from(out);
  });
}

let checked = 0;
let exactCases = 0;
let maxErr = 0;
function track(actual: number | null, expected: number, tol = TOL) {
  close(actual, expected, tol);
  maxErr = Math.max(maxErr, Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-12));
  checked++;
}

describe('numeric comparisons equal R', () => {
  for (const c of ref.numeric) {
    it(`${c.set}: ${c.variable} by ${c.group}${c.subset ? ' (subset)' : ''}`, async () => {
      const groups = await numericGroups(c);
      const r = compareNumeric(c.variable, c.groups, groups);
      c.summaries.forEach((s: any, j: number) => {
        const m = r.summaries[j];
        expect(m.n).toBe(s.n);
        for (const k of ['mean', 'sd', 'median', 'min', 'max'] as const) track(m[k], s[k]);
        track(m.q1, s.q1_7);
        track(m.q3, s.q3_7);
        const s6 = numericSummary(groups[j], 6);
        track(s6.q1, s.q1_6);
        track(s6.q3, s.q3_6);
      });
      track(r.levene.statistic, c.levene.statistic);
      track(r.levene.p, c.levene.p);
      track(r.levene.statistic, c.leveneCar.statistic);
      track(r.kruskalWallis.statistic, c.kruskal.statistic);
      track(r.kruskalWallis.p, c.kruskal.p);
      if (c.groups.length === 2) {
        expect(r.test).toBe('t');
        track(r.statistic, c.student.statistic);
        track(r.df, c.student.df);
        track(r.p, c.student.p);
        track(r.meanDifference, c.student.meanDifference);
        track(r.se, c.student.se);
        track(r.welch.statistic, c.welch.statistic);
        track(r.welch.df, c.welch.df);
        track(r.welch.p, c.welch.p);
        track(r.mannWhitney!.statistic, c.wilcox.statistic);
        track(r.mannWhitney!.p, c.wilcox.p);
        const mc = mannWhitney(groups[0], groups[1], { correct: true });
        track(mc.statistic, c.wilcoxCorrect.statistic);
        track(mc.p, c.wilcoxCorrect.p);
        if (c.wilcoxExactP === undefined) expect(r.mannWhitney!.exactP).toBeNull(); // ties or n ≥ 50: R is not exact either
        else {
          track(r.mannWhitney!.exactP, c.wilcoxExactP);
          exactCases++;
        }
      } else {
        expect(r.test).toBe('anova');
        expect(r.mannWhitney).toBeNull();
      }
      // ANOVA and Welch ANOVA for every case (k = 2 included: F = t², Welch F = Welch t²)
      const f = c.groups.length === 2 ? null : r;
      if (f) {
        track(f.statistic, c.anova.statistic);
        track(f.df2, c.anova.df2);
        track(f.p, c.anova.p);
        track(f.welch.statistic, c.welchAnova.statistic);
        track(f.welch.df2, c.welchAnova.df2);
        track(f.welch.p, c.welchAnova.p);
      } else {
        track(r.statistic * r.statistic, c.anova.statistic);
        track(r.welch.statistic * r.welch.statistic, c.welchAnova.statistic);
      }
    });
  }
});

describe('categorical comparisons equal R', () => {
  for (const c of ref.categorical) {
    it(`${c.set}: ${c.variable} by ${c.group}`, async () => {
      const t = await load(c.set);
      const v = labelColumn(t, c.variable, 'test');
      const g = labelColumn(t, c.group, 'test');
      const gi = Int32Array.from(g, (x) => (x === null ? -1 : c.groups.indexOf(x)));
      const r = compareCategorical(c.variable, c.groups, v, gi);
      expect(r.levels).toEqual(c.levels);
      c.counts.forEach((row: number[], k: number) => row.forEach((x, j) => expect(r.summaries[j].counts[k]).toBe(x)));
      track(r.statistic, c.chisq.statistic);
      expect(r.df).toBe(c.chisq.df);
      track(r.p, c.chisq.p);
      track(r.minExpected, c.chisq.minExpected);
      expect(r.correction).toBe('none');
      track(r.fisherP, c.fisherP);
      const y = chiSquareTest(c.counts, { correct: true });
      track(y.statistic, c.chisqYates.statistic);
      track(y.p, c.chisqYates.p);
      expect(y.correction).toBe(c.levels.length === 2 && c.groups.length === 2 ? 'yates' : 'none');
      if (r.minExpected < 5) expect(r.warnings.join(' ')).toMatch(/expected count below 5/);
    });
  }
});

describe('coverage of the R comparison', () => {
  it('checked every quantity', () => {
    // runs last in this file: every R quantity above was compared
    console.log(`compare R parity: ${checked} quantities, max rel. error ${maxErr.toExponential(2)}`);
    expect(checked).toBeGreaterThan(500);
    expect(exactCases).toBe(2);
    expect(maxErr).toBeLessThan(TOL);
  });
});
