/**
 * Cox proportional hazards regression (Cox 1972, JRSS B 34:187–220) — the public layer: checks and
 * labels the input, drops incomplete rows (counted in nDropped), builds the model matrix (numeric
 * terms, and `column=level` indicators against the reference level for categorical covariates),
 * sorts once, fits (fit.ts) and labels the result as R's summary(coxph(...)) reports it.
 * Ties: Efron (default; Efron 1977) or Breslow (Breslow 1974). Counting-process input (start, stop]
 * gives time-varying covariates, as R's Surv(start, stop, event).
 *
 * @example
 * const r = coxph({ time: new Float64Array([1, 2, 3, 4]), event: new Float64Array([1, 1, 0, 1]),
 *   covariates: [{ name: 'x', kind: 'numeric', values: new Float64Array([1, 0, 1, 0]) }] });
 * r.coefficients[0].term // 'x'
 */
import { analysisError, dataError } from '../../../errors.js';
import { coxMessages } from '../../../messages/index.js';
import { modelMatrix, sortedLevels, type CovariateValues } from '../../design/modelMatrix.js';
import { pChisqUpper, pNormTwoSided, qnorm } from '../../dist/index.js';
import { splineSpec } from '../../design/splineSpec.js';
import { coxFit } from './fit.js';
import { coxZph } from './zph.js';
import { coxSortedData } from './sortedData.js';
import { keptOrder } from './survivalOrder.js';
import type { CoxCoefficient, CoxInput, CoxResult } from './types.js';

export function coxph(input: CoxInput): CoxResult {
  const n0 = input.time.length;
  const src = input.source;
  const file = src?.file ?? null;
  const rowNo = (i: number): number | null => (src ? (src.rowNumber ? src.rowNumber(i) : i + 2) : null);
  const ties = input.ties ?? 'efron';
  const confLevel = input.confLevel ?? 0.95;
  const check = (what: string, len: number) => {
    if (len !== n0) throw dataError(coxMessages.lengthMismatch(what, len, n0));
  };
  check('the event column', input.event.length);
  if (input.start) check('the start column', input.start.length);
  if (input.strata) check('the strata column', input.strata.length);
  for (const c of input.covariates) check(`covariate '${c.name}'`, c.values.length);
  if (input.covariates.length === 0) throw analysisError(coxMessages.noCovariates());

  // complete cases (one typed pass per column)
  const rows = completeRows(input);
  const n = rows.length;
  const nDropped = n0 - n;
  if (n === 0) throw analysisError(coxMessages.noCompleteRows(file, nDropped));
  const stop = new Float64Array(n);
  const event = new Uint8Array(n);
  const start = input.start ? new Float64Array(n) : null;
  const events = outcomeRows(input, rows, stop, event, start, file, rowNo);
  if (events === 0) throw analysisError(coxMessages.noEvents(file, src?.event ?? 'event', n));

  // model matrix on the complete rows (spline knots from every non-missing value of the column, as rms::rcs)
  const splines = input.covariates.flatMap((c) => (c.kind === 'spline' ? [splineSpec(c.name, c.values, c.knots)] : []));
  const covs: CovariateValues[] = input.covariates.map((c) => {
    if (c.kind !== 'categorical') {
      // no copy when every row is used (the model matrix only reads it)
      const v = nDropped === 0 ? c.values : gatherRows(c.values, rows);
      if (c.kind === 'spline') return { name: c.name, kind: 'spline', values: v, knots: splines.find((s) => s.covariate === c.name)!.knots };
      return { name: c.name, kind: 'numeric', values: v };
    }
    // complete rows have no null; no copy when every row is used
    let v = c.values as readonly string[];
    if (nDropped > 0) {
      const w = new Array<string>(n);
      for (let k = 0; k < n; k++) w[k] = c.values[rows[k]] as string;
      v = w;
    }
    const levels = sortedLevels(v);
    if (levels.length < 2) throw analysisError(coxMessages.oneLevel(file, c.name, levels[0]));
    return { name: c.name, kind: 'categorical', values: v };
  });
  const mm = modelMatrix(covs, input.reference ?? new Map());
  const p = mm.terms.length;
  mm.columns.forEach((col, j) => {
    if (isConstant(col)) throw analysisError(coxMessages.noVariance(file, mm.terms[j].term, col[0]));
  });

  // strata codes
  let strataLabels: string[] | null = null;
  let codes: Int32Array | null = null;
  if (input.strata) {
    const lab = Array.from(rows, (i) => input.strata![i] as string);
    strataLabels = sortedLevels(lab);
    const index = new Map(strataLabels.map((l, s) => [l, s]));
    codes = Int32Array.from(lab, (l) => index.get(l)!);
  }
  const presorted = input.timeOrder && !start && !codes ? (keptOrder(input.timeOrder, rows, n0, stop, event) ?? undefined) : undefined;
  const data = coxSortedData({ stop, start, event, columns: mm.columns, strata: codes, nStrata: strataLabels?.length ?? 1, presorted });

  // one zph test per covariate (R's terms = TRUE)
  const groups: number[][] = [];
  const covNames: string[] = [];
  mm.terms.forEach((t, j) => {
    const g = covNames.indexOf(t.covariate);
    if (g >= 0) groups[g].push(j);
    else {
      covNames.push(t.covariate);
      groups.push([j]);
    }
  });
  const fit = coxFit(data, {
    ties,
    residualSums: !input.skipZph,
    baselineStrata: strataLabels ?? [null],
  });
  if (fit.singular.length > 0) throw analysisError(coxMessages.singular(file, fit.singular.map((j) => mm.terms[j].term)));
  const zph = !input.skipZph && fit.timeDetail && mm.terms.length > 0 ? coxZph(data, fit.timeDetail, groups) : null;

  const zq = qnorm(1 - (1 - confLevel) / 2);
  const infinite = new Set(fit.infinite);
  const coefficients: CoxCoefficient[] = mm.terms.map((t, j) => {
    const coef = fit.beta[j];
    const se = Math.sqrt(fit.variance[j * p + j]);
    const z = coef / se;
    return {
      term: t.term,
      covariate: t.covariate,
      level: t.level,
      reference: t.reference,
      coef,
      hr: Math.exp(coef),
      se,
      z,
      waldChisq: z * z,
      p: pNormTwoSided(z),
      lower: finiteOrNull(Math.exp(coef - zq * se)),
      upper: finiteOrNull(Math.exp(coef + zq * se)),
      possiblyInfinite: infinite.has(j),
    };
  });
  const warnings: string[] = splines.flatMap((s) => s.warnings);
  if (!fit.converged) warnings.push(coxMessages.notConverged(20));
  for (const j of fit.infinite) warnings.push(coxMessages.infinite(j + 1, mm.terms[j].term));
  const conc = fit.concordance!;
  if (conc.c === null) warnings.push(coxMessages.noComparablePairs());
  const lr = 2 * (fit.loglik - fit.loglikNull);
  const variance = Array.from({ length: p }, (_, j) => Array.from(fit.variance.subarray(j * p, (j + 1) * p)));
  return {
    n,
    nDropped,
    events,
    ties,
    strata: strataLabels,
    countingProcess: start !== null,
    terms: mm.terms,
    coefficients,
    confLevel,
    loglik: { null: fit.loglikNull, model: fit.loglik },
    tests: {
      likelihoodRatio: { statistic: lr, df: p, p: pChisqUpper(lr, p) },
      wald: { statistic: fit.waldStatistic, df: p, p: pChisqUpper(fit.waldStatistic, p) },
      score: { statistic: fit.scoreStatistic, df: p, p: pChisqUpper(fit.scoreStatistic, p) },
    },
    concordance: {
      c: conc.c,
      se: conc.se,
      concordant: conc.concordant,
      discordant: conc.discordant,
      tiedRisk: conc.tiedX,
      tiedTime: conc.tiedY,
      tiedBoth: conc.tiedXY,
    },
    proportionalHazards: zph
      ? {
          terms: zph.terms.map((z, g) => ({ term: covNames[g], chisq: z.chisq, df: z.df, p: z.p })),
          global: { term: 'GLOBAL', chisq: zph.global.chisq, df: zph.global.df, p: zph.global.p },
        }
      : null,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings,
    variance,
    rows,
    linearPredictors: fit.linearPredictors,
    splines,
    baseline: fit.baseline!,
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

// coxph's loops over the rows are functions of their own (completeRows, outcomeRows, gatherRows,
// isConstant): as loops of coxph, V8 compiled each on its own (on-stack replacement) and left that
// code at the next for want of type feedback — 23 deoptimizations of coxph in one analyze.

/** The rows with no missing time, event, start, stratum or covariate. */
function completeRows(input: CoxInput): Int32Array {
  const n0 = input.time.length;
  const bad = new Uint8Array(n0);
  markNaN(input.time, bad);
  markNaN(input.event, bad);
  if (input.start) markNaN(input.start, bad);
  if (input.strata) markNull(input.strata, bad);
  for (const c of input.covariates) {
    if (c.kind !== 'categorical') markNaN(c.values, bad);
    else markNull(c.values, bad);
  }
  let nKeep = 0;
  for (let i = 0; i < n0; i++) nKeep += 1 - bad[i];
  const keep = new Int32Array(nKeep);
  for (let i = 0, k = 0; i < n0; i++) if (!bad[i]) keep[k++] = i;
  return keep;
}

function markNaN(v: Float64Array, bad: Uint8Array): void {
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) bad[i] = 1;
}

function markNull(v: readonly (string | null)[], bad: Uint8Array): void {
  for (let i = 0; i < v.length; i++) if (v[i] === null) bad[i] = 1;
}

/** Stop, event (and start) of `rows`, checked (event 0/1, finite times, start < stop); returns the number of events. */
function outcomeRows(
  input: CoxInput, rows: Int32Array, stop: Float64Array, event: Uint8Array, start: Float64Array | null,
  file: string | null, rowNo: (i: number) => number | null,
): number {
  const src = input.source;
  let events = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const e = input.event[i];
    if (e !== 0 && e !== 1) throw dataError(coxMessages.eventNotBinary(file, rowNo(i), src?.event ?? 'event', e));
    stop[k] = input.time[i];
    if (!Number.isFinite(stop[k])) throw dataError(coxMessages.timeNotFinite(file, rowNo(i), src?.time ?? 'time', stop[k]));
    event[k] = e;
    events += e;
    if (start) {
      start[k] = input.start![i];
      if (!Number.isFinite(start[k])) throw dataError(coxMessages.timeNotFinite(file, rowNo(i), src?.start ?? 'start', start[k]));
      if (!(start[k] < stop[k]))
        throw dataError(coxMessages.startNotBeforeStop(file, rowNo(i), src?.start ?? 'start', src?.time ?? 'time', start[k], stop[k]));
    }
  }
  return events;
}

/** values[rows[k]] for each k. */
function gatherRows(values: Float64Array, rows: Int32Array): Float64Array {
  const v = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) v[k] = values[rows[k]];
  return v;
}

function isConstant(col: Float64Array): boolean {
  for (let k = 1; k < col.length; k++) if (col[k] !== col[0]) return false;
  return true;
}
