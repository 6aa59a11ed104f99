import { afterAll, describe, expect, it } from 'vitest';
import { maxstat, logRankScores } from '../../../src/stats/survival/maxstat.js';
import { continuousShares, pLausen92, pLausen94 } from '../../../src/stats/survival/lausen.js';
import { numericColumn } from '../../../src/io/columns.js';
import { close, closeArray, columnsOf, loadCsv, loadReference, worst } from './reference.js';

const ref = loadReference('maxstat_reference.json');

describe('maximally selected log-rank statistic against R maxstat (maxstat_reference.json)', () => {
  it('records the versions', () => {
    expect(ref.maxstat).toBe('0.7.25');
  });
  for (const c of ref.cases) {
    const name = `${c.data}: ${c.marker} (minprop ${c.minprop})`;
    it(name, () => {
      const col = columnsOf(c);
      const x = numericColumn(loadCsv(c.file), c.marker, '--marker');
      const r = maxstat(col.time, col.event, x, { minprop: c.minprop, maxprop: c.maxprop });
      expect(r.n).toBe(c.n);
      expect(r.nDropped).toBe(c.nDropped);
      closeArray(r.cuts, c.cuts, `${name} cuts`);
      closeArray(Array.from(r.stats, Math.abs), c.stats, `${name} stats`);
      close(r.statistic, c.statistic, `${name} statistic`);
      close(r.cutoff, c.cutoff, `${name} cutoff`);
      if (Math.abs(c.pLau94) > 1e-12) close(r.pLau94Raw, c.pLau94, `${name} pLau94`);
      else expect(Math.abs(r.pLau94Raw)).toBeLessThan(1e-12);
      expect(r.p).toBe(Math.min(1, Math.max(0, r.pLau94Raw)));
      close(r.pLau92, Math.min(1, c.pLau92), `${name} pLau92`);
      close(r.naiveLogRank.chisq, c.naiveLogRankChisq, `${name} naive chisq`);
      close(r.naiveLogRank.p, c.naiveLogRankP, `${name} naive p`);
    });
  }
  it('pLausen94 and pLausen92 at given b', () => {
    for (const q of ref.pLausen94) {
      const shares = q.m ? Float64Array.from([q.m].flat(), (m: number) => m / q.N) : continuousShares(q.N, q.minprop, q.maxprop);
      close(pLausen94(q.b, shares), q.p, `pLausen94(${q.b}, ${q.N})`);
    }
    for (const q of ref.pLausen92) close(pLausen92(q.b, q.minprop, q.maxprop), q.p, `pLausen92(${q.b})`);
  });
  afterAll(() => console.log(`maxstat vs R: ${worst.count} values compared, largest relative error ${worst.rel.toExponential(2)} (${worst.where})`));
});

describe('maxstat by hand', () => {
  it('log-rank scores: δ_i − Σ δ_j / (n − γ(j) + 1)', () => {
    // times 1, 2, 2+, 3 (n = 4): γ = 1, 3, 3, 4 → increments 1/4, 1/2 (one death, two tied), 1/1
    const a = logRankScores(new Float64Array([1, 2, 2, 3]), new Uint8Array([1, 1, 0, 1]));
    closeArray(a, [0.75, 0.25, -0.75, -0.75], 'scores', 1e-15);
  });
  it('Lausen et al. (1994), p. 489: P(M ≥ 2.5) = 0.073 for n = 20, shares 0.25..0.75', () => {
    expect(pLausen94(2.5, continuousShares(20, 0.25, 0.75)).toFixed(3)).toBe('0.073');
  });
  it('a marker that separates survival perfectly gives a large M and small corrected P, larger than the naive P', () => {
    const n = 60;
    const x = Array.from({ length: n }, (_, i) => i);
    const time = x.map((v) => (v < 30 ? 50 + ((v * 7) % 13) : 10 + ((v * 5) % 11)));
    const ev = x.map(() => 1);
    const r = maxstat(time, ev, x);
    expect(r.cutoff).toBe(29);
    expect(r.nLow).toBe(30);
    expect(r.p).toBeGreaterThan(r.pNaive);
    expect(r.p).toBeLessThan(1e-4);
  });
});
