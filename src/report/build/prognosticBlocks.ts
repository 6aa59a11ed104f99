/**
 * Report blocks of the prognostic-model analyses: the restricted cubic spline table (knots, Wald
 * association and nonlinearity tests) with its hazard/odds-ratio curve, and the nomogram figure with
 * its points table (points per predictor value; predicted survival per total points).
 */
import type { Plain } from '../../analysis/plain.js';
import type { SplineAnalysisResult } from '../../analysis/splineAnalysis.js';
import type { NomogramAnalysisResult } from '../../analysis/nomogramAnalysis.js';
import type { Nomogram } from '../../stats/nomogram/nomogram.js';
import type { ReportBlock } from '../document/reportDocument.js';
import { fixed, formatP } from '../format/numbers.js';
import { splineCurveSvg } from '../figures/splineCurveSvg.js';
import { nomogramFigureData } from '../figures/nomogramData.js';
import { nomogramSvg } from '../figures/nomogramSvg.js';

const sig = (x: number) => String(Number(x.toPrecision(4)));
const pText = (p: number) => (p < 0.001 ? '< 0.001' : `= ${formatP(p)}`);

export function horizonLabel(t: number, unit: string): string {
  const u = unit.replace(/s$/, '');
  if (unit === 'months' && t % 12 === 0) return `${t / 12}-year survival`;
  if (unit === 'days' && Math.abs(t / 365.25 - Math.round(t / 365.25)) < 1e-9) return `${Math.round(t / 365.25)}-year survival`;
  return `${sig(t)}-${u} survival`;
}

export function splineBlocks(a: Plain<SplineAnalysisResult>, tableTitle: string, figCaption: (s: string) => string): ReportBlock[] {
  const measure = a.measure;
  const xLabel = `${a.markerLabel}${a.unit ? `, ${a.unit}` : ''}`;
  const adj = a.adjustedFor.length ? a.adjustedFor.join(', ') : 'none';
  const rows = [
    {
      cells: [
        a.markerLabel,
        a.model === 'cox' ? 'Cox' : 'Logistic',
        adj,
        `${a.n} (${a.events})`,
        `${a.knots.length}: ${a.knots.map(sig).join(', ')}`,
        `${fixed(a.association.chisq, 2)} (${a.association.df})`,
        formatP(a.association.p),
        `${fixed(a.nonlinearity.chisq, 2)} (${a.nonlinearity.df})`,
        formatP(a.nonlinearity.p),
      ],
    },
  ];
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      table: {
        id: `table-${a.id}`,
        title: tableTitle,
        columns: [
          { label: 'Marker', align: 'left' },
          { label: 'Model', align: 'left' },
          { label: 'Adjusted for', align: 'left' },
          { label: `n (${a.model === 'cox' ? 'events' : 'outcomes'})`, align: 'right' },
          { label: 'Knots', align: 'left' },
          { label: 'Association χ² (df)', align: 'right' },
          { label: 'P', align: 'right' },
          { label: 'Nonlinearity χ² (df)', align: 'right' },
          { label: 'P', align: 'right' },
        ],
        rows,
        footnotes: [
          `Restricted cubic spline of ${a.markerLabel} with ${a.knots.length} knots ${a.defaultKnots ? "at Harrell's default quantiles" : 'at the values given'}; Wald tests as R rms anova(): association (the ${a.knots.length - 1} spline terms together, ${a.knots.length - 1} df) and nonlinearity (the nonlinear term${a.knots.length > 3 ? 's' : ''} only, ${a.knots.length - 2} df; P < 0.05 suggests the relation is not linear).`,
        ],
      },
    },
    {
      kind: 'figure',
      figure: {
        id: `figure-${a.id}`,
        caption: figCaption(
          `${measure === 'HR' ? 'Hazard' : 'Odds'} ratio for ${a.endpoint} by ${a.markerLabel} relative to ${sig(a.reference)}${a.referenceIsMedian ? ' (the median)' : ''}${a.adjustedFor.length ? `, adjusted for ${adj}` : ''}, restricted cubic spline with pointwise 95% band; triangles mark the knots, ticks the observed values.`,
        ),
        svg: splineCurveSvg({
          title: `${measure} for ${a.endpoint} by ${a.markerLabel}`,
          measure,
          xLabel,
          points: a.curve.map((p) => ({ x: p.x, ratio: p.ratio, lower: p.lower, upper: p.upper })),
          reference: a.reference,
          knots: a.knots,
          rug: a.rug,
          note: `P for nonlinearity ${pText(a.nonlinearity.p)}`,
        }),
        widthMm: 85,
      },
    },
  ];
  return blocks;
}

export function nomogramBlocks(a: Plain<NomogramAnalysisResult>, tableTitle: string, figCaption: (s: string) => string, nextTable: (s: string) => string): ReportBlock[] {
  const nomo = a.nomogram as unknown as Nomogram;
  const labels = a.valueLabels;
  const hl = (t: number) => horizonLabel(t, a.unit);
  const data = nomogramFigureData(nomo, {
    title: `Nomogram for ${a.endpoint}`,
    horizonLabel: hl,
    valueLabel: (cov, v) => {
      const k = nomo.predictors.findIndex((p) => p.covariate === cov);
      const i = nomo.predictors[k].values.indexOf(v);
      return labels[k][i] ?? String(v);
    },
  });
  const rows: { cells: string[]; section?: boolean; indent?: number }[] = [];
  nomo.predictors.forEach((p, k) => {
    rows.push({ cells: [p.label, ''], section: true });
    p.values.forEach((_, i) => rows.push({ cells: [labels[k][i], fixed(p.points[i], 1)], indent: 1 }));
  });
  const totalTicks = data.rows.find((r) => r.label === 'Total points')!.ticks.map((t) => t.at);
  const survAt = (total: number) => nomo.survival.map((s) => Math.exp(-s.cumHazard * Math.exp(nomo.lpAtZero + total / nomo.pointsPerLp + nomo.lpCentre - nomo.baselineLp)));
  const tot = {
    id: `table-${a.id}-total`,
    title: nextTable(`Nomogram for ${a.endpoint}: total points and predicted survival`),
    columns: [{ label: 'Total points', align: 'right' as const }, { label: 'Linear predictor', align: 'right' as const }, ...a.horizons.map((h) => ({ label: hl(h), align: 'right' as const }))],
    rows: totalTicks.map((t) => ({ cells: [sig(t), fixed(nomo.lpAtZero + t / nomo.pointsPerLp, 3), ...survAt(t).map((s) => fixed(s, 3))] })),
    footnotes: [`Survival from the Cox model's baseline survival: S(t) = S₀(t)^exp(linear predictor), the linear predictor centred at the covariate means as in R rms.`],
  };
  return [
    {
      kind: 'figure',
      figure: {
        id: `figure-${a.id}`,
        caption: figCaption(
          `Nomogram for ${a.endpoint} (Cox model of ${nomo.predictors.map((p) => p.label).join(', ')}; n = ${a.n}, ${a.events} events${a.concordance !== null ? `, C-index ${fixed(a.concordance, 3)}` : ''}). Read each predictor's points on the top scale, add them, and read the predicted survival below the total points.`,
        ),
        svg: nomogramSvg(data),
        widthMm: 175,
      },
    },
    {
      kind: 'table',
      table: {
        id: `table-${a.id}`,
        title: tableTitle,
        columns: [{ label: 'Predictor / value', align: 'left' }, { label: 'Points', align: 'right' }],
        rows,
        footnotes: [`Points on the convention of R rms::nomogram: the predictor with the widest range of linear-predictor contribution spans 0–${nomo.maxScale} points, the others are scaled alike.`],
      },
    },
    { kind: 'table', table: tot },
  ];
}
