// Tiny comparisons whose results are known by hand or from R 4.2.2 (values in the comments).
import { describe, expect, it } from 'vitest';
import { studentTFromSummary, welchTFromSummary } from '../../../src/stats/compare/tTestFromSummary.js';
import { tTest } from '../../../src/stats/compare/tTest.js';
import { chiSquareTest } from '../../../src/stats/compare/chiSquareTest.js';
import { fisherExact } from '../../../src/stats/compare/fisherExact.js';
import { oneWayAnova } from '../../../src/stats/compare/oneWayAnova.js';
import { welchAnova } from '../../../src/stats/compare/welchAnova.js';
import { leveneTest } from '../../../src/stats/compare/leveneTest.js';
import { mannWhitney } from '../../../src/stats/compare/mannWhitney.js';
import { mannWhitneyExactP } from '../../../src/stats/compare/mannWhitneyExact.js';
import { kruskalWallis } from '../../../src/stats/compare/kruskalWallis.js';
import { compareNumeric } from '../../../src/stats/compare/compareNumeric.js';
import { compareCategorical } from '../../../src/stats/compare/compareCategorical.js';

const f = (xs: number[]) => Float64Array.from(xs);
const near = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('t tests', () => {
  it('Student from summaries: 5±1 vs 4±1, n 10 each → t = 1/√(2/10) = √5, df 18', () => {
    const r = studentTFromSummary(5, 1, 10, 4, 1, 10);
    near(r.statistic, Math.sqrt(5));
    expect(r.df).toBe(18);
    near(r.se, Math.sqrt(0.2));
    near(r.p, 0.0382496145161138, 1e-10); // R: 2*pt(-sqrt(5), 18)
  });
  it('Welch equals Student with equal n and SD, and has the Satterthwaite df', () => {
    const s = studentTFromSummary(5, 1, 10, 4, 1, 10);
    const w = welchTFromSummary(5, 1, 10, 4, 1, 10);
    near(w.statistic, s.statistic);
    near(w.df, 18);
    const w2 = welchTFromSummary(0, 2, 5, 0, 1, 9); // v1 = 0.8, v2 = 1/9
    near(w2.df, (0.8 + 1 / 9) ** 2 / (0.8 ** 2 / 4 + (1 / 9) ** 2 / 8));
  });
  it('raw data: t.test(c(1,2,3), c(4,5,7), var.equal = TRUE) t = −3.16227766016838', () => {
    near(tTest(f([1, 2, 3]), f([4, 5, 7])).student.statistic, -3.16227766016838, 1e-13);
  });
});

describe('chi-square and Fisher', () => {
  it('[[10,20],[30,40]]: X² = 0.793650793650794, Yates 0.446428571428571 (R chisq.test)', () => {
    near(chiSquareTest([[10, 20], [30, 40]]).statistic, 0.793650793650794, 1e-13);
    const y = chiSquareTest([[10, 20], [30, 40]], { correct: true });
    near(y.statistic, 0.446428571428571, 1e-13);
    expect(y.correction).toBe('yates');
  });
  it('Yates is ignored beyond 2×2 and empty rows are dropped', () => {
    expect(chiSquareTest([[1, 2], [3, 4], [5, 6]], { correct: true }).correction).toBe('none');
    const r = chiSquareTest([[10, 20], [0, 0], [30, 40]]);
    expect(r.df).toBe(1);
    near(r.statistic, 0.793650793650794, 1e-13);
  });
  it('expected counts below 5 are counted', () => {
    const r = chiSquareTest([[1, 9], [9, 1]]);
    expect(r.minExpected).toBe(5);
    expect(r.cellsBelow5).toBe(0);
    expect(chiSquareTest([[1, 3], [3, 1]]).cellsBelow5).toBe(4);
  });
  it("Fisher 2×2 [[3,1],[1,3]]: p = 34/70 (R fisher.test 0.485714285714286)", () => {
    // tables with margins 4,4/4,4: probabilities (1,16,36,16,1)/70; observed 16/70 → 1+16+16+1 = 34
    near(fisherExact([[3, 1], [1, 3]])!.p, 34 / 70, 1e-13);
  });
  it('Fisher 3×3 equals R fisher.test (0.15084915084915)', () => {
    near(fisherExact([[2, 1, 0], [1, 3, 1], [0, 1, 4]])!.p, 0.15084915084915, 1e-11);
  });
  it('refuses negative, non-finite or (Fisher) fractional counts and ragged tables, naming the cell', () => {
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(/row 1, column 2 is -2/);
    expect(() => chiSquareTest([[1, 2], [3, NaN]])).toThrow(/row 2, column 2 is NaN/);
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(/rectangular/);
    expect(() => fisherExact([[1, 2.5], [3, 4]])).toThrow(/row 1, column 2 is 2.5.*whole numbers/);
  });
  it('Fisher gives up (null) rather than run forever on a large r×c table', () => {
    const big = [[30, 25, 20, 22, 18], [28, 26, 24, 19, 21], [25, 30, 22, 20, 23], [27, 21, 26, 25, 20]];
    expect(fisherExact(big, 1e4)).toBeNull();
  });
});

describe('ANOVA, Levene, rank tests', () => {
  it('ANOVA 1..3 vs 4..6: F = 13.5 on (1, 4), p 0.0213116411288', () => {
    const r = oneWayAnova([f([1, 2, 3]), f([4, 5, 6])]);
    near(r.statistic, 13.5);
    expect([r.df1, r.df2]).toEqual([1, 4]);
    near(r.p, 0.0213116411288, 1e-11);
  });
  it("Welch's ANOVA with 2 groups is Welch's t²: 10 for (1,2,3) vs (4,5,7)", () => {
    const w = welchAnova([f([1, 2, 3]), f([4, 5, 7])]);
    near(w.statistic, 10, 1e-13);
    near(w.statistic, tTest(f([1, 2, 3]), f([4, 5, 7])).welch.statistic ** 2, 1e-13);
  });
  it("Levene (mean): |dev| = (1,0,1) vs (2,1,3) → F = 4, p 0.11612 (car::leveneTest center = mean)", () => {
    const r = leveneTest([f([1, 2, 3]), f([4, 5, 9])]);
    near(r.statistic, 4, 1e-13);
    near(r.p, 0.11612, 1e-4);
  });
  it('Mann–Whitney 1..3 vs 4..6: W = 0, U = 0, p = 0.0495346134356267 (wilcox.test exact = FALSE, correct = FALSE)', () => {
    const r = mannWhitney(f([1, 2, 3]), f([4, 5, 6]));
    expect(r.statistic).toBe(0);
    expect(r.u).toBe(0);
    near(r.p, 0.0495346134356267, 1e-12);
    expect(mannWhitney(f([4, 5, 6]), f([1, 2, 3])).statistic).toBe(9);
  });
  it('exact Mann–Whitney p equals R pwilcox-based wilcox.test(exact = TRUE), either sample first', () => {
    // R: 2*pwilcox(0,3,3) = 0.1; 2*pwilcox(2,3,4) = 0.228571428571429; 2*pwilcox(10,4,6) → 0.761904761904762;
    // 2*pwilcox(300-1,16,34, lower = FALSE) = 0.571153859340761; 2*pwilcox(5,2,8) = 0.533333333333333
    near(mannWhitneyExactP(0, 3, 3), 0.1, 1e-14);
    near(mannWhitneyExactP(2, 3, 4), 0.228571428571429, 1e-13);
    near(mannWhitneyExactP(10, 2 * 2, 6), 0.761904761904762, 1e-13);
    near(mannWhitneyExactP(300, 16, 34), 0.571153859340761, 1e-12);
    near(mannWhitneyExactP(5, 2, 8), 0.533333333333333, 1e-13);
    // swapping the samples: W' = n_a n_b − W gives the same two-sided p
    near(mannWhitneyExactP(4 * 6 - 10, 6, 4), 0.761904761904762, 1e-13);
    near(mannWhitneyExactP(16 * 34 - 300, 34, 16), 0.571153859340761, 1e-12);
    expect(mannWhitney(f([1, 2, 3]), f([4, 5, 6])).exactP).toBe(0.1);
    expect(mannWhitney(f([1, 2, 2]), f([4, 5, 6])).exactP).toBeNull(); // ties: normal approximation only
  });
  it('Kruskal–Wallis 1..3 vs 4..6: H = 27/7 = 3.857142857143', () => {
    near(kruskalWallis([f([1, 2, 3]), f([4, 5, 6])]).statistic, 27 / 7);
  });
});

describe('labelled comparisons refuse impossible input', () => {
  it('a group with fewer than 2 values (exit 4)', () => {
    expect(() => compareNumeric('age', ['A', 'B'], [f([1, 2]), f([3])])).toThrow(/age.*1 non-missing value\(s\) in group 'B'/);
  });
  it('a constant variable (exit 4)', () => {
    try {
      compareNumeric('x', ['A', 'B'], [f([1, 1]), f([1, 1])]);
      throw new Error('not refused');
    } catch (e: any) {
      expect(e.exitCode).toBe(4);
      expect(e.message).toMatch(/'x' has the same value \(1\) in every row/);
    }
  });
  it('a categorical variable with one level', () => {
    expect(() => compareCategorical('sex', ['A', 'B'], ['m', 'm', 'm'], Int32Array.from([0, 1, 1]))).toThrow(/single level 'm'/);
  });
  it('constant groups with different values: statistic NaN (null in JSON) and a warning', () => {
    const r = compareNumeric('x', ['A', 'B'], [f([1, 1]), f([2, 2])]);
    expect(Number.isNaN(r.statistic)).toBe(true);
    expect(r.warnings[0]).toMatch(/within-group variance is 0/);
  });
  it('three groups use ANOVA and Kruskal–Wallis', () => {
    const r = compareNumeric('x', ['a', 'b', 'c'], [f([1, 2, 3]), f([2, 3, 5]), f([6, 7, 9])]);
    expect(r.test).toBe('anova');
    expect(r.df2).toBe(6);
    expect(r.mannWhitney).toBeNull();
  });
});
