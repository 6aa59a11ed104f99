/**
 * The Analysis page's form as data, and its two directions: `analysesFromForm` writes the study
 * spec's `analyses` for the ticked endpoint, markers, factors and analyses; `formFromSpec` reads a
 * spec (an earlier run's, or one the user typed) back into the form and lists every analysis entry
 * the form cannot show, which `specWithAnalyses` (spec.ts) keeps verbatim rather than dropping.
 *
 * An entry of the spec is "shown by the form" exactly when the form read from the spec writes it
 * again (compared as data, lists as sets): anything else — another endpoint, a two-way
 * Kaplan–Meier split, a spline adjusted for covariates, a declared multivariable model — is kept.
 */
import type { Analyses, Candidate } from '../../../src/study/types.js';
import { analysisFormMessages as FM } from '../../../src/messages/analysisForm.js';

export type EndpointType = 'survival' | 'binary';

export interface AnalysisToggles {
  baselineTable: boolean;
  /** ROC curves (binary endpoint). */
  roc: boolean;
  /** Cox (survival) or logistic (binary) regression of the markers and factors. */
  regression: boolean;
  km: boolean;
  maxstat: boolean;
  timeRoc: boolean;
  splines: boolean;
  nomogram: boolean;
  calibration: boolean;
  validation: boolean;
  decisionCurve: boolean;
}

export interface AnalysisParams {
  /** Time-dependent ROC and nomogram horizons, in the endpoint's time unit. */
  horizons: number[];
  /** Calibration, validation (Brier score) and decision-curve horizon. */
  horizon: number;
  splineMarker: string;
  knots: number;
  /** Predictors of the prognostic model (nomogram, calibration, validation, decision curve); markers enter continuously. */
  modelPredictors: string[];
  calibrationGroups: number;
  bootstrap: number;
  seed: number;
}

export interface AnalysisForm {
  endpoint: string;
  markers: string[];
  factors: string[];
  analyses: AnalysisToggles;
  params: AnalysisParams;
}

/** An analysis entry of the spec the form does not show (kept as written). */
export interface KeptAnalysis {
  key: keyof Analyses;
  entry: unknown;
  /** e.g. "km (pfs, by SII)". */
  description: string;
}

/** The analyses that apply to each endpoint type (the others are not offered). */
export const APPLIES: Record<EndpointType, readonly (keyof AnalysisToggles)[]> = {
  survival: ['baselineTable', 'regression', 'km', 'maxstat', 'timeRoc', 'splines', 'nomogram', 'calibration', 'validation', 'decisionCurve'],
  binary: ['baselineTable', 'roc', 'regression', 'splines', 'calibration', 'validation', 'decisionCurve'],
};

export const defaultToggles = (type: EndpointType, factors: number): AnalysisToggles => ({
  baselineTable: factors > 0,
  roc: type === 'binary',
  regression: true,
  km: type === 'survival',
  maxstat: type === 'survival',
  timeRoc: false,
  splines: false,
  nomogram: false,
  calibration: false,
  validation: false,
  decisionCurve: false,
});

export interface FormContext {
  endpoints: { name: string; type: EndpointType }[];
  markers: string[];
  factors: string[];
  /** Default horizons for the endpoint (defaultHorizons.ts). */
  horizons: (endpoint: string) => { horizons: number[]; horizon: number };
  /** Patients in the cohort, when known (3 knots and 5 calibration groups below 100). */
  patients: number | null;
}

export function defaultParams(ctx: FormContext, endpoint: string, markers: string[]): AnalysisParams {
  const h = ctx.horizons(endpoint);
  const small = ctx.patients !== null && ctx.patients < 100;
  return {
    horizons: h.horizons,
    horizon: h.horizon,
    splineMarker: markers[0] ?? '',
    knots: small ? 3 : 4,
    modelPredictors: markers.slice(0, 1),
    calibrationGroups: small ? 5 : 10,
    bootstrap: 200,
    seed: 1,
  };
}

const candidate = (v: string, markers: readonly string[]): Candidate => (markers.includes(v) ? { variable: v, continuous: true } : v);
const candidateVar = (c: unknown): string | null => (typeof c === 'string' ? c : c && typeof c === 'object' && typeof (c as any).variable === 'string' ? (c as any).variable : null);

/** The spec's analyses for the form (only the ticked ones that apply to the endpoint's type). */
export function analysesFromForm(form: AnalysisForm, type: EndpointType): Analyses {
  const on = (k: keyof AnalysisToggles) => form.analyses[k] && APPLIES[type].includes(k);
  const ep = form.endpoint;
  const p = form.params;
  const mk = form.markers;
  const a: Analyses = {};
  if (on('baselineTable') && form.factors.length && mk.length) a.baselineTable = { groupBy: mk[0], variables: [...form.factors] };
  if (on('roc') && mk.length) a.roc = [{ endpoint: ep, markers: [...mk] }];
  const model = p.modelPredictors.map((v) => candidate(v, mk));
  const regression = { endpoint: ep, candidates: [...mk, ...form.factors], multivariable: { rule: 'p-threshold' as const, threshold: 0.05 } };
  if (on('regression') && regression.candidates.length) {
    if (type === 'binary') a.logistic = [regression];
    else a.cox = [regression];
  }
  if (on('km')) a.km = [{ endpoint: ep, by: [] }, ...mk.map((m) => ({ endpoint: ep, by: [m] }))];
  if (on('maxstat') && mk.length) a.maxstat = [{ endpoint: ep, markers: [...mk] }];
  if (on('timeRoc') && mk.length) a.timeRoc = [{ endpoint: ep, markers: [...mk], times: [...p.horizons] }];
  if (on('splines') && p.splineMarker) a.splines = [{ endpoint: ep, marker: p.splineMarker, knots: p.knots }];
  const horizon = type === 'survival' ? { horizon: p.horizon } : {};
  if (model.length) {
    if (on('nomogram')) a.nomogram = [{ endpoint: ep, predictors: model, horizons: [...p.horizons] }];
    if (on('calibration')) a.calibration = [{ endpoint: ep, predictors: model, ...horizon, groups: p.calibrationGroups }];
    if (on('validation')) a.validation = [{ endpoint: ep, predictors: model, ...horizon, bootstrap: p.bootstrap, seed: p.seed }];
    if (on('decisionCurve')) {
      const models = [{ name: p.modelPredictors.join(' + '), predictors: model }];
      if (model.length > 1) models.push({ name: `${p.modelPredictors[0]} alone`, predictors: [model[0]] });
      a.decisionCurve = [{ endpoint: ep, ...horizon, models }];
    }
  }
  return a;
}

/**
 * What the form shows ticked but the spec it writes would not analyse (so nothing is dropped
 * silently): markers no ticked analysis uses, factors without a baseline table or regression, a
 * baseline table without factors, no analysis at all.
 */
export function unusedChoices(form: AnalysisForm, type: EndpointType): string[] {
  const on = (k: keyof AnalysisToggles) => form.analyses[k] && APPLIES[type].includes(k);
  if (!APPLIES[type].some(on)) return [FM.nothingTicked()];
  const written = analysesFromForm(form, type) as Record<string, unknown>;
  const out: string[] = [];
  const text = JSON.stringify(written);
  const used = (v: string) => text.includes(JSON.stringify(v));
  const markers = form.markers.filter((m) => !used(m));
  if (markers.length) out.push(FM.markersUnused(markers));
  const factors = form.factors.filter((f) => !used(f));
  if (factors.length) out.push(FM.factorsUnused(factors));
  if (on('baselineTable') && !form.factors.length) out.push(FM.baselineWithoutFactors());
  return out;
}

/** Data compared with lists as sets and keys in any order. */
export function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).sort().join(',')}]`;
  if (x && typeof x === 'object') return `{${Object.keys(x).filter((k) => (x as any)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((x as any)[k])}`).join(',')}}`;
  return JSON.stringify(x);
}

const TOGGLE_OF: Partial<Record<keyof Analyses, keyof AnalysisToggles>> = {
  baselineTable: 'baselineTable', roc: 'roc', cox: 'regression', logistic: 'regression', km: 'km', maxstat: 'maxstat', timeRoc: 'timeRoc',
  splines: 'splines', nomogram: 'nomogram', calibration: 'calibration', validation: 'validation', decisionCurve: 'decisionCurve',
};

export function describeEntry(key: string, e: any): string {
  if (!e || typeof e !== 'object') return key;
  const parts: string[] = [];
  if (typeof e.endpoint === 'string') parts.push(e.endpoint);
  if (Array.isArray(e.by)) parts.push(e.by.length ? `by ${e.by.join(' × ')}` : 'overall');
  if (typeof e.marker === 'string') parts.push(e.marker);
  if (Array.isArray(e.markers)) parts.push(e.markers.join(', '));
  if (typeof e.groupBy === 'string') parts.push(`by ${e.groupBy}`);
  if (Array.isArray(e.predictors)) parts.push(e.predictors.map(candidateVar).join(' + '));
  return parts.length ? `${key} (${parts.join('; ')})` : key;
}

const entriesOf = (analyses: Record<string, unknown>, key: string): unknown[] => {
  const v = analyses[key];
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
};

/**
 * The form an earlier spec corresponds to, and the analysis entries it cannot show. A spec without
 * `analyses` gives the default form (the first SII-like marker, the standard analyses ticked).
 */
export function formFromSpec(analysesIn: unknown, ctx: FormContext): { form: AnalysisForm; kept: KeptAnalysis[] } {
  const analyses = (analysesIn && typeof analysesIn === 'object' ? analysesIn : {}) as Record<string, any>;
  const keys = Object.keys(analyses);
  const all = keys.flatMap((k) => entriesOf(analyses, k).map((e) => ({ key: k, e: e as any })));
  const epNames = new Set(ctx.endpoints.map((e) => e.name));
  const endpoint = (all.map((x) => x.e?.endpoint).find((n) => typeof n === 'string' && epNames.has(n)) as string | undefined) ?? ctx.endpoints[0]?.name ?? '';
  const type: EndpointType = ctx.endpoints.find((e) => e.name === endpoint)?.type ?? 'survival';
  if (keys.length === 0) {
    const sii = ctx.markers.filter((x) => x === 'SII' || x.startsWith('SII_')).slice(0, 1);
    const markers = sii.length ? sii : ctx.markers.slice(0, 1);
    return { form: { endpoint, markers, factors: [], analyses: defaultToggles(type, 0), params: defaultParams(ctx, endpoint, markers) }, kept: [] };
  }
  // The form shows one endpoint: each endpoint the analyses name is tried, the reading that shows the most wins.
  const named = [...new Set(all.map((x) => x.e?.endpoint).filter((n): n is string => typeof n === 'string' && epNames.has(n)))];
  let best: { form: AnalysisForm; kept: KeptAnalysis[] } | null = null;
  for (const ep of named.length ? named : [endpoint]) {
    const r = readEndpoint(analyses, keys, all, ctx, ep, ctx.endpoints.find((e) => e.name === ep)?.type ?? 'survival');
    if (!best || r.kept.length < best.kept.length) best = r;
  }
  return best!;
}

function readEndpoint(analyses: Record<string, any>, keys: string[], all: { key: string; e: any }[], ctx: FormContext, endpoint: string, type: EndpointType): { form: AnalysisForm; kept: KeptAnalysis[] } {
  const mine = all.filter((x) => x.key === 'baselineTable' || x.e?.endpoint === endpoint);
  // The analyses may name different markers (Kaplan–Meier by SII, time-dependent ROC of SII, NLR and
  // AFP): the form has one list, so the marker and factor lists tried are each analysis's own and
  // their union; the pair under which the form shows the most entries wins (ties: the first tried).
  const isMarker = (m: unknown): m is string => typeof m === 'string' && ctx.markers.includes(m);
  const markerSets: string[][] = [];
  const union: string[] = [];
  const addSet = (list: unknown[]) => {
    const set = [...new Set(list.filter(isMarker))];
    set.forEach((m) => !union.includes(m) && union.push(m));
    if (set.length && !markerSets.some((x) => canonical(x) === canonical(set))) markerSets.push(set);
  };
  const groupBy = analyses.baselineTable?.groupBy;
  const kmSingles = mine.filter((x) => x.key === 'km' && Array.isArray(x.e.by) && x.e.by.length === 1).map((x) => x.e.by[0]);
  addSet([groupBy, ...kmSingles]);
  for (const { key, e } of mine) {
    if (['maxstat', 'roc', 'timeRoc'].includes(key) && Array.isArray(e.markers)) addSet([groupBy, ...e.markers].filter((m, i, a) => m !== undefined && a.indexOf(m) === i));
    if (key === 'cox' || key === 'logistic') addSet(e.candidates ?? []);
  }
  if (union.length && !markerSets.some((x) => canonical(x) === canonical(union))) markerSets.push(union);
  if (!markerSets.length) markerSets.push([]);
  const factorSources: unknown[][] = [analyses.baselineTable?.variables ?? [], ...mine.filter((x) => x.key === 'cox' || x.key === 'logistic').map((x) => x.e.candidates ?? [])];
  let best: { form: AnalysisForm; kept: KeptAnalysis[] } | null = null;
  for (const markers of markerSets) {
    const factorSets: string[][] = [];
    for (const src of [...factorSources, factorSources.flat()]) {
      // A factor is any variable of the spec the markers do not include (a lab value such as AFP may be a factor).
      const set = [...new Set(src.filter((f): f is string => typeof f === 'string' && (ctx.factors.includes(f) || ctx.markers.includes(f)) && !markers.includes(f)))];
      if (!factorSets.some((x) => canonical(x) === canonical(set))) factorSets.push(set);
    }
    for (const factors of factorSets) {
      const r = readWith(analyses, keys, mine, ctx, endpoint, type, markers, factors);
      if (!best || r.kept.length < best.kept.length) best = r;
    }
  }
  return best!;
}

function readWith(analyses: Record<string, any>, keys: string[], mine: { key: string; e: any }[], ctx: FormContext, endpoint: string, type: EndpointType, markers: string[], factors: string[]): { form: AnalysisForm; kept: KeptAnalysis[] } {
  const params = defaultParams(ctx, endpoint, markers);
  const first = (k: string) => mine.find((x) => x.key === k)?.e;
  const nums = (x: unknown) => (Array.isArray(x) && x.length && x.every((v) => typeof v === 'number') ? [...x] : null);
  params.horizons = nums(first('timeRoc')?.times) ?? nums(first('nomogram')?.horizons) ?? params.horizons;
  const single = [first('calibration'), first('validation'), first('decisionCurve')].map((e) => e?.horizon).find((h) => typeof h === 'number');
  if (single !== undefined) params.horizon = single;
  if (typeof first('splines')?.marker === 'string') params.splineMarker = first('splines').marker;
  if (typeof first('splines')?.knots === 'number') params.knots = first('splines').knots;
  const modelSource = first('nomogram') ?? first('calibration') ?? first('validation') ?? first('decisionCurve')?.models?.[0];
  if (Array.isArray(modelSource?.predictors)) params.modelPredictors = modelSource.predictors.map(candidateVar).filter((v: string | null): v is string => !!v);
  if (typeof first('calibration')?.groups === 'number') params.calibrationGroups = first('calibration').groups;
  if (typeof first('validation')?.bootstrap === 'number') params.bootstrap = first('validation').bootstrap;
  if (typeof first('validation')?.seed === 'number') params.seed = first('validation').seed;
  const toggles = defaultToggles(type, factors.length);
  for (const t of Object.keys(toggles) as (keyof AnalysisToggles)[]) toggles[t] = false;
  for (const k of keys) if (TOGGLE_OF[k as keyof Analyses]) toggles[TOGGLE_OF[k as keyof Analyses]!] = true;
  const form: AnalysisForm = { endpoint, markers, factors, analyses: toggles, params };
  // A ticked analysis whose entries the form would not write again is unticked, and its entries kept.
  const generated = analysesFromForm(form, type) as Record<string, unknown>;
  for (const k of keys) {
    const t = TOGGLE_OF[k as keyof Analyses];
    if (!t || !toggles[t]) continue;
    const want = entriesOf(generated, k).map(canonical);
    const have = entriesOf(analyses, k).map(canonical);
    if (!want.length || !want.every((w) => have.includes(w))) toggles[t] = false;
  }
  const final = analysesFromForm(form, type) as Record<string, unknown>;
  const kept: KeptAnalysis[] = [];
  for (const k of keys) {
    const want = new Set(entriesOf(final, k).map(canonical));
    for (const e of entriesOf(analyses, k)) if (!want.has(canonical(e))) kept.push({ key: k as keyof Analyses, entry: e, description: describeEntry(k, e) });
  }
  return { form, kept };
}

/**
 * The form's analyses with the kept entries added back: list entries appended unless the form writes
 * the same entry; a kept baseline table stays when the form writes none, and is reported as replaced
 * when the form writes its own (a spec has one baseline table).
 */
export function mergeKept(generated: Analyses, kept: readonly KeptAnalysis[]): { analyses: Analyses; replaced: KeptAnalysis[] } {
  const out: Record<string, unknown> = { ...generated };
  const replaced: KeptAnalysis[] = [];
  for (const k of kept) {
    const cur = out[k.key];
    if (!Array.isArray(cur) && cur !== undefined) {
      if (canonical(cur) !== canonical(k.entry)) replaced.push(k);
      continue;
    }
    if (cur === undefined && !Array.isArray(k.entry) && (k.key === 'baselineTable' || k.key === 'responseRates')) {
      out[k.key] = k.entry;
      continue;
    }
    const list = (cur as unknown[] | undefined) ?? [];
    if (!list.some((x) => canonical(x) === canonical(k.entry))) out[k.key] = [...list, k.entry];
  }
  return { analyses: out as Analyses, replaced };
}
