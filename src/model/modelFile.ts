/**
 * The fitted-model file: a logistic or Cox model fitted on a user's own cohort (written by
 * `siilab analyze`), which `siilab calc --model FILE` loads to give a patient an absolute
 * probability together with its provenance. JSON:
 *
 * ```json
 * {
 *   "kind": "logistic",                      // or "cox"
 *   "siilabVersion": "0.1.0",
 *   "createdFrom": { "file": "cohort.csv", "sha256": "<64 hex>", "n": 272, "events": 112 },
 *   "outcome": { "description": "recurrence or metastasis within 5 years", "endpoint": "recurrence", "horizon": "5 years" },
 *   "terms": [ { "term": "log(SII)", "variable": "sii", "coef": 1.21, "transform": "log" },
 *              { "term": "AFP ≥ 400", "variable": "afp", "coef": 0.8, "transform": ">=400" } ],
 *   "intercept": -7.9,                       // logistic only
 *   "baselineSurvival": [ { "time": 12, "surv": 0.81 } ],   // Cox only: S0(t) at the centering means
 *   "timeUnit": "months"                     // Cox only
 * }
 * ```
 *
 * A term's value is (transform(inputs[variable]) − offset) / scale (offset 0 and scale 1 unless
 * given: "SII per 100" has scale 100, a standardised term offset = mean and scale = SD); transforms: identity (absent), "log", "log2",
 * "log10", "sqrt", or an indicator ">c", ">=c", "<c", "<=c" (1 when true, else 0). Cox terms carry
 * `center`, the mean of the term's values in the fitting data: the linear predictor is
 * Σ coef·(x − center) and S(t | x) = S0(t)^exp(lp), as R's survfit.coxph centres by default.
 * Logistic: P = 1 / (1 + exp(−(intercept + Σ coef·x))).
 *
 * @example
 * const m = parseModelFile({ kind: 'logistic', siilabVersion: '0.1.0', createdFrom: { file: 'c.csv', sha256: 'a'.repeat(64), n: 100, events: 40 },
 *   outcome: { description: 'recurrence' }, terms: [{ term: 'SII > 400', variable: 'sii', coef: Math.log(3), transform: '>400' }], intercept: Math.log(0.25) }, 'm.json');
 * predict(m, { sii: 500 }, 'm.json').probability // 0.42857142857142855  (odds 0.25 × 3 = 0.75)
 */
import { readFileSync } from 'node:fs';
import { dataError } from '../errors.js';
import { calcMessages as M } from '../messages/calc.js';

export type ModelKind = 'logistic' | 'cox';
export const TIME_UNITS = ['days', 'weeks', 'months', 'years'] as const;

export interface ModelTerm {
  readonly term: string;
  readonly variable: string;
  readonly coef: number;
  readonly transform?: string;
  /** Cox: mean of the term's values in the fitting data (the centre of the baseline survival). */
  readonly center?: number;
  /** Subtracted from transform(x) (default 0; the mean for a standardised variable). */
  readonly offset?: number;
  /** transform(x) − offset is divided by this (default 1; e.g. 100 for "SII per 100", the SD when standardised). */
  readonly scale?: number;
  /** The unit the input must be in (e.g. "g/dL"), as the model was fitted. */
  readonly unit?: string;
}

export interface ModelFile {
  readonly kind: ModelKind;
  readonly siilabVersion: string;
  readonly createdFrom: { readonly file: string; readonly sha256: string; readonly n: number; readonly events: number };
  readonly outcome: { readonly description: string; readonly endpoint?: string; readonly horizon?: string };
  readonly terms: readonly ModelTerm[];
  readonly intercept?: number;
  readonly baselineSurvival?: readonly { readonly time: number; readonly surv: number }[];
  readonly timeUnit?: (typeof TIME_UNITS)[number];
  readonly createdAt?: string;
  /** Who the model was fitted on (population rules, n, events). */
  readonly population?: string;
  /** The model's validation status, e.g. "not externally validated". */
  readonly validation?: string;
}

export type ParsedTransform =
  | { readonly kind: 'identity' | 'log' | 'log2' | 'log10' | 'sqrt' }
  | { readonly kind: 'indicator'; readonly op: '>' | '>=' | '<' | '<='; readonly cut: number };

const FUNCTIONS = ['identity', 'log', 'log2', 'log10', 'sqrt'] as const;

/** Parses a transform text; null when it is not one siilab knows. */
export function parseTransform(t: string | undefined): ParsedTransform | null {
  if (t === undefined || t === '' || t === 'identity') return { kind: 'identity' };
  if ((FUNCTIONS as readonly string[]).includes(t)) return { kind: t as 'log' | 'log2' | 'log10' | 'sqrt' };
  const m = /^\s*(>=|<=|>|<)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/.exec(t);
  if (!m) return null;
  return { kind: 'indicator', op: m[1] as '>' | '>=' | '<' | '<=', cut: Number(m[2]) };
}

type Json = Record<string, unknown>;

/** Validates parsed JSON as a model file; every refusal names the file and the field. */
export function parseModelFile(json: unknown, file: string): ModelFile {
  const fail = (field: string, problem: string): never => {
    throw dataError(M.modelFileField(file, field, problem));
  };
  const obj = (v: unknown, field: string): Json => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'must be an object.');
    return v as Json;
  };
  const text = (o: Json, k: string, field: string, optional = false) => {
    if (optional && o[k] === undefined) return;
    if (typeof o[k] !== 'string' || (o[k] as string).trim() === '') fail(field, 'must be non-empty text.');
  };
  const finite = (o: Json, k: string, field: string) => {
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) fail(field, 'must be a finite number.');
  };
  const m = obj(json, '(top level)');
  if (m.kind !== 'logistic' && m.kind !== 'cox') fail('kind', "must be 'logistic' or 'cox'.");
  text(m, 'siilabVersion', 'siilabVersion');
  const c = obj(m.createdFrom, 'createdFrom');
  text(c, 'file', 'createdFrom.file');
  if (typeof c.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(c.sha256)) fail('createdFrom.sha256', 'must be the 64 hexadecimal digits of the data file\'s SHA-256.');
  for (const k of ['n', 'events']) if (!Number.isInteger(c[k]) || (c[k] as number) < 0) fail(`createdFrom.${k}`, 'must be a whole number ≥ 0.');
  if ((c.events as number) > (c.n as number)) fail('createdFrom.events', `(${c.events}) cannot exceed createdFrom.n (${c.n}).`);
  const o = obj(m.outcome, 'outcome');
  text(o, 'description', 'outcome.description');
  text(o, 'endpoint', 'outcome.endpoint', true);
  text(o, 'horizon', 'outcome.horizon', true);
  text(m, 'population', 'population', true);
  text(m, 'validation', 'validation', true);
  if (!Array.isArray(m.terms) || m.terms.length === 0) fail('terms', 'must be a non-empty list.');
  const seen = new Set<string>();
  (m.terms as unknown[]).forEach((t, i) => {
    const f = `terms[${i}]`;
    const x = obj(t, f);
    text(x, 'term', `${f}.term`);
    if (seen.has(x.term as string)) fail(`${f}.term`, `repeats '${x.term}'.`);
    seen.add(x.term as string);
    text(x, 'variable', `${f}.variable`);
    finite(x, 'coef', `${f}.coef`);
    if (x.transform !== undefined && (typeof x.transform !== 'string' || parseTransform(x.transform) === null))
      fail(`${f}.transform`, `'${String(x.transform)}' is not one of identity, log, log2, log10, sqrt, >c, >=c, <c, <=c.`);
    if (x.offset !== undefined) finite(x, 'offset', `${f}.offset`);
    if (x.scale !== undefined) {
      finite(x, 'scale', `${f}.scale`);
      if (!((x.scale as number) > 0)) fail(`${f}.scale`, 'must be above zero.');
    }
    if (x.unit !== undefined) text(x, 'unit', `${f}.unit`);
    if (m.kind === 'cox') finite(x, 'center', `${f}.center`);
    else if (x.center !== undefined) finite(x, 'center', `${f}.center`);
  });
  if (m.kind === 'logistic') {
    if (m.intercept === undefined) fail('intercept', 'is required for a logistic model.');
    finite(m, 'intercept', 'intercept');
  } else {
    if (!Array.isArray(m.baselineSurvival) || m.baselineSurvival.length === 0) fail('baselineSurvival', 'is required for a Cox model: a non-empty list of { time, surv }.');
    let last = -Infinity;
    (m.baselineSurvival as unknown[]).forEach((b, i) => {
      const f = `baselineSurvival[${i}]`;
      const x = obj(b, f);
      finite(x, 'time', `${f}.time`);
      finite(x, 'surv', `${f}.surv`);
      if ((x.time as number) <= 0) fail(`${f}.time`, 'must be above zero.');
      if ((x.time as number) <= last) fail(`${f}.time`, 'must be larger than the time before it (times in increasing order).');
      last = x.time as number;
      if (!((x.surv as number) > 0 && (x.surv as number) <= 1)) fail(`${f}.surv`, 'must be a survival probability in (0, 1].');
    });
    if (!(TIME_UNITS as readonly string[]).includes(m.timeUnit as string)) fail('timeUnit', `must be one of ${TIME_UNITS.join(', ')} for a Cox model.`);
  }
  return m as unknown as ModelFile;
}

/** Reads and validates a model file. */
export function loadModelFile(path: string, shownAs: string = path): ModelFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw dataError(M.modelFileUnreadable(shownAs, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw dataError(M.modelFileUnreadable(shownAs, `not valid JSON: ${(e as Error).message}`));
  }
  return parseModelFile(json, shownAs);
}

export interface TermValue {
  readonly term: string;
  readonly variable: string;
  readonly input: number;
  readonly value: number;
  readonly coef: number;
  readonly contribution: number;
}

export interface Prediction {
  readonly kind: ModelKind;
  /** Logistic: intercept + Σ coef·x. Cox: Σ coef·(x − center). */
  readonly linearPredictor: number;
  /** Logistic: the probability of the outcome. */
  readonly probability: number | null;
  /** Cox: survival and risk (1 − survival) at each baseline time. */
  readonly survival: readonly { readonly time: number; readonly survival: number; readonly risk: number }[] | null;
  readonly terms: readonly TermValue[];
}

function applyTransform(t: ParsedTransform, x: number): number {
  switch (t.kind) {
    case 'identity': return x;
    case 'log': return Math.log(x);
    case 'log2': return Math.log2(x);
    case 'log10': return Math.log10(x);
    case 'sqrt': return Math.sqrt(x);
    case 'indicator':
      return (t.op === '>' ? x > t.cut : t.op === '>=' ? x >= t.cut : t.op === '<' ? x < t.cut : x <= t.cut) ? 1 : 0;
  }
}

/** The model's prediction for one patient. `inputs` maps variable names to values (null = not given). */
export function predict(model: ModelFile, inputs: Readonly<Record<string, number | null | undefined>>, file = 'model'): Prediction {
  const terms: TermValue[] = [];
  let lp = model.kind === 'logistic' ? (model.intercept as number) : 0;
  for (const t of model.terms) {
    const x = inputs[t.variable];
    if (x === null || x === undefined || !Number.isFinite(x)) throw dataError(M.modelInputMissing(file, t.variable, t.term));
    const tr = parseTransform(t.transform) as ParsedTransform;
    if (tr.kind !== 'identity' && tr.kind !== 'indicator' && !(x > 0 || (tr.kind === 'sqrt' && x === 0)))
      throw dataError(M.modelInputNotPositive(file, t.variable, t.term, tr.kind, x));
    const v = (applyTransform(tr, x) - (t.offset ?? 0)) / (t.scale ?? 1);
    const contribution = t.coef * (model.kind === 'cox' ? v - (t.center as number) : v);
    lp += contribution;
    terms.push({ term: t.term, variable: t.variable, input: x, value: v, coef: t.coef, contribution });
  }
  if (!Number.isFinite(lp)) throw dataError(M.modelPredictionNotFinite(file));
  if (model.kind === 'logistic') {
    // Stable logistic: never exp of a large positive number.
    const probability = lp >= 0 ? 1 / (1 + Math.exp(-lp)) : Math.exp(lp) / (1 + Math.exp(lp));
    return { kind: 'logistic', linearPredictor: lp, probability, survival: null, terms };
  }
  const hr = Math.exp(lp);
  if (!Number.isFinite(hr)) throw dataError(M.modelPredictionNotFinite(file));
  const survival = (model.baselineSurvival ?? []).map((b) => {
    const s = Math.pow(b.surv, hr);
    return { time: b.time, survival: s, risk: 1 - s };
  });
  return { kind: 'cox', linearPredictor: lp, probability: null, survival, terms };
}
