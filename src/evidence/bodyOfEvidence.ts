/**
 * The body of evidence on SII beside each seed study's finding: the seed studies' own SII hazard
 * ratios (read from the registry, where each number carries its place in the paper) pooled by a
 * random-effects meta-analysis (REML, as metafor's rma), with their heterogeneity said in plain
 * words, and the pooled hazard ratios of published meta-analyses (src/evidence/published/, each
 * quoted from its abstract). Pooling two or three cohorts that differ in endpoint and treatment
 * answers no clinical question by itself; it is shown to make agreement or disagreement visible.
 *
 * @example
 * const b = bodyOfEvidence();
 * b.seedPool?.studies.map((s) => s.study) // ['deng2025', 'hong2021']
 * b.published[0].results[0].hr // 1.8
 */
import { registry } from './registry.js';
import type { StudyRecord } from './types.js';
import { seFromRatioCi } from '../stats/meta/seFromRatioCi.js';
import { fitMetaModel } from '../stats/meta/fitMetaModel.js';
import { predictionInterval } from '../stats/meta/predictionInterval.js';
import { qProfileCi } from '../stats/meta/qProfileCi.js';
import { calcMessages as M } from '../messages/calc.js';
import published from './published/siiMetaAnalyses.json' with { type: 'json' };

export interface SeedRatio {
  readonly study: string;
  readonly endpoint: string;
  readonly about: string;
  readonly hr: number;
  readonly lower: number;
  readonly upper: number;
  /** Where the number is printed ("Table 2, row SII ≥ 340"). */
  readonly where: string;
  /** Weight (%) in the pooled model. */
  readonly weight: number;
}

export interface SeedPool {
  readonly studies: readonly SeedRatio[];
  readonly hr: number;
  readonly lower: number;
  readonly upper: number;
  readonly p: number;
  readonly tau2: number;
  readonly I2: number;
  readonly Q: number;
  readonly Qp: number;
  readonly I2Ci: readonly [number, number] | null;
  readonly predictionLower: number | null;
  readonly predictionUpper: number | null;
  readonly method: string;
  /** Heterogeneity in plain words. */
  readonly plain: string;
}

export interface PublishedMetaAnalysis {
  readonly id: string;
  readonly citation: string;
  readonly doi: string;
  readonly url: string;
  readonly location: string;
  readonly studies: number;
  readonly patients: number | null;
  readonly population: string;
  readonly results: readonly { readonly endpoint: string; readonly hr: number; readonly lower: number | null; readonly upper: number | null; readonly i2: number | null }[];
  readonly quote: string;
}

export interface BodyOfEvidence {
  readonly seedPool: SeedPool | null;
  /** Seed SII ratios that are not hazard ratios (not pooled with them), e.g. yu2023's odds ratio. */
  readonly notPooled: readonly { readonly study: string; readonly quantity: string; readonly value: number; readonly lower: number; readonly upper: number; readonly where: string }[];
  readonly published: readonly PublishedMetaAnalysis[];
}

const where = (l: { section: string; row?: string }): string => `${l.section}${l.row ? `, row '${l.row.replace(/^\|\s*/, '')}'` : ''}`;

/** The study's main SII effect: the multivariable ratio of its primary SII cut-off (Table rows, not the abstract). */
function primarySiiRatio(s: StudyRecord) {
  const ratios = s.reported.filter((r) => ['HR', 'OR', 'odds ratio'].includes(r.quantity) && /SII|immune inflammation/i.test(r.about) && r.value !== undefined && r.lower !== undefined && r.upper !== undefined && r.location.section !== 'Abstract');
  return ratios.find((r) => /multivariable/i.test(r.about)) ?? ratios[0] ?? null;
}

export function bodyOfEvidence(studies: readonly StudyRecord[] = registry()): BodyOfEvidence {
  const hrs: Omit<SeedRatio, 'weight'>[] = [];
  const notPooled: BodyOfEvidence['notPooled'][number][] = [];
  for (const s of studies) {
    const r = primarySiiRatio(s);
    if (!r) continue;
    const item = { study: s.id, endpoint: s.endpoint.name, about: r.about, value: r.value as number, lower: r.lower as number, upper: r.upper as number, where: where(r.location) };
    if (r.quantity === 'HR') hrs.push({ study: item.study, endpoint: item.endpoint, about: item.about, hr: item.value, lower: item.lower, upper: item.upper, where: item.where });
    else notPooled.push({ study: item.study, quantity: r.quantity, value: item.value, lower: item.lower, upper: item.upper, where: item.where });
  }
  let seedPool: SeedPool | null = null;
  if (hrs.length >= 2) {
    const eff = hrs.map((h) => seFromRatioCi(h.hr, h.lower, h.upper));
    if (eff.every((e) => e !== null)) {
      const yi = Float64Array.from(eff, (e) => e!.yi);
      const vi = Float64Array.from(eff, (e) => e!.se * e!.se);
      const fit = fitMetaModel(yi, vi, null, { method: 'REML', test: 'z' });
      if (fit) {
        const pi = predictionInterval(fit);
        const ci = qProfileCi(yi, vi, null);
        const endpoints = [...new Set(hrs.map((h) => h.endpoint))];
        seedPool = Object.freeze({
          studies: hrs.map((h, i) => ({ ...h, weight: fit.weightPercent[i] })),
          hr: Math.exp(fit.b[0]),
          lower: Math.exp(fit.ciLower[0]),
          upper: Math.exp(fit.ciUpper[0]),
          p: fit.pValue[0],
          tau2: fit.tau2,
          I2: fit.I2,
          Q: fit.Q,
          Qp: fit.Qp,
          I2Ci: ci ? [ci.I2[0], ci.I2[1]] as const : null,
          predictionLower: pi ? Math.exp(pi.lower) : null,
          predictionUpper: pi ? Math.exp(pi.upper) : null,
          method: 'random effects (REML), SE of each log HR from its 95% CI',
          plain: M.seedHeterogeneity(hrs.length, fit.I2, fit.Qp, endpoints),
        });
      }
    }
  }
  return Object.freeze({ seedPool, notPooled, published: published.entries as readonly PublishedMetaAnalysis[] });
}
