/**
 * The words of a meta-analysis report: names of measures and models, the methods paragraph
 * (only what ran, with references), and the summary in plain language — the pooled estimate,
 * how much the studies disagree (I² read with Higgins et al. 2003's 25/50/75% landmarks), what the
 * prediction interval means for a new study, and the small-study checks.
 */
import type { MetaMeasure, MetaStudies } from '../../meta/readMetaStudies.js';
import type { MetaAnalysisResult } from '../../stats/meta/metaAnalysis.js';
import type { MetaFit, Tau2Method } from '../../stats/meta/types.js';
import { REML_TOLERANCE } from '../../stats/meta/types.js';
import { fixed, pPhrase } from '../format/numbers.js';

export function measureName(m: MetaMeasure): string {
  return { HR: 'Hazard ratio', OR: 'Odds ratio', RR: 'Risk ratio', ratio: 'Ratio' }[m];
}
const abbrev = (m: MetaMeasure): string => (m === 'ratio' ? 'ratio' : m);

export function methodName(m: Tau2Method): string {
  return { FE: 'fixed effect', DL: 'DerSimonian–Laird', REML: 'REML', PM: 'Paule–Mandel' }[m];
}

export function modelLabel(f: MetaFit): string {
  if (f.method === 'FE') return 'Fixed effect (inverse variance)';
  return `Random effects (${methodName(f.method)}${f.test === 'knha' ? ', Hartung–Knapp' : ''})`;
}

/** "Random effects (REML)" → "random effects (REML)". */
export const lowerFirst = (x: string): string => x.charAt(0).toLowerCase() + x.slice(1);

/** A ratio for text and tables: 2 decimals, "< 0.01" and "> 999" beyond (an interval that wide is said so, not printed to the cent). */
export function fmtRatio(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  if (x > 999) return '> 999';
  if (x < 10 ** -digits) return `< ${fixed(10 ** -digits, digits)}`;
  return fixed(x, digits);
}

const ci = (f: MetaFit): string => `${fmtRatio(Math.exp(f.b[0]))} (95% CI ${fmtRatio(Math.exp(f.ciLower[0]))} to ${fmtRatio(Math.exp(f.ciUpper[0]))})`;

/** "low", "moderate", "substantial", "considerable" from I² (Higgins, Thompson, Deeks & Altman 2003, BMJ 327:557). */
export function heterogeneityWord(i2: number): string {
  if (i2 < 25) return 'little';
  if (i2 < 50) return 'moderate';
  if (i2 < 75) return 'substantial';
  return 'considerable';
}

export function metaMethodsText(s: MetaStudies, r: MetaAnalysisResult, by: string | null, moderator: string | null): string[] {
  const m = r.model;
  const src = new Set(s.studies.map((x) => x.source));
  const inputs: string[] = [];
  if (src.has('se')) inputs.push('log ratios with their standard errors as given');
  if (src.has('ci')) inputs.push('ratios with 95% confidence intervals, the standard error of the log ratio taken as (log upper − log lower)/(2 × 1.96) (Parmar et al. 1998)');
  if (src.has('counts')) inputs.push(`event counts, as log ${abbrev(s.measure)}s with their large-sample variances (1/2 added to every cell of a table with a zero cell)`);
  const p: string[] = [];
  p.push(
    `${s.studies.length} studies were pooled on the log ${abbrev(s.measure)} scale from ${inputs.join('; ')}. ` +
      `Studies were weighted by the inverse of their variance. ` +
      (m.method === 'FE'
        ? 'A fixed-effect (common-effect) model was fitted.'
        : `A random-effects model was fitted with the between-study variance τ² estimated by ${
            m.method === 'REML' ? `restricted maximum likelihood (Fisher scoring to |Δτ²| < ${REML_TOLERANCE}; Viechtbauer 2005)` : m.method === 'DL' ? 'the DerSimonian–Laird method of moments (DerSimonian & Laird 1986)' : 'the Paule–Mandel method (Paule & Mandel 1982)'
          }; the inverse-variance fixed-effect estimate is shown beside it. ` +
          (m.test === 'knha' ? 'The confidence interval and test of the pooled estimate use the Hartung–Knapp–Sidik–Jonkman adjustment with a t distribution on k − 1 degrees of freedom (Hartung & Knapp 2001; Sidik & Jonkman 2002). ' : '') +
          `The 95% prediction interval for the effect in a new study is μ̂ ± ${m.test === 'knha' ? 't(k − 1)' : 'z'}·√(SE(μ̂)² + τ²) (Higgins, Thompson & Spiegelhalter 2009; as metafor's predict); Higgins et al.'s t(k − 2) version is given in the table.`),
  );
  p.push(
    `Heterogeneity was assessed with Cochran's Q, I² and H² (Higgins & Thompson 2002)${m.method === 'FE' ? '' : ', with 95% confidence intervals for τ², I² and H² by the Q-profile method (Viechtbauer 2007)'}. ` +
      (r.egger ? `Small-study effects were examined with a funnel plot, Egger's regression test (the ${abbrev(s.measure)} on its standard error in a ${m.method === 'FE' ? 'weighted' : 'mixed-effects'} meta-regression, as metafor's regtest; Egger et al. 1997) and Duval and Tweedie's trim-and-fill (L0 estimator; Duval & Tweedie 2000). ` : '') +
      (r.leaveOneOut.length ? 'Influence was examined by leaving out one study at a time. ' : '') +
      (by ? `Subgroups by ${by} were pooled separately (each with its own τ²) and compared by a test of subgroup differences (Q between subgroups on G − 1 df). ` : '') +
      (moderator ? `A meta-regression on ${moderator} estimated the change in the log ${abbrev(s.measure)} per unit of ${moderator}${m.method === 'FE' ? '' : ' with the residual τ² estimated by the same method'}. ` : '') +
      'Calculations were done with siilab (numerically checked against R metafor).',
  );
  return p;
}

export function metaSummaryText(s: MetaStudies, r: MetaAnalysisResult, moderator: string | null = null): string[] {
  const m = r.model;
  const a = abbrev(s.measure);
  const patients = s.studies.every((x) => x.n !== null) ? ` (${s.studies.reduce((t, x) => t + (x.n ?? 0), 0)} patients)` : '';
  const out: string[] = [];
  out.push(`Across ${s.studies.length} studies${patients}, the pooled ${a} was ${ci(m)}, ${pPhrase(m.pValue[0])} (${lowerFirst(modelLabel(m))}).` +
    (m.method !== 'FE' ? ` The fixed-effect estimate was ${ci(r.fixed)}.` : ''));
  const ciI2 = r.tau2Ci ? ` (95% CI ${fixed(r.tau2Ci.I2[0], 0)}–${fixed(r.tau2Ci.I2[1], 0)}%)` : '';
  out.push(
    (m.Qp < 0.1
      ? 'The studies disagreed more than chance alone would explain: '
      : `The test for heterogeneity did not show disagreement beyond chance (it has little power with few studies): `) +
      `I² = ${fixed(m.I2, 0)}%${ciI2}, ${heterogeneityWord(m.I2)} heterogeneity (Higgins et al. 2003: around 25% low, 50% moderate, 75% high); ` +
      `Q = ${fixed(m.Q, 2)} on ${m.Qdf} df, ${pPhrase(m.Qp)}${m.method === 'FE' ? '' : `; τ² = ${fixed(m.tau2, 3)}`}.` +
      (s.studies.length < 10 ? ` With ${s.studies.length} studies these heterogeneity statistics are imprecise.` : ''),
  );
  if (r.prediction) {
    const lo = Math.exp(r.prediction.lower), hi = Math.exp(r.prediction.upper);
    out.push(
      `A new study like these would be expected to find a true ${a} between ${fmtRatio(lo)} and ${fmtRatio(hi)} (95% prediction interval)` +
        (lo <= 1 && hi >= 1 ? ', a range that includes no effect (1): the pooled estimate does not guarantee an effect in every setting.' : '.'),
    );
  }
  if (r.egger) {
    const tf = r.trimAndFill;
    out.push(
      `Egger's test ${r.egger.p < 0.1 ? 'suggests' : 'does not suggest'} funnel-plot asymmetry (${pPhrase(r.egger.p)})` +
        (tf ? (tf.k0 > 0 ? `; trim-and-fill imputed ${tf.k0} ${tf.k0 === 1 ? 'study' : 'studies'} on the ${tf.side}, giving ${ci(tf.fit)}.` : '; trim-and-fill imputed no study.') : '.') +
        (s.studies.length < 10 ? ' With fewer than 10 studies these tests have little power (Sterne et al. 2011).' : ''),
    );
  }
  if (r.subgroups) out.push(`The subgroups ${r.subgroups.p < 0.05 ? 'differed' : 'did not differ significantly'} (test for subgroup differences ${pPhrase(r.subgroups.p)}).`);
  if (r.metaRegression) {
    const g = r.metaRegression;
    out.push(`In the meta-regression, each unit of ${moderator ?? 'the moderator'} multiplied the ${a} by ${fixed(Math.exp(g.fit.b[1]), 4)} (${pPhrase(g.QMp)})` +
      (g.R2 !== null ? `, accounting for ${fixed(g.R2, 0)}% of τ².` : '.'));
  }
  if (s.warnings.length) out.push(`${s.warnings.length} ${s.warnings.length === 1 ? 'study has' : 'studies have'} a confidence interval that is not symmetric on the log scale; see the notes.`);
  return out;
}
