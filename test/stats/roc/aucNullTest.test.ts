/**
 * The P of AUC = 0.5 against SPSS as the seed paper yu2023 (SPSS 26.0) reports it: Table 3, albumin,
 * AUC 0.587, Std. Error 0.034, "P value" 0.015, with 112 cases and 160 controls. A standard error
 * under the null reproduces 0.015; a Wald test on the reported SE would give 0.0105.
 */
import { describe, expect, it } from 'vitest';
import { mannWhitneyAucTest, delongAucTest } from '../../../src/stats/roc/aucNullTest.js';
import { sortedPlacementValues } from '../../../src/stats/roc/placementValues.js';

/** 112 cases and 160 controls without ties whose AUC is 10519 / 17920 = 0.58700 (to 5 decimals). */
function yu2023Albumin() {
  const controls = Float64Array.from({ length: 160 }, (_, j) => j);
  const k = [...Array(104).fill(94), ...Array(7).fill(93), 92]; // controls below each case: Σ = 10519
  const cases = Float64Array.from(k, (kk, i) => kk - 0.5 + i * 1e-6).sort();
  return { cases, controls };
}

describe('test of AUC = 0.5 against SPSS (seed yu2023)', () => {
  it('gives SPSS "Asymptotic Sig." 0.015 where a DeLong-SE Wald test would give 0.0105', () => {
    const { cases, controls } = yu2023Albumin();
    const auc = sortedPlacementValues(cases, controls).auc;
    expect(auc).toBeCloseTo(0.587, 4);
    const t = mannWhitneyAucTest(cases, controls, auc);
    expect(t.p.toFixed(3)).toBe('0.015');
    // no ties: the null SE is sqrt((m + n + 1) / (12 m n))
    expect(t.z).toBeCloseTo((auc - 0.5) / Math.sqrt(273 / (12 * 112 * 160)), 12);
    expect(delongAucTest(auc, 0.034).p).toBeLessThan(0.0115); // 0.0105: would print 0.010 or 0.011, not 0.015
  });
});
