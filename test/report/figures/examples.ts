/**
 * Realistic example inputs for the figure tests and the look-at-it PNGs: simulated cohorts from
 * a seeded generator (deterministic), summarised the way the survival and ROC engines will.
 * The small Kaplan–Meier / ROC summaries here are fixtures, not the engines.
 */
import type { FlowFigureData } from '../../../src/report/figures/flowData.js';
import type { ForestFigureData } from '../../../src/report/figures/forestData.js';
import type { KmFigureData, KmGroupData } from '../../../src/report/figures/kmData.js';
import { kmTimeTicks } from '../../../src/report/figures/kmLayout.js';
import type { RocCurveData, RocFigureData } from '../../../src/report/figures/rocData.js';

/** Mulberry32: small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Obs {
  time: number;
  event: 0 | 1;
}

function cohort(r: () => number, n: number, medianMonths: number, follow: number): Obs[] {
  const rate = Math.LN2 / medianMonths;
  return Array.from({ length: n }, () => {
    const t = -Math.log(1 - r()) / rate;
    const c = follow * (0.35 + 0.65 * r()); // staggered entry: administrative censoring
    const lost = r() < 0.08 ? c * r() : Infinity; // some lost to follow-up
    const cens = Math.min(c, lost);
    const time = Math.round(Math.min(t, cens) * 10) / 10;
    return { time: Math.max(0.1, time), event: t <= cens ? 1 : 0 };
  });
}

/** Kaplan–Meier summary with Greenwood log-scale 95% limits, as survfit(conf.type = "log"). */
export function kmGroup(label: string, obs: readonly Obs[], ticks: readonly number[]): KmGroupData {
  const sorted = [...obs].sort((a, b) => a.time - b.time);
  const times = [...new Set(sorted.map((o) => o.time))];
  let atRisk = sorted.length;
  let s = 1;
  let gw = 0;
  const points: KmGroupData['points'][number][] = [{ time: 0, surv: 1, lower: 1, upper: 1 }];
  const censorTimes: number[] = [];
  let median: number | null = null;
  for (const t of times) {
    const here = sorted.filter((o) => o.time === t);
    const d = here.filter((o) => o.event === 1).length;
    if (d > 0) {
      s *= 1 - d / atRisk;
      gw += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
      const se = Math.sqrt(gw);
      const ok = s > 0 && Number.isFinite(se);
      points.push({ time: t, surv: s, lower: ok ? s * Math.exp(-1.959964 * se) : null, upper: ok ? Math.min(1, s * Math.exp(1.959964 * se)) : null });
      if (median === null && s <= 0.5) median = t;
    }
    if (here.some((o) => o.event === 0)) censorTimes.push(t);
    atRisk -= here.length;
  }
  return {
    label,
    n: obs.length,
    events: obs.filter((o) => o.event === 1).length,
    points,
    censorTimes,
    median,
    atRisk: ticks.map((t) => ({ time: t, n: obs.filter((o) => o.time >= t).length })),
  };
}

/** Two groups, 200 patients (SII low / high), overall survival over 60 months. */
export function exampleKm2(): KmFigureData {
  const r = rng(2021);
  const low = cohort(r, 118, 30, 60);
  const high = cohort(r, 82, 13, 60);
  const ticks = kmTimeTicks(60);
  return {
    title: 'Overall survival by SII',
    description: 'Simulated cohort of 200 patients.',
    timeLabel: 'Time (months)',
    survivalLabel: 'Overall survival',
    groups: [kmGroup('SII < 340', low, ticks), kmGroup('SII ≥ 340', high, ticks)],
    logRank: { chisq: 14.27, df: 1, p: 0.000158 },
  };
}

/** hong2021's four groups: SII × AFP. */
export function exampleKm4(): KmFigureData {
  const r = rng(340);
  const ticks = kmTimeTicks(36);
  const specs: [string, number, number][] = [
    ['Low SII, AFP < 400', 52, 22],
    ['Low SII, AFP ≥ 400', 31, 14],
    ['High SII, AFP < 400', 29, 11],
    ['High SII, AFP ≥ 400', 24, 5.5],
  ];
  return {
    title: 'Overall survival by SII and AFP',
    timeLabel: 'Time (months)',
    survivalLabel: 'Overall survival',
    groups: specs.map(([label, n, med]) => kmGroup(label, cohort(r, n, med, 36), ticks)),
    logRank: { chisq: 15.9, df: 3, p: 0.00119 },
  };
}

/** Empirical ROC points of a marker (higher = case) and the Youden-optimal cutoff. */
export function rocCurve(label: string, cases: readonly number[], controls: readonly number[]): RocCurveData {
  const thresholds = [...new Set([...cases, ...controls])].sort((a, b) => b - a);
  const points = [{ specificity: 1, sensitivity: 0 }];
  let best = { threshold: thresholds[0], sensitivity: 0, specificity: 1, j: -1 };
  for (const t of thresholds) {
    const se = cases.filter((x) => x >= t).length / cases.length;
    const sp = controls.filter((x) => x < t).length / controls.length;
    points.push({ specificity: sp, sensitivity: se });
    if (se + sp - 1 > best.j) best = { threshold: t, sensitivity: se, specificity: sp, j: se + sp - 1 };
  }
  let auc = 0;
  for (const c of cases) for (const k of controls) auc += c > k ? 1 : c === k ? 0.5 : 0;
  auc /= cases.length * controls.length;
  const se = Math.sqrt((auc * (1 - auc)) / Math.min(cases.length, controls.length));
  return {
    label,
    auc,
    lower: Math.max(0, auc - 1.96 * se),
    upper: Math.min(1, auc + 1.96 * se),
    points,
    optimal: { threshold: best.threshold, sensitivity: best.sensitivity, specificity: best.specificity },
  };
}

/** Three markers (yu2023 Figure 2): SII, neutrophils, platelets; 112 recurrences, 197 without. */
export function exampleRoc3(): RocFigureData {
  const r = rng(2023);
  const normal = (mu: number, sd: number): number => mu + sd * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  const mk = (mc: number, mk0: number, sd: number, d: number): [number[], number[]] => [
    Array.from({ length: 112 }, () => round(normal(mc, sd), d)),
    Array.from({ length: 197 }, () => round(normal(mk0, sd), d)),
  ];
  const [siiC, siiK] = mk(535, 358, 150, 2);
  const [neC, neK] = mk(0.7, 0.64, 0.08, 2);
  const [plC, plK] = mk(179, 161, 37, 0);
  return {
    title: 'ROC curves of SII, neutrophils and platelets for recurrence',
    description: 'Simulated cohort after yu2023.',
    curves: [rocCurve('SII', siiC, siiK), rocCurve('Neutrophils', neC, neK), rocCurve('Platelets', plC, plK)],
  };
}

/** Six-row forest plot, univariate and multivariate Cox models. */
export function exampleForest(): ForestFigureData {
  return {
    title: 'Cox regression for overall survival',
    measure: 'HR',
    panels: [
      {
        title: 'Univariate',
        rows: [
          { label: 'Age ≥ 60 years', estimate: 1.12, lower: 0.81, upper: 1.55, p: 0.49 },
          { label: 'Male sex', estimate: 0.94, lower: 0.62, upper: 1.43, p: 0.78 },
          { label: 'Child–Pugh B', estimate: 1.87, lower: 1.21, upper: 2.89, p: 0.0048 },
          { label: 'Macrovascular invasion', estimate: 2.31, lower: 1.52, upper: 3.51, p: 0.00009 },
          { label: 'AFP ≥ 400 ng/mL', estimate: 1.74, lower: 1.22, upper: 2.48, p: 0.0022 },
          { label: 'SII ≥ 340', estimate: 2.05, lower: 1.43, upper: 2.94, p: 0.00011 },
        ],
      },
      {
        title: 'Multivariate',
        rows: [
          { label: 'Child–Pugh B', estimate: 1.52, lower: 0.97, upper: 2.38, p: 0.067 },
          { label: 'Macrovascular invasion', estimate: 1.98, lower: 1.28, upper: 3.06, p: 0.0021 },
          { label: 'AFP ≥ 400 ng/mL', estimate: 1.49, lower: 1.03, upper: 2.16, p: 0.035 },
          { label: 'SII ≥ 340', estimate: 1.81, lower: 1.24, upper: 2.64, p: 0.0021 },
        ],
      },
    ],
  };
}

/** Forest edge cases: heading with reference level, open and unestimable intervals, a long label, OR. */
export function exampleForestEdge(): ForestFigureData {
  return {
    title: 'Logistic regression for recurrence',
    measure: 'OR',
    panels: [
      {
        title: 'Univariate',
        rows: [
          { label: 'BCLC stage', header: true },
          { label: 'A', reference: true, indent: true, n: 120 },
          { label: 'B', estimate: 1.62, lower: 0.98, upper: 2.67, p: 0.058, indent: true, n: 131 },
          { label: 'C', estimate: 3.9, lower: 1.1, upper: null, p: 0.034, indent: true, n: 58 },
          { label: 'Complete response after the first TACE session (mRECIST)', estimate: 0.41, lower: 0.22, upper: 0.77, p: 0.0056, n: 309 },
          { label: 'Hepatitis B virus DNA ≥ 2000 IU/mL', estimate: null, lower: null, upper: null, p: null, note: 'No events', n: 12 },
          { label: 'SII ≥ 405.08', estimate: 3.12, lower: 1.88, upper: 5.33, p: 0.00001, n: 309 },
        ],
      },
    ],
  };
}

/** yu2023 Figure 1-like flow with four exclusion reasons and two outcome groups. */
export function exampleFlow(): FlowFigureData {
  return {
    title: 'Patient inclusion process',
    screened: { label: 'Patients with primary liver cancer treated by TACE, 2016–2021', n: 412 },
    exclusions: [
      { reason: 'Incomplete blood count before treatment', n: 38 },
      { reason: 'Other malignancy', n: 12 },
      { reason: 'Active infection or autoimmune disease', n: 19 },
      { reason: 'Lost to follow-up within 3 months', n: 34 },
    ],
    analysed: { label: 'Patients analysed', n: 309 },
    groups: [
      { label: 'Recurrence or metastasis', n: 112 },
      { label: 'No recurrence', n: 197 },
    ],
  };
}
