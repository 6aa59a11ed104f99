/** Small cases computed by hand from the definitions (no R). */
import { describe, expect, it } from 'vitest';
import { timeRocData } from '../../../src/stats/timeroc/timeRocData.js';
import { markerRanks } from '../../../src/stats/timeroc/markerRanks.js';
import { timeDependentAuc } from '../../../src/stats/timeroc/timeDependentAuc.js';
import { compareTimeDependentAucs } from '../../../src/stats/timeroc/compareTimeDependentAucs.js';
import { unoConcordance } from '../../../src/stats/timeroc/unoConcordance.js';
import { harrellConcordance } from '../../../src/stats/timeroc/harrellConcordance.js';
import { timeRoc } from '../../../src/stats/timeroc/timeRoc.js';
import { sortedPlacementValues } from '../../../src/stats/roc/placementValues.js';

const f64 = (a: number[]) => new Float64Array(a);
const u8 = (a: number[]) => new Uint8Array(a);

describe('timeRocData: Kaplan–Meier of censoring, censorings after same-time deaths', () => {
  it('G(T−) and G after each time', () => {
    const d = timeRocData(f64([2, 1, 2, 3]), u8([0, 1, 1, 0]));
    expect(Array.from(d.time)).toEqual([1, 2, 2, 3]);
    // at 2: the death leaves first, 2 remain, 1 censored: G = 1/2; at 3: the last one censored
    expect(Array.from(d.gAfter)).toEqual([1, 0.5, 0]);
    expect(Array.from(d.gMinus)).toEqual([1, 1, 1, 0.5]);
  });
});

describe('AUC(t) by hand', () => {
  it('no censoring: the Mann–Whitney AUC of cases (T ≤ t) vs controls (T > t), ties ½', () => {
    const time = f64([1, 2, 3, 4, 5, 6, 7, 8]);
    const marker = f64([9, 4, 7, 4, 5, 4, 1, 3]);
    const d = timeRocData(time, u8([1, 1, 1, 1, 1, 1, 1, 1]));
    const a = timeDependentAuc(d, markerRanks(marker, d.order), 4);
    // cases 9, 4, 7, 4; controls 5, 4, 1, 3: 4 + (2 + ½) + 4 + (2 + ½) = 13 of 16 pairs
    expect(a.auc).toBe(13 / 16);
    expect([a.cases, a.controls]).toEqual([4, 4]);
    expect(a.auc).toBeCloseTo(sortedPlacementValues(f64([4, 4, 7, 9]), f64([1, 3, 4, 5])).auc, 15);
  });

  it('with censoring: cases weighted 1/G(T−)', () => {
    // t = 3.5. Cases: T = 1 (G(1−) = 1), T = 3 (one of 4 at risk censored at 2: G(3−) = 3/4, weight 4/3).
    // Controls: T = 4, 5 (markers 2, 6). Case markers 5 (T = 1) and 1 (T = 3).
    const d = timeRocData(f64([1, 2, 3, 4, 5]), u8([1, 0, 1, 1, 0]));
    const a = timeDependentAuc(d, markerRanks(f64([5, 8, 1, 2, 6]), d.order), 3.5);
    // case 5: above 2, below 6 → 1 of 2; case 1: 0 of 2. AUC = (1·1 + 4/3·0) / ((1 + 4/3)·2) = 3/14
    expect(a.auc).toBeCloseTo(3 / 14, 15);
    expect(a.weightedCases).toBeCloseTo((1 + 4 / 3) / 5, 15);
  });

  it('is invariant to a monotone transform of the marker and flips to 1 − AUC when negated (no ties)', () => {
    const time = f64([5, 8, 1, 3, 9, 2, 7, 4, 6, 10]);
    const ev = u8([1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
    const x = f64([0.3, 1.2, 2.5, 0.1, -0.4, 1.9, 0.7, 0.2, 1.1, -1]);
    const d = timeRocData(time, ev);
    const a = timeDependentAuc(d, markerRanks(x, d.order), 6);
    const b = timeDependentAuc(d, markerRanks(x.map(Math.exp), d.order), 6);
    const c = timeDependentAuc(d, markerRanks(x.map((v) => -v), d.order), 6);
    expect(b.auc).toBe(a.auc);
    expect(b.se).toBe(a.se);
    expect(c.auc).toBeCloseTo(1 - a.auc!, 14);
    expect(c.se).toBeCloseTo(a.se!, 14);
    // the influence function is centred (it estimates a zero-mean quantity)
    expect(Math.abs(a.influence!.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
  });

  it('null with a reason when there is no case or no control at t', () => {
    const d = timeRocData(f64([1, 2, 3]), u8([0, 1, 1]));
    const r = markerRanks(f64([1, 2, 3]), d.order);
    expect(timeDependentAuc(d, r, 0.5)).toMatchObject({ auc: null, se: null, cases: 0, controls: 3, reason: 'noCases' });
    expect(timeDependentAuc(d, r, 3)).toMatchObject({ auc: null, se: null, cases: 2, controls: 0, reason: 'noControls' });
  });
});

describe('paired difference', () => {
  it('a marker against itself: difference 0 and no test', () => {
    const d = timeRocData(f64([1, 2, 3, 4, 5, 6]), u8([1, 1, 0, 1, 0, 1]));
    const a = timeDependentAuc(d, markerRanks(f64([3, 1, 4, 1, 5, 9]), d.order), 4.5);
    expect(compareTimeDependentAucs(a, a)).toMatchObject({ diff: 0, se: null, p: null });
  });
});

describe("Uno's and Harrell's C", () => {
  it('without censoring both are the share of concordant pairs', () => {
    const d = timeRocData(f64([1, 2, 3, 4]), u8([1, 1, 1, 1]));
    const x = f64([4, 2, 3, 1]);
    expect(unoConcordance(d, markerRanks(x, d.order), Infinity).c).toBeCloseTo(5 / 6, 15);
    expect(harrellConcordance(d, x).c).toBeCloseTo(5 / 6, 15);
  });

  it("Uno's weights 1/G(T−)² and the truncation at τ", () => {
    // times 1 (death), 2 (censored), 3 (death), 4 (death); markers 1, 9, 3, 2.
    // death at 1 (w 1): vs 2, 3, 4 → markers 9, 3, 2 all higher: 0 of 3.
    // G(3−) = 1 − 1/3 (3 at risk at 2, one censored): death at 3 (w 1/(2/3)² = 9/4) vs 4 (marker 2) → concordant.
    const d = timeRocData(f64([1, 2, 3, 4]), u8([1, 0, 1, 1]));
    const r = markerRanks(f64([1, 9, 3, 2]), d.order);
    expect(unoConcordance(d, r, Infinity).c).toBeCloseTo(9 / 4 / (3 + 9 / 4), 15);
    expect(unoConcordance(d, r, 2).c).toBe(0); // only the death at 1 counts
    expect(unoConcordance(d, r, 0.5)).toMatchObject({ c: null, se: null, comparable: 0 });
  });
});

describe('timeRoc', () => {
  it('one entry per marker and time, one comparison per pair, τ = the largest time by default', () => {
    const r = timeRoc({
      time: f64([1, 2, 3, 4, 5, 6]), event: u8([1, 1, 0, 1, 0, 1]),
      markers: [{ name: 'a', values: f64([3, 1, 4, 1, 5, 9]) }, { name: 'b', values: f64([2, 7, 1, 8, 2, 8]) }, { name: 'c', values: f64([1, 2, 3, 4, 5, 6]) }],
      times: [2.5, 4.5],
    });
    expect(r.markers.map((m) => m.at.length)).toEqual([2, 2, 2]);
    expect(r.comparisons.map((c) => `${c.a}-${c.b}`)).toEqual(['a-b', 'a-c', 'b-c']);
    expect(r.tau).toBe(4.5);
    expect(r.comparisons[0].at[1].diff).toBeCloseTo(r.markers[0].at[1].auc! - r.markers[1].at[1].auc!, 15);
    expect(Object.isFrozen(r.markers[0].at[0])).toBe(true);
  });
});
