/**
 * Subgroup analysis (Borenstein, Hedges, Higgins & Rothstein 2009, Introduction to Meta-Analysis,
 * ch. 19, "separate estimates of τ²"): a separate model per subgroup (same τ² method and test),
 * and the test for subgroup differences Q_between = Σ_g (μ̂_g − μ̄)²/SE_g², μ̄ their
 * inverse-variance mean, on G − 1 df — metafor's rma(estimates, sei = ses, method = "FE") QE over
 * the subgroup estimates (metafor documentation, "Subgroup analyses: separate meta-analyses").
 *
 * Contract: labels parallel to yi/vi; subgroups in sorted order of their label; a subgroup of
 * one study has τ² = 0 and its own estimate and SE. The between test needs ≥ 2 subgroups.
 *
 * @example
 * // metafor dat.bcg (log RR) by allocation, FE: Q_between 30.7… on 2 df
 * subgroupAnalysis(bcg.yi, bcg.vi, bcg.alloc, { method: 'FE', test: 'z' }).Qbetween // …
 */
import { pChisqUpper } from '../dist/index.js';
import { fitMetaModel } from './fitMetaModel.js';
import type { MetaFit, MetaOptions } from './types.js';
import { gather } from '../gather.js';

export interface SubgroupResult {
  readonly level: string;
  /** Indices (into the input) of the studies in this subgroup. */
  readonly studies: readonly number[];
  readonly fit: MetaFit;
}

export interface SubgroupAnalysis {
  readonly groups: readonly SubgroupResult[];
  readonly Qbetween: number;
  readonly df: number;
  readonly p: number;
}

export function subgroupAnalysis(yi: Float64Array, vi: Float64Array, labels: readonly string[], options: MetaOptions): SubgroupAnalysis | null {
  const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (levels.length < 2) return null;
  const groups: SubgroupResult[] = [];
  for (const level of levels) {
    const idx = labels.flatMap((l, i) => (l === level ? [i] : []));
    const fit = fitMetaModel(gather(yi, idx), gather(vi, idx), null, options);
    if (!fit) return null;
    groups.push({ level, studies: idx, fit });
  }
  let sw = 0, swy = 0;
  for (const g of groups) {
    const w = 1 / (g.fit.se[0] * g.fit.se[0]);
    sw += w;
    swy += w * g.fit.b[0];
  }
  const mean = swy / sw;
  let Q = 0;
  for (const g of groups) Q += (g.fit.b[0] - mean) ** 2 / (g.fit.se[0] * g.fit.se[0]);
  const df = groups.length - 1;
  return Object.freeze({ groups, Qbetween: Q, df, p: pChisqUpper(Q, df) });
}
