/**
 * The bootstrap resample built sorted from draw counts as weighted distinct rows
 * (src/stats/validation/sortedResample.ts) against the resample gathered row by row and sorted by
 * coxSortedData; and a whole Cox replicate
 * (coxReplicate, which reuses its arrays from replicate to replicate) against the same indexes
 * computed from scratch on the gathered resample with the public functions.
 */
import { describe, expect, it } from 'vitest';
import { coxCalibrationSlope } from '../../../src/stats/calibration/coxCalibrationSlope.js';
import { baselineCumHazardAt } from '../../../src/stats/survival/cox/baseline.js';
import { coxConcordance, coxConcordanceOfRanks } from '../../../src/stats/survival/cox/concordance.js';
import { denseRanks } from '../../../src/stats/survival/cox/denseRanks.js';
import { coxFit } from '../../../src/stats/survival/cox/fit.js';
import { coxSortedData } from '../../../src/stats/survival/cox/sortedData.js';
import { survivalBrier } from '../../../src/stats/validation/brierScore.js';
import { coxReplicate, coxValidationContext, REPLICATE_EPS } from '../../../src/stats/validation/coxValidation.js';
import { bootstrapIndices } from '../../../src/stats/validation/replicateSeeds.js';
import { sortedResample, sortedResampleWork } from '../../../src/stats/validation/sortedResample.js';
import type { CoxValidationData } from '../../../src/stats/validation/types.js';
import { coxCovariates, lung, lungEvent, reference } from './referenceData.js';

/** Rows compared column by column. */
const byColumns = (a: number[], b: number[]) => {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j] - b[j];
  return 0;
};

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

const gather = <T extends Float64Array | Uint8Array>(a: T, idx: Int32Array): T => {
  const out = new (a.constructor as new (n: number) => T)(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = a[idx[i]];
  return out;
};

describe('sortedResample', () => {
  it('a tiny case by hand: the drawn rows once each with their draw counts, in sorted order, centred over the resample', () => {
    // times 3, 1, 2 (sorted positions 2, 0, 1), events 1, 0, 1; x = 10, 20, 40
    const time = new Float64Array([3, 1, 2]);
    const event = new Uint8Array([1, 0, 1]);
    const x = new Float64Array([10, 20, 40]);
    const sorted = coxSortedData({ stop: time, start: null, event, columns: [x], strata: null, nStrata: 1 });
    const position = new Int32Array(3);
    sorted.order.forEach((row, k) => (position[row] = k));
    const sortedX = new Float64Array([20, 40, 10]);
    // draws: row 0 twice, row 2 once → sorted: (t 2, x 40) once, (t 3, x 10) twice
    const r = sortedResample(sorted, [sortedX], position, new Int32Array([0, 2, 0]), sortedResampleWork(sorted));
    expect(r.n).toBe(2);
    expect(Array.from(r.stop)).toEqual([2, 3]);
    expect(Array.from(r.event)).toEqual([1, 1]);
    expect(Array.from(r.weight)).toEqual([1, 2]);
    expect(Array.from(r.source)).toEqual([1, 2]);
    expect(Array.from(r.strataBounds)).toEqual([0, 2]);
    expect([r.nEvents, r.nDeathTimes]).toEqual([3, 2]);
    // mean 20, mean absolute deviation (20 + 10 + 10) / 3
    expect(r.means[0]).toBe(20);
    expect(r.scale[0]).toBeCloseTo(3 / 40, 15);
    expect(Array.from(r.x).map((v) => v * 40 / 3)).toEqual([20, -10].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(r.order)).toEqual([0, 1]);
  });

  it('repeated by its weights it is coxSortedData of the gathered resample (lung: ties, a 0/1 covariate); the same fit and concordance', () => {
    const columns = coxCovariates.map((c) => lung[c]);
    const n = lung.time.length;
    const sorted = coxSortedData({ stop: lung.time, start: null, event: lungEvent, columns, strata: null, nStrata: 1 });
    const position = new Int32Array(n);
    sorted.order.forEach((row, k) => (position[row] = k));
    const sortedColumns = columns.map((c) => Float64Array.from(sorted.order, (row) => c[row]));
    const work = sortedResampleWork(sorted);
    for (const seed of [1, 2, 3, 99, 2026]) {
      const idx = bootstrapIndices(n, seed);
      const r = sortedResample(sorted, sortedColumns, position, idx, work);
      const g = coxSortedData({ stop: gather(lung.time, idx), start: null, event: gather(lungEvent, idx), columns: columns.map((c) => gather(c, idx)), strata: null, nStrata: 1 });
      // r's rows repeated by their weights
      const rep = Int32Array.from(Array.from(r.weight).flatMap((w, k) => Array.from({ length: w }, () => k)));
      expect(rep.length).toBe(n);
      expect(Array.from(gather(r.stop, rep))).toEqual(Array.from(g.stop));
      expect(Array.from(gather(r.event, rep))).toEqual(Array.from(g.event));
      expect([r.nEvents, r.nDeathTimes]).toEqual([g.nEvents, g.nDeathTimes]);
      for (let j = 0; j < r.p; j++) {
        expect(rel(r.means[j], g.means[j])).toBeLessThan(1e-13);
        expect(rel(r.scale[j], g.scale[j])).toBeLessThan(1e-13);
      }
      // the same rows: within each run of equal (time, status) — rows the likelihood does not order —
      // the same centred covariate rows, compared after sorting each run's rows
      const rowsOf = (x: Float64Array, p: number, ks: number[]) => ks.map((k) => Array.from(x.subarray(k * p, (k + 1) * p))).sort(byColumns);
      for (let from = 0; from < n; ) {
        let to = from + 1;
        while (to < n && g.stop[to] === g.stop[from] && g.event[to] === g.event[from]) to++;
        const ks = Array.from({ length: to - from }, (_, k) => from + k);
        const a = rowsOf(r.x, r.p, ks.map((k) => rep[k]));
        const b = rowsOf(g.x, g.p, ks);
        for (let k = 0; k < a.length; k++) for (let j = 0; j < r.p; j++) expect(Math.abs(a[k][j] - b[k][j])).toBeLessThan(1e-12);
        from = to;
      }
      const fr = coxFit(r, { ties: 'efron', eps: 1e-12, concordance: false });
      const fg = coxFit(g, { ties: 'efron', eps: 1e-12 });
      for (let j = 0; j < r.p; j++) expect(rel(fr.beta[j], fg.beta[j])).toBeLessThan(1e-9);
      expect(rel(fr.loglik, fg.loglik)).toBeLessThan(1e-12);
      // the concordance of the fit's scores: the weighted pair counts are the repeated rows' counts
      const lpR = Float64Array.from({ length: r.n }, (_, k) => r.x.subarray(k * r.p, (k + 1) * r.p).reduce((s, v, j) => s + v * fr.beta[j] / r.scale[j], 0));
      const rankR = new Int32Array(r.n);
      const cr = coxConcordanceOfRanks(r, rankR, denseRanks(lpR, rankR));
      const cg = coxConcordance(g, gather(lpR, rep), false);
      expect([cr.concordant, cr.discordant, cr.tiedX, cr.tiedY, cr.tiedXY]).toEqual([cg.concordant, cg.discordant, cg.tiedX, cg.tiedY, cg.tiedXY]);
    }
  });
});

describe('coxReplicate (sorted resample, arrays reused)', () => {
  const data: CoxValidationData = {
    kind: 'cox', time: lung.time, event: lungEvent, columns: coxCovariates.map((c) => lung[c]), termNames: coxCovariates,
    horizon: reference.horizon, ties: 'efron',
  };
  const ctx = coxValidationContext(data);
  const n = data.time.length;

  /** The replicate from scratch: fit on the gathered resample, indexes with the public functions. */
  function fromScratch(idx: Int32Array) {
    const time = gather(data.time, idx);
    const event = gather(data.event, idx);
    const columns = data.columns.map((c) => gather(c, idx));
    const sb = coxSortedData({ stop: time, start: null, event, columns, strata: null, nStrata: 1 });
    const f = coxFit(sb, { ties: 'efron', eps: REPLICATE_EPS, init: ctx.start!, baselineStrata: [null] });
    const lpOf = (cols: readonly Float64Array[]) => Float64Array.from(cols[0], (_, i) => cols.reduce((s, c, j) => s + c[i] * f.beta[j], 0));
    const h0 = baselineCumHazardAt(f.baseline!, data.horizon!);
    const cb = f.baseline!.centre.reduce((s, m, j) => s + m * f.beta[j], 0);
    const riskOf = (lp: Float64Array) => lp.map((v) => -Math.expm1(-h0 * Math.exp(v - cb)));
    const lpBoot = lpOf(columns);
    const lpOrig = lpOf(data.columns);
    const so = coxSortedData({ stop: data.time, start: null, event: data.event, columns: data.columns, strata: null, nStrata: 1 });
    return {
      train: { c: f.concordance!.c!, slope: 1, brier: survivalBrier(time, event, riskOf(lpBoot), data.horizon!) },
      test: {
        c: coxConcordance(so, Float64Array.from(so.order, (row) => lpOrig[row]), false).c!,
        slope: coxCalibrationSlope(data.time, data.event, lpOrig, 'efron', undefined, REPLICATE_EPS, 1)!.slope,
        brier: survivalBrier(data.time, data.event, riskOf(lpOrig), data.horizon!),
      },
    };
  }

  it('equals the replicate computed from scratch, whatever replicate ran before (1e-9)', () => {
    const seeds = [11, 12, 13, 11];
    const outs = seeds.map((s) => coxReplicate(ctx, bootstrapIndices(n, s)));
    for (const [k, seed] of seeds.entries()) {
      const got = outs[k];
      expect(got.ok).toBe(true);
      if (!got.ok) continue;
      const want = fromScratch(bootstrapIndices(n, seed));
      for (const side of ['train', 'test'] as const)
        for (const key of ['c', 'slope', 'brier'] as const) expect(rel(got[side][key]!, want[side][key])).toBeLessThan(1e-9);
    }
    // the same resample again, after others: the same bits
    expect(outs[3]).toEqual(outs[0]);
  });
});
