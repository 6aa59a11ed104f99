/**
 * Meta-analysis results → figure data: the forest plot (studies with their weights in the model
 * asked for, pooled diamonds, prediction interval, heterogeneity line; grouped by subgroup when
 * asked) and the funnel plot (with trim-and-fill's imputed studies).
 */
import type { MetaStudies } from '../../meta/readMetaStudies.js';
import type { MetaAnalysisResult } from '../../stats/meta/metaAnalysis.js';
import type { MetaFit } from '../../stats/meta/types.js';
import type { MetaForestFigureData, MetaForestGroup } from '../figures/metaForestData.js';
import type { FunnelFigureData, FunnelPoint } from '../figures/funnelData.js';
import { fixed, formatP } from '../format/numbers.js';
import { measureName, methodName, modelLabel } from './metaText.js';

const ex = Math.exp;

export function heterogeneityLine(f: MetaFit): string {
  const tau = f.method === 'FE' ? '' : `τ² = ${fixed(f.tau2, 3)}; `;
  return `Heterogeneity: ${tau}Q = ${fixed(f.Q, 2)} on ${f.Qdf} df (P ${formatP(f.Qp).startsWith('<') ? formatP(f.Qp) : `= ${formatP(f.Qp)}`}); I² = ${fixed(f.I2, 1)}%`;
}

export function metaForestData(s: MetaStudies, r: MetaAnalysisResult, title: string): MetaForestFigureData {
  const m = r.model;
  const abbrev = s.measure === 'ratio' ? 'Ratio' : s.measure;
  const study = (i: number, weight: number) => ({
    label: s.studies[i].label,
    estimate: s.studies[i].ratio,
    lower: s.studies[i].lower,
    upper: s.studies[i].upper,
    weight,
    n: s.studies[i].n,
    flagged: s.studies[i].asymmetricCi,
  });
  let groups: MetaForestGroup[];
  const notes: string[] = [heterogeneityLine(m)];
  if (r.subgroups) {
    groups = r.subgroups.groups.map((g) => {
      return {
        heading: g.level,
        studies: g.studies.map((i) => study(i, m.weightPercent[i])),
        pooled: { label: `Subtotal (${g.fit.k} ${g.fit.k === 1 ? 'study' : 'studies'})`, estimate: ex(g.fit.b[0]), lower: ex(g.fit.ciLower[0]), upper: ex(g.fit.ciUpper[0]) },
        note: g.fit.k > 1 ? heterogeneityLine(g.fit) : null,
      };
    });
    notes.push(`Test for subgroup differences: Q = ${fixed(r.subgroups.Qbetween, 2)} on ${r.subgroups.df} df (${formatP(r.subgroups.p).startsWith('<') ? `P ${formatP(r.subgroups.p)}` : `P = ${formatP(r.subgroups.p)}`}).`);
  } else groups = [{ heading: null, studies: s.studies.map((_, i) => study(i, m.weightPercent[i])) }];
  const pooled = [];
  if (m.method !== 'FE') pooled.push({ label: 'Fixed effect (inverse variance)', estimate: ex(r.fixed.b[0]), lower: ex(r.fixed.ciLower[0]), upper: ex(r.fixed.ciUpper[0]) });
  pooled.push({ label: modelLabel(m), estimate: ex(m.b[0]), lower: ex(m.ciLower[0]), upper: ex(m.ciUpper[0]), main: true });
  if (s.studies.some((x) => x.asymmetricCi)) notes.push('* Confidence interval not symmetric on the log scale (not a Wald interval); its SE is taken from the interval width.');
  notes.push(`Weights: ${m.method === 'FE' ? 'fixed-effect' : `random-effects (${methodName(m.method)})`} model; squares' areas are proportional to the weights.`);
  return {
    title,
    measureName: measureName(s.measure),
    estimateHeader: `${abbrev} (95% CI)`,
    groups,
    pooled,
    prediction: r.prediction ? { label: '95% prediction interval', lower: ex(r.prediction.lower), upper: ex(r.prediction.upper) } : null,
    notes,
  };
}

export function funnelData(s: MetaStudies, r: MetaAnalysisResult, title: string): FunnelFigureData {
  const points: FunnelPoint[] = s.studies.map((x) => ({ label: x.label, estimate: ex(x.yi), se: x.se }));
  const tf = r.trimAndFill;
  if (tf) tf.filledYi.forEach((y, i) => points.push({ label: `imputed ${i + 1}`, estimate: ex(y), se: Math.sqrt(tf.filledVi[i]), imputed: true }));
  const notes: string[] = [];
  if (r.egger) notes.push(`Egger's test: ${r.egger.df === null ? 'z' : 't'} = ${fixed(r.egger.statistic, 2)}, ${formatP(r.egger.p).startsWith('<') ? `P ${formatP(r.egger.p)}` : `P = ${formatP(r.egger.p)}`}.`);
  if (tf) notes.push(tf.k0 === 0 ? 'Trim-and-fill: no study imputed.' : `Trim-and-fill: ${tf.k0} ${tf.k0 === 1 ? 'study' : 'studies'} imputed on the ${tf.side} (hollow).`);
  return { title, measureName: measureName(s.measure), points, centre: ex(r.model.b[0]), centreLabel: 'pooled', notes };
}
