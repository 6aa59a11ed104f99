import { describe, expect, it } from 'vitest';
import { bootstrapAucCi, quantileType7, weightedAuc } from '../../../src/stats/roc/bootstrapAucCi.js';
import { placementValues } from '../../../src/stats/roc/placementValues.js';
import { rocAnalysis } from '../../../src/stats/roc/rocAnalysis.js';
import { xoshiro128ss } from '../../../src/stats/roc/prng.js';
import { pnorm } from '../../../src/stats/dist/index.js';

function normals(rng: ReturnType<typeof xoshiro128ss>, k: number, mean: number): Float64Array {
  // Box–Muller
  return Float64Array.from({ length: k }, () => mean + Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()));
}

describe('weightedAuc', () => {
  it('with unit weights equals the empirical AUC, and weights act as repeats', () => {
    const a = Float64Array.of(1, 2, 2, 5), b = Float64Array.of(0, 2, 3);
    const p = placementValues(a, b, a, b);
    expect(weightedAuc(a, Int32Array.of(1, 1, 1, 1), b, Int32Array.of(1, 1, 1))).toBe(p.auc);
    const rep = Float64Array.of(1, 1, 1, 2, 5), ctl = Float64Array.of(0, 3, 3);
    expect(weightedAuc(a, Int32Array.of(3, 1, 0, 1), b, Int32Array.of(1, 0, 2))).toBe(placementValues(rep, ctl, rep, ctl).auc);
  });
});

describe('quantileType7', () => {
  it("matches R's quantile(type = 7)", () => {
    // quantile(c(1, 2, 4, 8), c(0.025, 0.975)) = 1.075, 7.7
    const s = Float64Array.of(1, 2, 4, 8);
    expect(quantileType7(s, 0.025)).toBeCloseTo(1.075, 14);
    expect(quantileType7(s, 0.975)).toBeCloseTo(7.7, 14);
  });
});

describe('bootstrapAucCi', () => {
  it('is reproducible for a seed and changes with it', () => {
    const rng = xoshiro128ss(5);
    const a = normals(rng, 40, 1).sort(), b = normals(rng, 60, 0).sort();
    const x = bootstrapAucCi(a, b, 300, 17), y = bootstrapAucCi(a, b, 300, 17), z = bootstrapAucCi(a, b, 300, 18);
    expect(x).toEqual(y);
    expect(z.lower).not.toBe(x.lower);
  });

  it('agrees with the DeLong CI on a large sample', () => {
    const rng = xoshiro128ss(77);
    const y = Float64Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const x = Float64Array.from(y, (v) => normals(rng, 1, v * 0.8)[0]);
    const r = rocAnalysis(x, y, { bootstrap: { replicates: 1000, seed: 3 } });
    expect(Math.abs(r.bootstrap!.lower - r.lower!)).toBeLessThan(0.004);
    expect(Math.abs(r.bootstrap!.upper - r.upper!)).toBeLessThan(0.004);
    expect(Math.abs(r.bootstrap!.se - r.se!) / r.se!).toBeLessThan(0.1);
  });

  it('covers the true AUC about 95% of the time (binormal, n = 60 + 60)', () => {
    const truth = pnorm(1 / Math.SQRT2); // AUC of N(1,1) vs N(0,1)
    const rng = xoshiro128ss(99);
    const sims = 300;
    let cover = 0;
    for (let s = 0; s < sims; s++) {
      const a = normals(rng, 60, 1).sort(), b = normals(rng, 60, 0).sort();
      const ci = bootstrapAucCi(a, b, 400, s + 1);
      if (ci.lower <= truth && truth <= ci.upper) cover++;
    }
    // binomial SD at 95% with 300 runs is 1.3%; percentile intervals run slightly short at this n
    expect(cover / sims).toBeGreaterThan(0.9);
    expect(cover / sims).toBeLessThan(0.985);
  });
});
