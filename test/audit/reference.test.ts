/**
 * R parity of what the audit recomputes from the seeds' printed numbers (taken as exact here):
 * test/reference/audit/recompute.R → recompute_reference.json (R 4.2.2, survival 3.5.3, pROC 1.18.0).
 * Tolerance 1e-6 relative for statistics, SEs and P values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chiSquareVariants } from '../../src/audit/checks/chiSquare.js';
import { tRanges } from '../../src/audit/checks/tTest.js';
import { hanleyMcNeilRange } from '../../src/audit/checks/aucCiSe.js';
import { aucNullPRange } from '../../src/audit/checks/aucP.js';
import { altmanBlandP } from '../../src/audit/checks/pFromCi.js';
import { pChisqRange } from '../../src/audit/checks/pFromStatistic.js';
import { coxSeBound, logisticSeBound } from '../../src/audit/checks/seBound.js';
import { fisherExact } from '../../src/stats/compare/fisherExact.js';
import type { PrintedNumber } from '../../src/audit/printed.js';

const ref = JSON.parse(readFileSync('test/reference/audit/recompute_reference.json', 'utf8'));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const exact = (x: number): PrintedNumber => ({ text: String(x), value: x, decimals: Infinity, half: 0, lo: x, hi: x, relation: '=' });
let compared = 0;
let worst = 0;
const close = (a: number, b: number, what: string) => {
  compared++;
  worst = Math.max(worst, rel(a, b));
  expect(rel(a, b), `${what}: ${a} vs R ${b}`).toBeLessThan(1e-6);
};

describe('audit recomputations equal R', () => {
  it('Pearson and Yates χ², their P values and Fisher P (25 tables from the seeds)', () => {
    for (const [name, t] of Object.entries<any>(ref.tables)) {
      const v = chiSquareVariants(t.counts);
      close(v[0].statistic, t.pearson, `${name} Pearson`);
      close(v[0].p, t.pearsonP, `${name} Pearson P`);
      expect(v[0].df).toBe(t.df);
      if (t.yates !== undefined) {
        close(v[1].statistic, t.yates, `${name} Yates`);
        close(v[1].p, t.yatesP, `${name} Yates P`);
      }
      close(fisherExact(t.counts)!.p, t.fisherP, `${name} Fisher P`);
    }
  });
  it('Student and Welch t, df and P from mean ± SD and n', () => {
    for (const [name, t] of Object.entries<any>(ref.ttests)) {
      const [m1, s1, n1, m2, s2, n2] = t.input;
      const r = tRanges(exact(m1), exact(s1), n1, exact(m2), exact(s2), n2);
      close(r.student.lo, Math.abs(t.student), `${name} Student t`);
      close(r.student.hi, Math.abs(t.student), `${name} Student t`);
      close(r.studentP.lo, t.studentP, `${name} Student P`);
      close(r.welch.lo, Math.abs(t.welch), `${name} Welch t`);
      close(r.welchDf, t.welchDf, `${name} Welch df`);
      close(r.welchP.lo, t.welchP, `${name} Welch P`);
    }
  });
  it('Hanley–McNeil SE and the null P of an AUC', () => {
    for (const r of ref.roc) {
      close(hanleyMcNeilRange({ lo: r.auc, hi: r.auc }, r.cases, r.controls).lo, r.hanleyMcNeilSe, `HM SE ${r.auc}`);
      close(aucNullPRange({ lo: r.auc, hi: r.auc }, r.cases, r.controls).lo, r.nullP, `null P ${r.auc}`);
    }
  });
  it('Altman–Bland P from a ratio and its CI; P from χ² and df', () => {
    for (const a of ref.altmanBland) {
      const p = altmanBlandP(exact(a.lo), exact(a.hi), exact(a.ratio));
      close(p.lo, a.p, `Altman–Bland ${a.ratio}`);
      close(p.hi, a.p, `Altman–Bland ${a.ratio}`);
    }
    for (const c of ref.pChisq) close(pChisqRange({ lo: c.statistic, hi: c.statistic }, c.df).lo, c.p, `P(χ² ≥ ${c.statistic})`);
  });
  it('the SE bounds hold for real fits in R (lung: Cox on sex; aSAH: logistic on gender), also adjusted', () => {
    const b = ref.seBound;
    for (const k of ['cox', 'coxAdjusted']) {
      expect(coxSeBound(b[k].events)).toBeLessThanOrEqual(b[k].se);
      expect(coxSeBound(b[k].events)).toBeGreaterThan(0.9 * b.cox.se);
    }
    for (const k of ['logistic', 'logisticAdjusted']) expect(logisticSeBound(b[k].n1, b[k].n0)).toBeLessThanOrEqual(b[k].se);
    expect(logisticSeBound(b.logistic.n1, b.logistic.n0)).toBeGreaterThan(0.95 * b.logistic.se);
    expect(compared).toBeGreaterThanOrEqual(196);
    expect(worst).toBeLessThan(1e-6);
  });
});
