import { afterAll, describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/survival/kaplanMeier.js';
import { numberAtRisk } from '../../../src/stats/survival/numberAtRisk.js';
import { SiilabError } from '../../../src/errors.js';
import { close, closeArray, columnsOf, loadReference, worst } from './reference.js';

const ref = loadReference('km_reference.json');

describe('Kaplan–Meier against R survfit (km_reference.json)', () => {
  it('records the R and survival versions', () => {
    expect(ref.R).toMatch(/^R version 4\./);
    expect(ref.survival).toBe('3.5.3');
    expect(new Set(ref.cases.map((c: any) => c.data)).size).toBeGreaterThanOrEqual(5);
  });
  for (const c of ref.cases) {
    const name = `${c.data}${c.group ? ' by ' + c.group : ''}, ${c.confType} ${c.confLevel}`;
    it(name, () => {
      const col = columnsOf(c);
      const r = kaplanMeier(col.time, col.event, {
        group: col.group,
        confType: c.confType,
        confLevel: c.confLevel,
        times: c.times,
        rmstTau: c.rmstTau,
      });
      expect(r.groups.map((g) => g.group)).toEqual(c.groups.map((g: any) => g.group));
      for (let k = 0; k < c.groups.length; k++) {
        const g = r.groups[k];
        const R = c.groups[k];
        const w = `${name} [${g.group}]`;
        expect(g.n).toBe(R.n);
        expect(g.events).toBe(R.events);
        closeArray(g.table.time, R.table.time, `${w} time`);
        closeArray(g.table.nRisk, R.table.nRisk, `${w} nRisk`);
        closeArray(g.table.nEvent, R.table.nEvent, `${w} nEvent`);
        closeArray(g.table.nCensor, R.table.nCensor, `${w} nCensor`);
        closeArray(g.table.surv, R.table.surv, `${w} surv`);
        closeArray(g.table.stdErr, R.table.stdErr, `${w} stdErr`);
        closeArray(g.table.lower, R.table.lower, `${w} lower`);
        closeArray(g.table.upper, R.table.upper, `${w} upper`);
        close(g.median, R.median, `${w} median`);
        close(g.medianLower, R.medianLower, `${w} medianLower`);
        close(g.medianUpper, R.medianUpper, `${w} medianUpper`);
        close(g.rmst.estimate, R.rmst, `${w} rmst`);
        close(g.rmst.se, R.rmstSe, `${w} rmstSe`);
        expect(g.rmst.tau).toBe(R.rmstTau);
        const at = [R.at.time].flat();
        expect(g.at.map((a) => a.time)).toEqual(at);
        closeArray(g.at.map((a) => a.surv), R.at.surv, `${w} at.surv`);
        closeArray(g.at.map((a) => a.stdErr ?? NaN), R.at.stdErr, `${w} at.stdErr`);
        closeArray(g.at.map((a) => a.lower ?? NaN), R.at.lower, `${w} at.lower`);
        closeArray(g.at.map((a) => a.upper ?? NaN), R.at.upper, `${w} at.upper`);
      }
    });
  }
  afterAll(() => {
    console.log(`Kaplan–Meier vs R: ${worst.count} values compared, largest relative error ${worst.rel.toExponential(2)} (${worst.where})`);
  });
});

describe('Kaplan–Meier by hand', () => {
  // 5 patients: 1, 2, 2+, 3, 5+. S = 4/5, 4/5·3/4 = 0.6, 0.6·1/2 = 0.3.
  const r = kaplanMeier([1, 2, 2, 3, 5], [1, 1, 0, 1, 0], { times: [0, 2.5, 6] });
  const g = r.groups[0];
  it('table', () => {
    expect(Array.from(g.table.time)).toEqual([1, 2, 3, 5]);
    expect(Array.from(g.table.nRisk)).toEqual([5, 4, 2, 1]);
    expect(Array.from(g.table.nEvent)).toEqual([1, 1, 1, 0]);
    expect(Array.from(g.table.nCensor)).toEqual([0, 1, 0, 1]);
    closeArray(g.table.surv, [0.8, 0.6, 0.3, 0.3], 'surv', 1e-15);
    // Greenwood: var(S) = S² Σ d/(n(n−d)); at 2: 0.36 (1/20 + 1/12) = 0.048 → se 0.219089
    close(g.table.stdErr[1], Math.sqrt(0.36 * (1 / 20 + 1 / 12)), 'se', 1e-14);
    // at 3: 0.09 (1/20 + 1/12 + 1/2) → se 0.238747
    close(g.table.stdErr[2], Math.sqrt(0.09 * (1 / 20 + 1 / 12 + 1 / 2)), 'se', 1e-14);
  });
  it('median, RMST and survival at times', () => {
    expect(g.median).toBe(3);
    // ∫₀⁵ S = 1 + 0.8 + 0.6 + 0.3·2 = 3
    close(g.rmst.estimate, 3, 'rmst', 1e-14);
    expect(g.rmst.tau).toBe(5);
    closeArray(g.at.map((a) => a.surv), [1, 0.6, 0.3], 'at', 1e-15);
    expect(g.at.map((a) => a.nRisk)).toEqual([5, 2, 0]);
    expect(g.at[2].beyondFollowUp).toBe(true);
  });
  it('SPSS-style symmetric median CI (Collett): se = se(S(3)) / ((S(u) − S(l)) / (l − u))', () => {
    // u = 2 (last event time with S ≥ 0.55, S = 0.6), l = 3 (first with S ≤ 0.45, S = 0.3): f = 0.3
    const s = g.medianCISymmetric!;
    const se = Math.sqrt(0.09 * (1 / 20 + 1 / 12 + 1 / 2)) / 0.3;
    expect(s.median).toBe(3);
    close(s.se, se, 'se', 1e-14);
    close(s.lower, 3 - 1.959963984540054 * se, 'lower', 1e-12);
    close(s.upper, 3 + 1.959963984540054 * se, 'upper', 1e-12);
    expect(s.method).toMatch(/SPSS/);
  });
  it('median midpoint rule when S is exactly 0.5 on an interval', () => {
    // 1, 2, 3+, 6+: S = 0.75, 0.5 and flat to the end → (2 + 6) / 2 = 4, as R's quantile.survfit
    expect(kaplanMeier([1, 2, 3, 6], [1, 1, 0, 0]).groups[0].median).toBe(4);
    // 1, 2, 6+, 6: S drops again at 6 → (2 + 6) / 2
    expect(kaplanMeier([1, 2, 6, 6], [1, 1, 0, 1]).groups[0].median).toBe(4);
    // never reaches 0.5 → null ("not reached")
    expect(kaplanMeier([1, 2, 3, 4, 5], [1, 0, 0, 0, 0]).groups[0].median).toBeNull();
  });
  it('a curve ending at 0: undefined limits are NaN, never reported as numbers', () => {
    const z = kaplanMeier([1, 2, 3], [1, 1, 1]).groups[0];
    expect(z.table.surv[2]).toBe(0);
    expect(Number.isNaN(z.table.stdErr[2])).toBe(true);
    expect(Number.isNaN(z.table.lower[2])).toBe(true);
    close(z.rmst.se, Math.sqrt(1 / 6 + 1 / 18), 'rmst se', 1e-14);
  });
  it('figure points and numbers at risk', () => {
    expect(Array.from(g.steps.time)).toEqual([0, 1, 2, 3]);
    closeArray(g.steps.surv, [1, 0.8, 0.6, 0.3], 'steps', 1e-15);
    expect(Array.from(g.censored.time)).toEqual([2, 5]);
    expect(numberAtRisk(r, [0, 2, 2.5, 5, 9])).toEqual([{ group: 'all', times: [0, 2, 2.5, 5, 9], nRisk: [5, 4, 2, 1, 0] }]);
  });
  it('drops and counts rows with a missing value; sorts numeric labels numerically', () => {
    const k = kaplanMeier([1, NaN, 3, 4, 5, 6], [1, 1, NaN, 1, 0, 1], { group: ['10', '2', '2', '2', null, '10'] });
    expect(k.nDropped).toBe(3);
    expect(k.n).toBe(3);
    expect(k.groups.map((x) => x.group)).toEqual(['2', '10']);
  });
  it('refuses what cannot be analysed', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(SiilabError);
        return (e as SiilabError).exitCode;
      }
      return 0;
    };
    expect(code(() => kaplanMeier([1, 2], [0, 0]))).toBe(4);
    expect(code(() => kaplanMeier([1, 2, 3], [1, 1, 1], { group: ['a', 'a', 'b'].map((s, i) => (i === 2 ? s : s)) }))).toBe(0);
    expect(code(() => kaplanMeier([1, 2, NaN], [1, 1, 1], { group: ['a', 'a', 'b'] }))).toBe(4);
    expect(code(() => kaplanMeier([1, -2], [1, 1]))).toBe(3);
    expect(code(() => kaplanMeier([1, 2], [1, 2]))).toBe(3);
    expect(code(() => kaplanMeier([1, 2], [1, 1], { confLevel: 95 }))).toBe(2);
  });
});
