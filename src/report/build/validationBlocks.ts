/**
 * Report blocks of calibration, bootstrap internal validation and decision curve analyses: the
 * calibration table (risk groups, slope, calibration-in-the-large, ICI) with the calibration plot,
 * the validation table (apparent, optimism, optimism-corrected; replicates that failed counted), and
 * the decision curve table (net benefit at selected thresholds) with its figure.
 */
import type { Plain } from '../../analysis/plain.js';
import type { CalibrationAnalysisResult } from '../../analysis/calibrationAnalysis.js';
import type { ValidationAnalysisResult } from '../../analysis/validationAnalysis.js';
import type { DecisionCurveAnalysisResult } from '../../analysis/decisionCurveAnalysis.js';
import type { ReportBlock } from '../document/reportDocument.js';
import { fixed } from '../format/numbers.js';
import { calibrationSvg } from '../figures/calibrationSvg.js';
import { decisionCurveSvg } from '../figures/decisionCurveSvg.js';

const sig = (x: number) => String(Number(x.toPrecision(4)));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : fixed(x, 3));
const ci = (lo: number | null | undefined, hi: number | null | undefined) => (lo === null || lo === undefined || hi === null || hi === undefined ? '—' : `${fixed(lo, 3)}–${fixed(hi, 3)}`);

/** "12-month risk (overall survival)" for a survival endpoint at a horizon, "risk of <endpoint>" for a binary one. */
export function byHorizon(endpoint: string, horizon: number | null, unit: string | null): string {
  if (horizon === null) return `risk of ${endpoint}`;
  return `${sig(horizon)}-${(unit ?? '').replace(/s$/, '')} risk (${endpoint})`.replace(/- risk/, ' risk');
}

export function calibrationBlocks(a: Plain<CalibrationAnalysisResult>, tableTitle: string, figCaption: (s: string) => string): ReportBlock[] {
  const c = a.calibration;
  const what = byHorizon(a.endpoint, c.horizon, a.unit);
  const survival = c.outcome === 'survival';
  const rows: { cells: string[]; section?: boolean; indent?: number }[] = c.groups.map((g) => ({
    cells: [String(g.group), `${fixed(g.riskMin, 3)}–${fixed(g.riskMax, 3)}`, `${g.n} (${g.events})`, f3(g.predicted), f3(g.observed), ci(g.lower, g.upper)],
  }));
  const itl = c.inTheLarge;
  rows.push({ cells: ['All', '', `${c.n} (${c.events})`, f3(itl.predicted), f3(itl.observed), ci(itl.lower, itl.upper)] });
  const stats: string[] = [];
  if (c.slope) stats.push(`calibration slope ${fixed(c.slope.estimate, 3)} (95% CI ${ci(c.slope.lower, c.slope.upper)})`);
  if (itl.intercept !== null) stats.push(`calibration intercept ${fixed(itl.intercept, 3)}`);
  if (itl.difference !== null) stats.push(`observed − mean predicted ${fixed(itl.difference, 3)}`);
  if (c.smooth) stats.push(`ICI ${fixed(c.smooth.ici, 3)}, E50 ${fixed(c.smooth.e50, 3)}, E90 ${fixed(c.smooth.e90, 3)}`);
  const smoothText = survival
    ? 'smooth curve and ICI/E50/E90 from a Cox model of the outcome on a restricted cubic spline (3 knots) of log(−log(1 − predicted risk)) (Austin, Harrell & van Klaveren 2020)'
    : 'smooth curve and ICI/E50/E90 from a logistic model of the outcome on a restricted cubic spline (3 knots) of logit(predicted probability) (Austin & Steyerberg 2019)';
  const table: ReportBlock = {
    kind: 'table',
    table: {
      id: `table-${a.id}`,
      title: tableTitle,
      columns: [
        { label: 'Risk group', align: 'left' },
        { label: 'Predicted risk range', align: 'right' },
        { label: `n (${survival ? 'events by horizon' : 'events'})`, align: 'right' },
        { label: 'Mean predicted', align: 'right' },
        { label: survival ? 'Observed (1 − KM)' : 'Observed', align: 'right' },
        { label: '95% CI', align: 'right' },
      ],
      rows,
      footnotes: [
        `${survival ? `Cox model` : 'Logistic model'} of ${a.terms.join(', ')}; apparent calibration (on the data the model was fitted on; see the bootstrap validation for optimism). ${c.groups.length} groups at quantiles of the predicted risk; observed ${survival ? 'risk 1 − Kaplan–Meier survival at the horizon with its log-scale Greenwood CI' : 'proportion with its exact (Clopper–Pearson) CI'}.`,
        `${cap(stats.join('; '))}; ${smoothText}.`,
      ],
    },
  };
  const figure: ReportBlock = {
    kind: 'figure',
    figure: {
      id: `figure-${a.id}`,
      caption: figCaption(`Calibration of the predicted ${what}: observed against predicted risk by risk group (95% CI), smooth calibration curve, ideal diagonal, and the distribution of predicted risks.`),
      svg: calibrationSvg({
        title: `Calibration: ${what}`,
        predictedLabel: `Predicted ${what}`,
        observedLabel: survival ? 'Observed risk (1 − Kaplan–Meier)' : 'Observed proportion',
        groups: c.groups.map((g) => ({ predicted: g.predicted, observed: g.observed, lower: g.lower, upper: g.upper })),
        smooth: c.smooth ? { predicted: c.smooth.curve.predicted.map((v) => v ?? NaN), observed: c.smooth.curve.observed.map((v) => v ?? NaN) } : null,
        histogram: c.histogram,
        smoothLabel: survival ? 'Smooth curve (Austin et al. 2020)' : 'Smooth curve (Austin & Steyerberg 2019)',
        note: stats.join('; '),
      }),
      widthMm: 85,
    },
  };
  return [table, figure];
}

export function validationBlocks(a: Plain<ValidationAnalysisResult>, tableTitle: string): ReportBlock[] {
  const v = a.validation;
  const row = (name: string, s: (typeof v)['c'] | null) => (s ? [{ cells: [name, f3(s.apparent), f3(s.training), f3(s.test), f3(s.optimism), f3(s.corrected)] }] : []);
  const cox = v.model === 'cox';
  return [
    {
      kind: 'table',
      table: {
        id: `table-${a.id}`,
        title: tableTitle,
        columns: [
          { label: 'Index', align: 'left' },
          { label: 'Apparent', align: 'right' },
          { label: 'Bootstrap sample', align: 'right' },
          { label: 'Original data', align: 'right' },
          { label: 'Optimism', align: 'right' },
          { label: 'Optimism-corrected', align: 'right' },
        ],
        rows: [
          ...row(cox ? "Harrell's C" : 'C (AUC)', v.c),
          ...row("Somers' Dxy", v.dxy),
          ...row('Calibration slope', v.slope),
          ...row(cox ? `Brier score at ${sig(v.horizon ?? 0)} ${a.unit ?? ''}`.trim() : 'Brier score', v.brier),
        ],
        footnotes: [
          `${cox ? 'Cox' : 'Logistic'} model of ${v.terms.join(', ')} (n = ${v.n}, ${v.events} events). Optimism bootstrap (Harrell, Lee & Mark 1996; Efron & Tibshirani 1993) as R rms::validate: ${v.successful} of ${v.requested} replicates fitted${v.failed ? ` (${v.failed} failed: ${v.failures.map((x) => `${x.reason} ${x.count}`).join(', ')})` : ''}, seed ${v.seed}; optimism = mean of (index on the bootstrap sample − index of that model on the original data), corrected = apparent − optimism.`,
          `Monte Carlo standard error of the optimism: C ${f3(v.c.mcSe)}, slope ${f3(v.slope.mcSe)}${v.brier ? `, Brier ${fixed(v.brier.mcSe ?? NaN, 4)}` : ''}.${cox && v.brier ? ' Brier score with inverse-probability-of-censoring weights (Graf et al. 1999).' : ''}`,
        ],
      },
    },
  ];
}

export function decisionCurveBlocks(a: Plain<DecisionCurveAnalysisResult>, tableTitle: string, figCaption: (s: string) => string): ReportBlock[] {
  const r = a.curve;
  const what = byHorizon(a.endpoint, r.horizon, a.unit);
  const names = a.models.map((m) => m.name);
  const shown = r.thresholds.filter((t) => [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].some((p) => Math.abs(t.pt - p) < 1e-9));
  const rows = (shown.length ? shown : r.thresholds).map((t) => ({ cells: [fixed(t.pt, 2), f3(t.treatAll), '0', ...t.models.map((m) => f3(m.netBenefit))] }));
  return [
    {
      kind: 'table',
      table: {
        id: `table-${a.id}`,
        title: tableTitle,
        columns: [{ label: 'Threshold probability', align: 'right' }, { label: 'Treat all', align: 'right' }, { label: 'Treat none', align: 'right' }, ...names.map((n) => ({ label: n, align: 'right' as const }))],
        rows,
        footnotes: [
          r.outcome === 'survival'
            ? `Net benefit at the horizon = TP/n − FP/n · pt/(1 − pt), treated = predicted risk ≥ pt, with TP and FP from the Kaplan–Meier risk among the treated (Vickers, Cronin, Elkin & Gonen 2008); n = ${r.n}, observed ${what} ${f3(r.eventRisk)}.`
            : `Net benefit = TP/n − FP/n · pt/(1 − pt), treated = predicted probability ≥ pt (Vickers & Elkin 2006); n = ${r.n}, prevalence ${f3(r.eventRisk)}.`,
          `Models: ${a.models.map((m) => `${m.name} (${r.outcome === 'survival' ? 'Cox' : 'logistic'} model of ${m.terms.join(', ')})`).join('; ')}; risks are apparent (from models fitted on the same data).`,
        ],
      },
    },
    {
      kind: 'figure',
      figure: {
        id: `figure-${a.id}`,
        caption: figCaption(`Decision curves for the ${what}: net benefit of ${names.join(', ')} against treating all and treating none, over threshold probabilities.`),
        svg: decisionCurveSvg({
          title: `Decision curves: ${what}`,
          netBenefitLabel: 'Net benefit',
          thresholds: r.thresholds.map((t) => t.pt),
          treatAll: r.thresholds.map((t) => t.treatAll ?? NaN),
          models: names.map((label, j) => ({ label, netBenefit: r.thresholds.map((t) => t.models[j].netBenefit) })),
        }),
        widthMm: 85,
      },
    },
  ];
}
