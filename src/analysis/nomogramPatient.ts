/**
 * One patient scored on a study's nomogram, from the results bundle alone (the web calculator:
 * "usable for a user's own fitted model"). The bundle's nomogram holds each predictor's points at
 * its axis values and the survival mapping; `entries` says how a raw value enters the model.
 *
 * - categorical predictor: the points of the chosen level;
 * - cut-off split (e.g. AFP ≥ 400): the raw value is split as the analysis split it (direction
 *   included), then the points of that side;
 * - continuous predictor: the raw value x becomes z = (f(x) − offset) / scale (f the transform: log,
 *   log2, log10, sqrt, or none; offset and scale from `per` and standardising, src/analysis/modelEntry.ts),
 *   and the points are exact on the model's straight line through the axis values (points are linear
 *   in z for a linear term), extrapolated with a note outside the axis;
 * - total points T → linear predictor lp = lpAtZero + T / pointsPerLp → S(t) = exp(−H₀(t)·exp(lp +
 *   lpCentre − baselineLp)) at each horizon (src/stats/nomogram/nomogram.ts), i.e. the Cox model's
 *   predicted survival for the patient (survfit(coxph, newdata)).
 *
 * A bundle written before `entries` existed is scored on the axis scale (the value as labelled on
 * the nomogram; a split as its two sides). Spline predictors are refused (not linear between the
 * axis values). Pure: no I/O, no DOM.
 *
 * @example
 * const fields = nomogramFields(nomo); // SII (number), AFP, ng/mL (number, split at 400), BCLC stage (A/B/C)
 * nomogramPatient(nomo, { SII: '504', 'AFP ≥ 400': '500', 'BCLC stage': 'C' }).result?.survival // [{ horizon: 6, surv: … }, …]
 */
import { nomogramPatientMessages as M } from '../messages/index.js';
import { sig } from '../report/text/formatNumber.js';
import type { Plain } from './plain.js';
import type { NomogramAnalysisResult } from './nomogramAnalysis.js';
import type { ModelEntry } from './modelEntry.js';

export interface NomogramField {
  /** Key of the value in `nomogramPatient`'s input: the model covariate's name. */
  readonly key: string;
  readonly label: string;
  readonly input: 'number' | 'choice';
  /** For a choice: the value to pass and its label (as on the nomogram). */
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  /** Unit of the number to enter (raw value), when known. */
  readonly unit: string | null;
  /** What the model does with the value (split, transform, axis range). */
  readonly hint: string;
}

export interface NomogramPatientResult {
  readonly points: readonly { readonly key: string; readonly label: string; readonly value: string; readonly points: number }[];
  readonly total: number;
  readonly lp: number;
  readonly survival: readonly { readonly horizon: number; readonly surv: number }[];
  /** e.g. a value outside the nomogram's axis (extrapolated). */
  readonly notes: readonly string[];
}

type Nomo = Plain<NomogramAnalysisResult>;
type Pred = Nomo['nomogram']['predictors'][number];

const TRANSFORM: Record<string, { name: string; f: (x: number) => number }> = {
  log: { name: 'the natural log', f: Math.log },
  log2: { name: 'log₂', f: Math.log2 },
  log10: { name: 'log₁₀', f: Math.log10 },
  sqrt: { name: 'the square root', f: Math.sqrt },
};

const entryOf = (a: Nomo, k: number): Plain<ModelEntry> | null => ((a as { entries?: Plain<ModelEntry>[] }).entries?.[k] ?? null);
const short = (x: number) => sig(x, 4);

/** The inputs a patient needs, one per predictor of the nomogram. */
export function nomogramFields(a: Nomo): NomogramField[] {
  return a.nomogram.predictors.map((p, k) => {
    const e = entryOf(a, k);
    const labels = a.valueLabels[k] ?? [];
    const choices = p.values.map((v, i) => ({ value: String(v), label: labels[i] ?? String(v) }));
    if (p.kind === 'categorical') return { key: p.covariate, label: p.label, input: 'choice' as const, choices, unit: null, hint: 'the level of the patient' };
    if (e?.kind === 'split' && e.cutoff)
      return { key: p.covariate, label: p.label, input: 'number' as const, choices, unit: e.unit, hint: `split as in the model: ${labels[1] ?? ''} or ${labels[0] ?? ''}`.trim() };
    if (!e && p.values.length === 2 && p.values[0] === 0 && p.values[1] === 1 && labels.some((l) => /[<>≤≥]/.test(l)))
      return { key: p.covariate, label: p.label, input: 'choice' as const, choices, unit: null, hint: 'the side of the cut-off' };
    const nums = p.values as number[];
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    const tr = e?.transform ? TRANSFORM[e.transform].name : null;
    const scale = e && (e.offset !== 0 || e.scale !== 1) ? (e.standardised ? 'standardised' : `per ${short(e.scale)}`) : null;
    const how = [tr && `the model takes ${tr}`, scale].filter(Boolean).join(', ');
    return {
      key: p.covariate,
      label: e ? e.variable : p.label,
      input: 'number' as const,
      choices: [],
      unit: e?.unit ?? null,
      hint: `${how ? `${how}; ` : ''}nomogram axis ${short(lo)} to ${short(hi)}${e && (tr || scale) ? ' (model scale)' : ''}`,
    };
  });
}

const parse = (s: string | number | null | undefined): number | null | 'bad' => {
  if (s === null || s === undefined) return null;
  if (typeof s === 'number') return Number.isFinite(s) ? s : 'bad';
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : 'bad';
};

function score(a: Nomo, p: Pred, k: number, raw: string | number | null | undefined, notes: string[]): { points: number; value: string } | string {
  const e = entryOf(a, k);
  const f = nomogramFields(a)[k];
  const labels = a.valueLabels[k] ?? [];
  const pts = p.points as number[];
  if (p.kind === 'spline') return M.spline(p.label);
  if (f.input === 'choice') {
    if (raw === null || raw === undefined || String(raw).trim() === '') return M.missing(f.label);
    const i = p.values.findIndex((v) => String(v) === String(raw).trim());
    if (i < 0) return M.unknownLevel(f.label, String(raw), p.values.map(String));
    return { points: pts[i], value: labels[i] ?? String(p.values[i]) };
  }
  const x = parse(raw);
  if (x === null) return M.missing(f.label);
  if (x === 'bad') return M.notNumber(f.label, String(raw));
  if (e?.kind === 'split' && e.cutoff) {
    const high = e.cutoff.direction === '>=' ? x >= e.cutoff.value : x > e.cutoff.value;
    const i = p.values.findIndex((v) => v === (high ? 1 : 0));
    return { points: pts[i], value: labels[i] ?? String(high ? 1 : 0) };
  }
  let z = x;
  if (e) {
    if (e.transform) {
      z = TRANSFORM[e.transform].f(x);
      if (!Number.isFinite(z)) return M.outsideDomain(f.label, TRANSFORM[e.transform].name, x);
    }
    z = (z - e.offset) / e.scale;
  }
  const v = p.values as number[];
  let i0 = 0;
  let i1 = 0;
  v.forEach((y, i) => {
    if (y < v[i0]) i0 = i;
    if (y > v[i1]) i1 = i;
  });
  const points = v[i1] === v[i0] ? pts[i0] : pts[i0] + ((z - v[i0]) * (pts[i1] - pts[i0])) / (v[i1] - v[i0]);
  if (z < v[i0] - 1e-12 * Math.abs(v[i0]) || z > v[i1] + 1e-12 * Math.abs(v[i1])) notes.push(M.outsideAxis(f.label, short(x), short(v[i0]), short(v[i1])));
  return { points, value: short(x) };
}

/** The patient's points per predictor, total points, linear predictor and survival at each horizon; or the problems with the values. */
export function nomogramPatient(a: Nomo, values: Readonly<Record<string, string | number | null | undefined>>): { result: NomogramPatientResult | null; errors: string[] } {
  const nomo = a.nomogram;
  const errors: string[] = [];
  const notes: string[] = [];
  const points: NomogramPatientResult['points'][number][] = [];
  nomo.predictors.forEach((p, k) => {
    const r = score(a, p, k, values[p.covariate], notes);
    if (typeof r === 'string') errors.push(r);
    else points.push({ key: p.covariate, label: p.label, value: r.value, points: r.points });
  });
  if (errors.length) return { result: null, errors };
  const total = points.reduce((s, x) => s + x.points, 0);
  const lp = nomo.lpAtZero + total / nomo.pointsPerLp;
  const survival = nomo.survival.map((s) => ({ horizon: s.horizon, surv: Math.exp(-s.cumHazard * Math.exp(lp + nomo.lpCentre - nomo.baselineLp)) }));
  return { result: { points, total, lp, survival, notes }, errors: [] };
}
