/**
 * The prognostic-model options of `siilab cox`: `--spline COL:K` (or COL:t1/t2/…) turns a numeric
 * covariate into a restricted cubic spline (terms COL, COL', COL'' …, rms naming) and adds its Wald
 * tests (`nonlinearity`, `association`); `--predict FILE --horizons T1,T2` adds survival predictions for
 * the rows of FILE (src/stats/survival/cox/predictSurvival.ts), coded as the model was (same levels,
 * knots and --per/--transform/--standardise scales).
 */
import { resolve } from 'node:path';
import { dataError, usageError } from '../errors.js';
import { predictMessages, splineMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { labelColumn } from '../io/columns.js';
import { readCovariate, type RawCovariate } from '../io/covariates.js';
import type { ReadTableOptions } from '../io/readTable.js';
import { scaleCovariate } from '../stats/design/scaleCovariate.js';
import { splineWaldTests } from '../stats/design/splineTests.js';
import { termRow } from '../stats/design/termRow.js';
import { coxPredictor, predictAt } from '../stats/survival/cox/predictSurvival.js';
import type { CoxCovariateInput, CoxInput, CoxResult } from '../stats/survival/cox/types.js';
import type { CovariateScale } from './covariateScales.js';

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** `--spline` values: COL:K (3…7 knots) or COL:t1/t2/t3… (knot values). */
export function parseSplines(values: readonly string[], covariates: readonly string[]): Map<string, number | number[]> {
  const out = new Map<string, number | number[]>();
  for (const v of values) {
    const m = /^(.+):([^:]+)$/.exec(v);
    if (!m) throw usageError(splineMessages.badSpec(v));
    const col = m[1];
    if (!covariates.includes(col)) throw usageError(splineMessages.notInModel(col));
    const spec = m[2].trim();
    if (spec.includes('/')) {
      const knots = spec.split('/').map(Number);
      if (knots.some((k) => !Number.isFinite(k))) throw usageError(splineMessages.badSpec(v));
      out.set(col, knots);
    } else {
      const k = Number(spec);
      if (!Number.isInteger(k) || k < 3 || k > 7) throw usageError(splineMessages.badSpec(v));
      out.set(col, k);
    }
  }
  return out;
}

/** The covariates with the spline columns turned into spline inputs (numeric columns only). */
export function withSplines(raw: readonly RawCovariate[], columns: readonly string[], splines: ReadonlyMap<string, number | number[]>): CoxCovariateInput[] {
  return raw.map((c, i) => {
    const s = splines.get(columns[i]);
    if (s === undefined) return c;
    if (c.kind !== 'numeric') throw usageError(splineMessages.notNumeric(columns[i]));
    return { name: c.name, kind: 'spline', values: c.values, knots: s };
  });
}

/** `nonlinearity` and `association` of each spline covariate (Wald, rms anova). */
export function splineJson(r: CoxResult) {
  const beta = r.coefficients.map((c) => c.coef);
  const nonlinearity: Record<string, { chisq: number | null; df: number; p: number | null }> = {};
  const association: Record<string, { chisq: number | null; df: number; p: number | null }> = {};
  for (const s of r.splines) {
    const idx = s.terms.map((t) => r.terms.findIndex((x) => x.term === t));
    const t = splineWaldTests(beta, r.variance, idx);
    nonlinearity[s.covariate] = { chisq: fin(t.nonlinear.chisq), df: t.nonlinear.df, p: fin(t.nonlinear.p) };
    association[s.covariate] = { chisq: fin(t.overall.chisq), df: t.overall.df, p: fin(t.overall.p) };
  }
  return { splines: r.splines.map((s) => ({ covariate: s.covariate, knots: [...s.knots], terms: [...s.terms], defaultKnots: s.defaultKnots })), nonlinearity, association };
}

export interface PredictRequest {
  readonly file: string;
  readonly shownFile: string;
  readonly horizons: readonly number[];
  readonly tableOptions: ReadTableOptions;
  /** Original column names of the covariates (same order as input.covariates). */
  readonly columns: readonly string[];
  readonly categorical: readonly string[];
  readonly scales: ReadonlyMap<string, CovariateScale>;
  /** The fitted data's raw (unscaled) covariates, for the scales' offsets. */
  readonly raw: readonly RawCovariate[];
  readonly strataColumn: string | null;
}

/** Survival at the horizons for each row of the prediction file. */
export async function predictRows(input: CoxInput, fit: CoxResult, req: PredictRequest) {
  const table = await readTable(req.file, req.tableOptions);
  const shown = { ...table, file: req.shownFile };
  const curve = coxPredictor(input, fit);
  // the same value coding as the fitted data: categorical columns as text, numeric ones scaled alike
  const cols = req.columns.map((c, i) => {
    const kind = input.covariates[i].kind;
    const v = readCovariate(shown, c, '--predict', kind === 'categorical');
    const s = req.scales.get(c);
    if (!s || v.kind !== 'numeric') return v;
    const rawTrain = req.raw[i];
    const trained = scaleCovariate(rawTrain.values as Float64Array, s);
    const fn = s.transform && s.transform !== 'standardise' ? { log: Math.log, log2: Math.log2, log10: Math.log10, sqrt: Math.sqrt }[s.transform] : (x: number) => x;
    return { ...v, values: v.values.map((x) => (fn(x) - trained.offset) / trained.scale) };
  });
  const strata = req.strataColumn ? labelColumn(shown, req.strataColumn, '--strata') : null;
  const byName = new Map(input.covariates.map((c, i) => [c.name, i]));
  return table.rows.map((_, i) => {
    const row = termRow(fit.terms, fit.splines, (name) => {
      const v = cols[byName.get(name)!].values[i];
      return typeof v === 'number' && !Number.isFinite(v) ? null : v;
    });
    const colOf = (name: string) => req.columns[byName.get(name)!];
    if ('missing' in row) throw dataError(predictMessages.missingValue(req.shownFile, i + 2, colOf(row.missing)));
    if ('unknownLevel' in row) throw dataError(predictMessages.unknownLevel(req.shownFile, i + 2, colOf(row.unknownLevel), row.level, row.levels));
    let s = 0;
    if (strata) {
      const lab = strata[i];
      s = lab === null ? -1 : fit.strata!.indexOf(lab);
      if (s < 0) throw dataError(predictMessages.unknownStratum(req.shownFile, i + 2, req.strataColumn!, String(lab ?? '')));
    }
    const at = predictAt(curve, row.values, req.horizons, s, fit.confLevel);
    return {
      row: i + 1,
      at: at.map((a) => ({ time: a.time, surv: fin(a.surv), stdErr: fin(a.stdErr), lower: fin(a.lower), upper: fin(a.upper), cumHazard: fin(a.cumHazard) })),
    };
  });
}

export function parseHorizons(text: string | null): number[] | null {
  if (text === null) return null;
  const v = text.split(',').map((s) => Number(s.trim()));
  if (v.length === 0 || v.some((x) => !(x > 0) || !Number.isFinite(x))) throw usageError(predictMessages.badHorizon(text));
  return v;
}

export const resolvePredictFile = (cwd: string, f: string) => resolve(cwd, f);
