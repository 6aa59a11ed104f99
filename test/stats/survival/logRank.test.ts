import { afterAll, describe, expect, it } from 'vitest';
import { logRank } from '../../../src/stats/survival/logRank.js';
import { logRankTrend } from '../../../src/stats/survival/logRankTrend.js';
import { ginvQuadraticForm } from '../../../src/stats/survival/ginvQuadraticForm.js';
import { SiilabError } from '../../../src/errors.js';
import { close, closeArray, columnsOf, loadReference, worst } from './reference.js';

const ref = loadReference('logrank_reference.json');

describe('log-rank against R survdiff (logrank_reference.json)', () => {
  it('records the R and survival versions', () => {
    expect(ref.R).toMatch(/^R version 4\./);
    expect(ref.survival).toBe('3.5.3');
  });
  for (const c of ref.cases) {
    const name = `${c.data}: ${c.group}${c.strata ? ' + strata(' + c.strata + ')' : ''}`;
    it(name, () => {
      const col = columnsOf(c);
      const r = logRank(col.time, col.event, col.group!, { strata: col.strata });
      expect(r.groups).toEqual(c.groups);
      expect(r.nDropped).toBe(c.nDropped);
      closeArray(r.n, c.n, `${name} n`);
      closeArray(r.observed, c.observed, `${name} observed`);
      closeArray(r.expected, c.expected, `${name} expected`);
      const k = r.groups.length;
      const Rv = (c.variance as number[][]).flat();
      closeArray(r.variance.flat(), Rv, `${name} variance`, 1e-6);
      close(r.chisq, c.chisq, `${name} chisq`);
      expect(r.df).toBe(c.df);
      close(r.p, c.p, `${name} p`);
      expect(r.strata === null).toBe(c.strata === null);
      expect(k).toBe(c.groups.length);
      if (c.trend) {
        const t = logRankTrend(r, c.trend.scores);
        close(t.u, c.trend.u, `${name} trend U`);
        close(t.variance, c.trend.v, `${name} trend var`);
        close(t.chisq, c.trend.chisq, `${name} trend chisq`);
        close(t.p, c.trend.p, `${name} trend p`);
      }
    });
  }
  afterAll(() => console.log(`log-rank vs R: ${worst.count} values compared, largest relative error ${worst.rel.toExponential(2)} (${worst.where})`));
});

describe('log-rank by hand', () => {
  // a: 1, 2, 2+, 3, 5+   b: 2, 4, 4, 6+, 7
  const time = [1, 2, 2, 3, 5, 2, 4, 4, 6, 7];
  const event = [1, 1, 0, 1, 0, 1, 1, 1, 0, 1];
  const group = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];
  it('O, E, V computed by hand at each event time', () => {
    // t=1: N=10, D=1, na=5 → Ea=0.5, Va=1·9/9·(5/10)(5/10)=0.25
    // t=2: N=9, D=2 (a1,b1), na=4 → Ea=8/9, Va=2·7/8·(4/9)(5/9)=0.432099
    // t=3: N=6 (a:2 left: 3, 5+; b: 4, 4, 6+, 7), D=1, na=2 → Ea=1/3, Va=1·5/5·(2/6)(4/6)=0.222222
    // t=4: N=5 (a: 5+; b: 4,4,6+,7), D=2, na=1 → Ea=0.4, Va=2·3/4·(1/5)(4/5)=0.24
    // t=7: N=1, D=1, na=0 → 0
    const Ea = 0.5 + 8 / 9 + 1 / 3 + 0.4;
    const Va = 0.25 + (2 * 7 / 8) * (4 / 9) * (5 / 9) + (2 / 6) * (4 / 6) + (2 * 3 / 4) * (1 / 5) * (4 / 5);
    const r = logRank(time, event, group);
    closeArray(r.observed, [3, 4], 'O', 1e-15);
    close(r.expected[0], Ea, 'Ea', 1e-14);
    close(r.expected[1], 7 - Ea, 'Eb', 1e-14);
    close(r.variance[0][0], Va, 'Va', 1e-14);
    close(r.chisq, (3 - Ea) ** 2 / Va, 'chisq', 1e-13);
    expect(r.df).toBe(1);
  });
  it('trend with two groups equals the log-rank statistic', () => {
    const r = logRank(time, event, group);
    close(logRankTrend(r).chisq, r.chisq, 'trend', 1e-12);
  });
  it('trend by hand: (Σw(O−E))² / w′Vw', () => {
    const r = logRank([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], ['1', '2', '3', '1', '2', '3']);
    const w = [1, 2, 3];
    let u = 0;
    let v = 0;
    for (let g = 0; g < 3; g++) {
      u += w[g] * (r.observed[g] - r.expected[g]);
      for (let h = 0; h < 3; h++) v += w[g] * r.variance[g][h] * w[h];
    }
    const t = logRankTrend(r);
    expect(t.scores).toEqual(w);
    close(t.chisq, (u * u) / v, 'trend', 1e-14);
  });
  it('generalised inverse of a rank-deficient matrix', () => {
    expect(ginvQuadraticForm([[1, -1], [-1, 1]], [2, -2])).toEqual({ q: 4, rank: 1 });
  });
  it('refuses one group and no events (exit 4)', () => {
    expect(() => logRank([1, 2], [1, 1], ['a', 'a'])).toThrow(SiilabError);
    expect(() => logRank([1, 2], [0, 0], ['a', 'b'])).toThrow(/no events/);
  });
});
