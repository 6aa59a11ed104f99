/** The small ROC building blocks, including every @example in src/stats/roc as written. */
import { describe, expect, it } from 'vitest';
import { autoDirection, sortedMedian } from '../../../src/stats/roc/direction.js';
import { orientedGroups } from '../../../src/stats/roc/orientedGroups.js';
import { rocCurve } from '../../../src/stats/roc/rocCurve.js';
import { optimalCutoff } from '../../../src/stats/roc/optimalCutoff.js';
import { diagnosticAccuracy } from '../../../src/stats/roc/diagnosticAccuracy.js';
import { aucNormalCi } from '../../../src/stats/roc/normalCi.js';
import { mannWhitneyAucTest, delongAucTest } from '../../../src/stats/roc/aucNullTest.js';
import { delongCovariance } from '../../../src/stats/roc/delongVariance.js';
import { placementValues, sortedPlacementValues } from '../../../src/stats/roc/placementValues.js';
import { xoshiro128ss } from '../../../src/stats/roc/prng.js';
import { bootstrapAucCi } from '../../../src/stats/roc/bootstrapAucCi.js';
import { pNormTwoSided } from '../../../src/stats/dist/index.js';

describe('@examples', () => {
  it('hold as written', () => {
    expect(autoDirection(Float64Array.of(2, 3, 5), Float64Array.of(1, 2, 4))).toBe('higher');
    expect(orientedGroups(Float64Array.of(3, 1, 2), Float64Array.of(0, 1, 1), 'auto').direction).toBe('lower');
    const g = orientedGroups(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 1, 0, 1), 'higher');
    expect(Array.from(rocCurve(g).threshold)).toEqual([-Infinity, 1.5, 2.5, 3.5, Infinity]);
    expect(optimalCutoff(rocCurve(g), 'youden').ties.map((c) => c.threshold)).toEqual([1.5, 3.5]);
    expect(diagnosticAccuracy(0.5, 8, 2, 10, 10).ppv).toBe(0.8);
    expect(aucNormalCi(0.9, 0.1, 0.95)).toEqual({ lower: 0.7040036015459946, upper: 1 });
    expect(mannWhitneyAucTest(Float64Array.of(3, 4, 5), Float64Array.of(1, 2, 3), 0.9444444444444444).p).toBe(0.07652250047505921);
    const c = Float64Array.of(2, 3), k = Float64Array.of(1, 2);
    expect(placementValues(c, k, c, k).auc).toBe(0.875);
    expect(Array.from(sortedPlacementValues(Float64Array.of(2, 3), Float64Array.of(1, 2)).cases)).toEqual([0.75, 1]);
    const p = { cases: Float64Array.of(0.75, 1), controls: Float64Array.of(1, 0.75), auc: 0.875 };
    expect(delongCovariance(p, p)).toBe(0.03125);
    const r = xoshiro128ss(42);
    expect([r.nextInt(10), r.nextInt(10)]).toEqual([1, 8]);
    expect(bootstrapAucCi(Float64Array.of(2, 3, 4, 5), Float64Array.of(1, 2, 3, 4), 500, 1).replicates).toBe(500);
  });
});

describe('direction', () => {
  it('auto follows the medians, equal medians giving higher (as pROC)', () => {
    expect(sortedMedian(Float64Array.of(1, 2, 3, 10))).toBe(2.5);
    expect(autoDirection(Float64Array.of(0, 2, 3), Float64Array.of(1, 2, 9))).toBe('higher');
    expect(autoDirection(Float64Array.of(0, 1, 3), Float64Array.of(1, 2, 9))).toBe('lower');
  });
  it('lower orients by negation and keeps data order', () => {
    const g = orientedGroups(Float64Array.of(5, 1, 4, 2), Float64Array.of(1, 0, 1, 0), 'lower');
    expect(Array.from(g.cases)).toEqual([-5, -4]);
    expect(Array.from(g.sortedCases)).toEqual([-5, -4]);
    expect(Array.from(g.sortedControls)).toEqual([-2, -1]);
  });
});

describe('closest.topleft and diagnostic accuracy', () => {
  it('minimises (1 − se)² + (1 − sp)²', () => {
    // cases 3,4,6 ; controls 1,2,5: points (se, sp): (1,0) (1,1/3) (1,2/3) (2/3,2/3) (1/3,2/3) (1/3,1) (0,1)
    const g = orientedGroups(Float64Array.of(3, 4, 6, 1, 2, 5), Float64Array.of(1, 1, 1, 0, 0, 0), 'higher');
    const t = optimalCutoff(rocCurve(g), 'closest.topleft');
    expect(t.ties.map((c) => c.threshold)).toEqual([2.5]);
    expect(t.best.sensitivity).toBe(1);
    expect(t.best.specificity).toBeCloseTo(2 / 3, 15);
  });
  it('returns null for ratios with a zero denominator', () => {
    const d = diagnosticAccuracy(Infinity, 0, 0, 5, 5);
    expect(d.ppv).toBeNull();
    expect(d.npv).toBe(0.5);
    expect(d.lrPositive).toBeNull();
    expect(d.lrNegative).toBe(1);
    expect(d.youden).toBe(0);
  });
});

describe('tests of AUC = 0.5', () => {
  it('Mann–Whitney without ties has null variance (N + 1)/(12 m n) on the AUC scale', () => {
    const a = Float64Array.of(2, 4, 6, 8), b = Float64Array.of(1, 3, 5);
    const auc = placementValues(a, b, a, b).auc; // (1 + 2 + 3 + 3)/12 = 0.75
    expect(auc).toBe(0.75);
    const z = (auc - 0.5) / Math.sqrt(8 / (12 * 4 * 3));
    const t = mannWhitneyAucTest(a, b, auc);
    expect(t.z).toBeCloseTo(z, 14);
    expect(t.p).toBeCloseTo(pNormTwoSided(z), 14);
  });
  it('Wald test with the DeLong SE, and a clipped CI', () => {
    expect(delongAucTest(0.7, 0.1).z).toBeCloseTo(2, 14);
    expect(aucNormalCi(0.05, 0.1).lower).toBe(0);
  });
});
