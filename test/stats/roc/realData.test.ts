/**
 * ROC on a real, messy cohort (chowell2021, ../shared/data/real; never committed): the CLI reads it,
 * and the O(n log n) engine is checked against the O(m·n) DeLong definitions computed here, and
 * against pROC 1.18.0 values obtained with:
 *   d <- read.csv("chowell2021_ici_pancancer.csv"); d <- d[complete.cases(d[, c("Response","NLR","Platelets","Albumin")]), ]
 *   a <- roc(d$Response, d$NLR); b <- roc(d$Response, d$Albumin); ci.auc(a); roc.test(a, b, paired = TRUE, method = "delong")
 * Skips when ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REAL, hasReal } from '../../helpers/shared.js';
import { runCli } from '../../helpers/runCli.js';
import { rocAnalysis } from '../../../src/stats/roc/rocAnalysis.js';
import { compareAucs } from '../../../src/stats/roc/compareAucs.js';
import { relErr } from './referenceData.js';

function bruteDelong(x: Float64Array, y: Float64Array, sign: number) {
  const cases = Array.from(x).filter((_, i) => y[i] === 1).map((v) => sign * v);
  const controls = Array.from(x).filter((_, i) => y[i] === 0).map((v) => sign * v);
  const psi = (a: number, b: number) => (a > b ? 1 : a === b ? 0.5 : 0);
  const v10 = cases.map((a) => controls.reduce((s, b) => s + psi(a, b), 0) / controls.length);
  const v01 = controls.map((b) => cases.reduce((s, a) => s + psi(a, b), 0) / cases.length);
  const auc = v10.reduce((s, v) => s + v, 0) / cases.length;
  return { v10, v01, auc };
}
const cov = (p: ReturnType<typeof bruteDelong>, q: ReturnType<typeof bruteDelong>) => {
  const m = p.v10.length, n = p.v01.length;
  const s10 = p.v10.reduce((s, v, i) => s + (v - p.auc) * (q.v10[i] - q.auc), 0) / (m - 1);
  const s01 = p.v01.reduce((s, v, j) => s + (v - p.auc) * (q.v01[j] - q.auc), 0) / (n - 1);
  return s10 / m + s01 / n;
};

describe.skipIf(!hasReal)('ROC on the chowell2021 immunotherapy cohort (real data)', () => {
  const file = join(REAL, 'chowell2021_ici_pancancer.csv');

  it('matches the O(m n) DeLong definitions and pROC', async () => {
    const r = await runCli(['roc', file, '--outcome', 'Response', '--markers', 'NLR,Platelets,Albumin', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.nCases + j.nControls).toBe(1479);
    const nlr = j.markers[0], alb = j.markers[2];
    expect(nlr.direction).toBe('lower');
    // pROC: 95% CI 0.5422-0.604; roc.test z = -2.18761383301866, p = 0.0286977433576306
    expect(relErr(j.comparisons[1].z, -2.18761383301866)).toBeLessThan(1e-9);
    expect(relErr(j.comparisons[1].p, 0.0286977433576306)).toBeLessThan(1e-9);
    expect(relErr(j.comparisons[1].lower, -0.07803524357708835)).toBeLessThan(1e-9);
    expect(nlr.cutoff).toBe(6.01);
    expect(alb.auc).toBeCloseTo(0.61425062267212, 12);
  });

  it('engine equals brute force on the complete cases', async () => {
    const { readTable } = await import('../../../src/io/readTable.js');
    const { numericColumn, binaryColumn } = await import('../../../src/io/columns.js');
    const t = await readTable(file);
    const y0 = binaryColumn(t, 'Response', 'r', null, 'outcome');
    const cols = ['NLR', 'Platelets', 'Albumin'].map((c) => numericColumn(t, c, 'm'));
    const keep = Array.from(y0.keys()).filter((i) => !Number.isNaN(y0[i]) && cols.every((c) => !Number.isNaN(c[i])));
    const y = Float64Array.from(keep, (i) => y0[i]);
    const [nlr, , alb] = cols.map((c) => Float64Array.from(keep, (i) => c[i]));
    const a = rocAnalysis(nlr, y, { marker: 'NLR' }), b = rocAnalysis(alb, y, { marker: 'Albumin' });
    const ba = bruteDelong(nlr, y, -1), bb = bruteDelong(alb, y, 1);
    expect(relErr(a.auc, ba.auc)).toBeLessThan(1e-13);
    expect(relErr(a.variance!, cov(ba, ba))).toBeLessThan(1e-10);
    expect(relErr(b.variance!, cov(bb, bb))).toBeLessThan(1e-10);
    const c = compareAucs(a, b);
    const vd = cov(ba, ba) + cov(bb, bb) - 2 * cov(ba, bb);
    expect(relErr(c.se!, Math.sqrt(vd))).toBeLessThan(1e-10);
  });
});
