/**
 * Study-spec editing for the web pages, on the YAML document (comments kept): the column mapping
 * chosen on the Cohort page becomes `variables`/`covariates` (with the SII, NLR and PLR derivations
 * and an overall-survival endpoint when the mapping allows them), and the choices on the Analysis
 * page become `cutoffs` and `analyses`. The server validates the result (field and line named).
 */
import { parseDocument, isMap, visit, type Document } from 'yaml';
import { CANONICAL, daysPer } from '../../../src/study/canonical.js';
import type { InspectResult } from '../../../src/cohort/inspectTable.js';
import type { CanonicalVariable, ValueType } from '../../../src/study/types.js';
import { APPLIES, analysesFromForm, canonical, defaultParams, defaultToggles, formFromSpec, mergeKept, type AnalysisForm, type AnalysisParams, type AnalysisToggles, type FormContext, type KeptAnalysis } from './analysisForm.js';
import { defaultHorizons } from './defaultHorizons.js';
import { columnsOfSpecVariables, derivationText, derivedMarkers } from './derivedMarkers.js';
import { INDEX_INPUTS } from '../../../src/cohort/drawIndex.js';
import { analysisFormMessages as FM } from '../../../src/messages/analysisForm.js';

export interface ColumnChoice {
  /** A canonical variable, 'covariate', or '' (not used). */
  target: CanonicalVariable | 'covariate' | '';
  unit: string | null;
  /** Name of the covariate when target is 'covariate'. */
  name: string;
  type: ValueType;
}
export type Mapping = Record<string, ColumnChoice>;

export const covariateName = (column: string): string => {
  const s = column.trim().replace(/[^\w]+/g, '_').replace(/^_+|_+$/g, '') || 'column';
  return /^\d/.test(s) ? `v_${s}` : s;
};

/** The mapping `siilab inspect` suggests; other usable columns become covariates. */
export function mappingFromInspect(r: InspectResult): Mapping {
  const m: Mapping = {};
  for (const c of r.columns) {
    const s = r.suggestions.find((x) => x.column === c.name);
    // Follow-up time without a recognisable unit: months, as `siilab init` assumes (the page says so).
    if (s) m[c.name] = { target: s.variable, unit: s.unit ?? (s.variable === 'followUpTime' ? 'months' : null), name: covariateName(c.name), type: c.type };
    else m[c.name] = { target: c.type === 'date' || (c.type === 'text' && c.distinct > 12) ? '' : 'covariate', unit: null, name: covariateName(c.name), type: c.type };
  }
  return m;
}

/** The spec with the mapping applied (base: the server's first spec for the cohort). */
export function specWithMapping(baseYaml: string, mapping: Mapping, title?: string): string {
  const doc = parseDocument(baseYaml);
  const variables: Record<string, unknown> = {};
  const covariates: Record<string, unknown> = {};
  const mapped = new Set<string>();
  const columnOf: Record<string, string> = {};
  for (const [column, c] of Object.entries(mapping)) {
    if (c.target === '') continue;
    if (c.target === 'covariate') {
      const cat = c.type === 'category' || c.type === 'binary' || c.type === 'text';
      covariates[c.name] = cat ? { column, type: 'category' } : column;
      continue;
    }
    mapped.add(c.target);
    columnOf[c.target] = column;
    const unit = c.unit ?? (c.target === 'followUpTime' ? 'months' : null);
    variables[c.target] = unit ? { column, unit } : column;
  }
  if (title) doc.set('title', title);
  doc.set('variables', variables);
  if (Object.keys(covariates).length) doc.set('covariates', covariates);
  else doc.delete('covariates');
  // Derivations: keep the aggregate ones the server wrote, redo the per-draw indices.
  // An index is kept or added when one of the engine's input alternatives is mapped (counts, an NLR
  // column, or percentages with white cells: derivedMarkers.ts), so SII = NLR × platelets needs no YAML.
  const oldDerived = (doc.toJS()?.derived ?? []) as { name: string; index?: string }[];
  const inputs = INDEX_INPUTS as Record<string, string[][]>;
  const derived: unknown[] = oldDerived.filter((d) => !d.index || !inputs[d.index] || inputs[d.index].some((alt) => alt.every((v) => mapped.has(v))));
  for (const d of derivedMarkers(columnOf)) {
    if (d.available && !d.recorded && !derived.some((x: any) => x.index === d.index)) derived.push({ name: d.index, index: d.index });
  }
  if (derived.length) doc.set('derived', derived);
  else doc.delete('derived');
  const endpoints = { ...((doc.toJS()?.endpoints ?? {}) as Record<string, unknown>) };
  if (mapped.has('death') && mapped.has('followUpTime')) endpoints.os = { type: 'survival', events: ['death'], time: 'followUpTime' };
  if (Object.keys(endpoints).length) doc.set('endpoints', endpoints);
  return doc.toString();
}

export interface SpecEndpointInfo {
  name: string;
  type: 'survival' | 'binary';
  /** Unit of the analysed times (survival: the endpoint's `unit`, default months). */
  unit: string;
  /** The follow-up-time variable, when the endpoint has one (not dates). */
  timeVariable: string | null;
  /** The data column of the time variable, and its unit (for the follow-up length). */
  timeColumn: string | null;
  timeColumnUnit: string;
}

export interface SpecInfo {
  endpoints: SpecEndpointInfo[];
  markers: string[];
  factors: string[];
  cutoffs: Record<string, unknown>;
  title: string;
  /** How each derived or recorded index marker is computed, in words ("SII = NLR × platelets (columns NLR, Platelets)"). */
  markerNotes: Record<string, string>;
}

const LAB_MARKERS = ['nlr', 'afp', 'neutrophils', 'lymphocytes', 'platelets', 'monocytes', 'whiteCells', 'albumin', 'bilirubin'];
const NOT_FACTORS = new Set(['patientId', 'treatmentDate', 'baselineDate', 'drawDate', 'lastFollowUpDate', 'recurrenceDate', 'metastasisDate', 'deathDate', 'followUpTime', 'neutrophils', 'lymphocytes', 'platelets', 'monocytes', 'whiteCells', 'neutrophilPercent', 'lymphocytePercent', 'monocytePercent']);

/** What the Analysis page offers: endpoints, markers (derived indices and numeric lab values) and factors. */
export function specInfo(yamlText: string): SpecInfo {
  const doc = parseDocument(yamlText);
  if (doc.errors.length) throw new Error(doc.errors[0].message);
  const s = (doc.toJS() ?? {}) as any;
  const mappingOf = (v: string): { column: string | null; unit: string | null } => {
    const m = s.variables?.[v] ?? s.covariates?.[v];
    if (typeof m === 'string') return { column: m, unit: null };
    return { column: typeof m?.column === 'string' ? m.column : null, unit: typeof m?.unit === 'string' ? m.unit : null };
  };
  // Competing-risks endpoints are analysed by their own analyses (kept as written), not by this form.
  const endpoints = Object.entries(s.endpoints ?? {}).filter(([, e]: [string, any]) => e?.type !== 'competing').map(([name, e]: [string, any]): SpecEndpointInfo => {
    const type = e?.type === 'binary' ? ('binary' as const) : ('survival' as const);
    const timeVariable = type === 'survival' && typeof e?.time === 'string' ? e.time : null;
    const col = timeVariable ? mappingOf(timeVariable) : { column: null, unit: null };
    const colUnit = e?.timeUnit ?? (col.unit && daysPer(col.unit) !== null ? col.unit : 'months');
    return { name, type, unit: typeof e?.unit === 'string' ? e.unit : 'months', timeVariable, timeColumn: col.column, timeColumnUnit: colUnit };
  });
  const eventVars = new Set<string>(Object.values(s.endpoints ?? {}).flatMap((e: any) => [...(e?.events ?? []), e?.time].filter(Boolean)));
  const derived: string[] = (s.derived ?? []).map((d: any) => d?.name).filter((x: unknown) => typeof x === 'string');
  // Markers: the derived indices first, then the numeric laboratory values that are mapped.
  const markers = [...derived];
  for (const v of LAB_MARKERS) if (s.variables?.[v] && !markers.includes(v)) markers.push(v);
  const factors: string[] = [];
  for (const v of Object.keys(s.variables ?? {})) {
    if (NOT_FACTORS.has(v) || eventVars.has(v) || markers.includes(v)) continue;
    factors.push(v);
  }
  for (const v of Object.keys(s.covariates ?? {})) if (!eventVars.has(v)) factors.push(v);
  return { endpoints, markers, factors, cutoffs: s.cutoffs ?? {}, title: s.title ?? '', markerNotes: markerNotes(s) };
}

const AGGREGATE_WORDS: Record<string, string> = {
  baseline: 'the last draw on or before the time origin', first: 'the first draw', last: 'the last draw', mean: 'the mean of the draws', max: 'the highest draw', min: 'the lowest draw',
};

/** The derivation of each index marker of a spec in words (what the engine computes from the mapped columns). */
function markerNotes(s: any): Record<string, string> {
  const ways = derivedMarkers(columnsOfSpecVariables(s.variables));
  const out: Record<string, string> = {};
  const nlr = ways.find((d) => d.recorded);
  if (nlr && s.variables?.nlr) out.nlr = derivationText(nlr);
  for (const d of (s.derived ?? []) as any[]) {
    if (typeof d?.name !== 'string') continue;
    if (typeof d.index === 'string') {
      const w = ways.find((x) => x.index === d.index && x.available && !x.recorded);
      if (w) out[d.name] = derivationText(w).replace(new RegExp(`^${d.index} `), `${d.name} `);
    } else if (typeof d.aggregate === 'string' && typeof d.of === 'string') {
      out[d.name] = `${d.name}: ${AGGREGATE_WORDS[d.aggregate] ?? d.aggregate} of ${d.of}${out[d.of] ? `; ${out[d.of]}` : ''}`;
    }
  }
  return out;
}

export interface AnalysisChoice {
  endpoint: string;
  markers: string[];
  factors: string[];
  /** Ticked analyses and their settings (default: the standard analyses for the endpoint type). */
  analyses?: AnalysisToggles;
  params?: AnalysisParams;
}

/** What the form needs from the spec and the cohort: endpoints, markers, factors, default horizons. */
export function formContext(info: SpecInfo, cohort: InspectResult | null = null): FormContext {
  return {
    endpoints: info.endpoints,
    markers: info.markers,
    factors: info.factors,
    patients: cohort ? cohort.patients ?? cohort.rows : null,
    horizons: (name) => {
      const ep = info.endpoints.find((e) => e.name === name);
      return defaultHorizons(ep?.unit ?? 'months', longestFollowUp(ep ?? null, cohort));
    },
  };
}

/** The longest follow-up in the endpoint's time unit, from the cohort's column profile (null when unknown). */
export function longestFollowUp(ep: SpecEndpointInfo | null, cohort: InspectResult | null): number | null {
  if (!ep || !ep.timeColumn || !cohort) return null;
  const max = cohort.columns.find((c) => c.name === ep.timeColumn)?.max;
  if (typeof max !== 'number' || !Number.isFinite(max)) return null;
  return (max * (daysPer(ep.timeColumnUnit) ?? 1)) / (daysPer(ep.unit) ?? 1);
}

/** The form an earlier spec corresponds to, and the analyses it has that the form does not show (kept when writing). */
export function formFromSpecText(yamlText: string, cohort: InspectResult | null = null): { form: AnalysisForm; kept: KeptAnalysis[]; info: SpecInfo } {
  const info = specInfo(yamlText);
  const s = (parseDocument(yamlText).toJS() ?? {}) as any;
  return { ...formFromSpec(s.analyses ?? {}, formContext(info, cohort)), info };
}

export interface WrittenAnalyses {
  yaml: string;
  /** Analyses of the spec the form does not show, written back unchanged. */
  kept: KeptAnalysis[];
  /** A single-entry analysis (the baseline table) of the spec replaced by the form's. */
  replaced: KeptAnalysis[];
}

/**
 * The spec with cut-offs (median unless already set) and the analyses of the form; the spec's
 * analyses the form does not show (`keptIn`, or found by reading the YAML) are written back
 * unchanged (and listed), nothing is dropped silently. Keys whose
 * analyses do not change keep their YAML (and comments) as written.
 */
export function writeAnalyses(yamlText: string, choice: AnalysisChoice, cohort: InspectResult | null = null, keptIn: readonly KeptAnalysis[] | null = null): WrittenAnalyses {
  const doc: Document = parseDocument(yamlText);
  const info = specInfo(yamlText);
  const ep = info.endpoints.find((e) => e.name === choice.endpoint);
  if (!ep) throw new Error(FM.chooseEndpoint(info.endpoints.map((e) => e.name)));
  if (!choice.markers.length) throw new Error(FM.chooseMarker());
  const ctx = formContext(info, cohort);
  const form: AnalysisForm = {
    endpoint: choice.endpoint,
    markers: choice.markers,
    factors: choice.factors,
    analyses: choice.analyses ?? defaultToggles(ep.type, choice.factors.length),
    params: choice.params ?? defaultParams(ctx, choice.endpoint, choice.markers),
  };
  if (form.analyses.splines && !form.params.splineMarker) form.params = { ...form.params, splineMarker: form.markers[0] };
  checkParams(form, ep.type);
  const cutoffs: Record<string, unknown> = { ...(info.cutoffs as Record<string, unknown>) };
  for (const m of choice.markers) if (!cutoffs[m]) cutoffs[m] = { method: 'median' };
  if (canonical(cutoffs) !== canonical(info.cutoffs)) doc.set('cutoffs', cutoffs);
  const old = ((doc.toJS() ?? {}) as any).analyses ?? {};
  // The spec's analyses the form does not show: as listed when the form was read from this spec (the
  // page keeps that list while the form changes), else as a reading of the YAML finds them.
  const kept = keptIn ? [...keptIn] : formFromSpec(old, ctx).kept;
  const { analyses, replaced } = mergeKept(analysesFromForm(form, ep.type), kept);
  const next = analyses as Record<string, unknown>;
  if (!isMap(doc.get('analyses'))) doc.set('analyses', blockNode(doc, next));
  else {
    for (const k of Object.keys(old)) if (!(k in next)) doc.deleteIn(['analyses', k]);
    for (const [k, v] of Object.entries(next)) if (canonical(old[k]) !== canonical(v)) doc.setIn(['analyses', k], blockNode(doc, v));
  }
  // Flow collections stay on one line as the user wrote them (the default width of 80 breaks them over many lines).
  return { yaml: doc.toString({ lineWidth: 0 }), kept, replaced };
}

/** `value` as a YAML node in block style (what the form writes; the user's own flow-style entries stay as written). */
function blockNode(doc: Document, value: unknown) {
  const node = doc.createNode(value);
  visit(node, {
    Collection(_, n) {
      n.flow = n.items.length === 0; // "by: []"
    },
  });
  return node;
}

/** The spec with cut-offs and the analyses for the choice (writeAnalyses without the report). */
export function specWithAnalyses(yamlText: string, choice: AnalysisChoice, cohort: InspectResult | null = null): string {
  return writeAnalyses(yamlText, choice, cohort).yaml;
}

/** Settings a biostatistician can mistype, refused by name before the server sees them. */
function checkParams(form: AnalysisForm, type: 'survival' | 'binary'): void {
  const on = (k: keyof AnalysisToggles) => form.analyses[k] && APPLIES[type].includes(k);
  const p = form.params;
  const surv = type === 'survival';
  const positive = (x: number) => Number.isFinite(x) && x > 0;
  if ((on('timeRoc') || on('nomogram')) && (!p.horizons.length || !p.horizons.every(positive))) throw new Error(FM.badHorizons());
  if (surv && (on('calibration') || on('validation') || on('decisionCurve')) && !positive(p.horizon)) throw new Error(FM.badHorizon());
  if (on('splines') && !(Number.isInteger(p.knots) && p.knots >= 3 && p.knots <= 7)) throw new Error(FM.badKnots());
  if (on('validation') && !(Number.isInteger(p.bootstrap) && p.bootstrap >= 1 && p.bootstrap <= 100000)) throw new Error(FM.badBootstrap());
  if (on('validation') && !(Number.isInteger(p.seed) && p.seed >= 0)) throw new Error(FM.badSeed());
  if (on('calibration') && !(Number.isInteger(p.calibrationGroups) && p.calibrationGroups >= 2 && p.calibrationGroups <= 50)) throw new Error(FM.badGroups());
  if ((on('nomogram') || on('calibration') || on('validation') || on('decisionCurve')) && !p.modelPredictors.length)
    throw new Error(FM.noModelPredictors());
}

export const canonicalLabel = (v: string): string => (CANONICAL as Record<string, { label: string }>)[v]?.label ?? v;
export const isYamlMap = isMap;
