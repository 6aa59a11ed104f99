/**
 * Study-spec editing for the web pages, on the YAML document (comments kept): the column mapping
 * chosen on the Cohort page becomes `variables`/`covariates` (with the SII, NLR and PLR derivations
 * and an overall-survival endpoint when the mapping allows them), and the choices on the Analysis
 * page become `cutoffs` and `analyses`. The server validates the result (field and line named).
 */
import { parseDocument, isMap, type Document } from 'yaml';
import { CANONICAL } from '../../../src/study/canonical.js';
import type { InspectResult } from '../../../src/cohort/inspectTable.js';
import type { CanonicalVariable, ValueType } from '../../../src/study/types.js';

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

const INDEX_NEEDS: Record<string, CanonicalVariable[]> = {
  SII: ['platelets', 'neutrophils', 'lymphocytes'],
  NLR: ['neutrophils', 'lymphocytes'],
  PLR: ['platelets', 'lymphocytes'],
};

/** The spec with the mapping applied (base: the server's first spec for the cohort). */
export function specWithMapping(baseYaml: string, mapping: Mapping, title?: string): string {
  const doc = parseDocument(baseYaml);
  const variables: Record<string, unknown> = {};
  const covariates: Record<string, unknown> = {};
  const mapped = new Set<string>();
  for (const [column, c] of Object.entries(mapping)) {
    if (c.target === '') continue;
    if (c.target === 'covariate') {
      const cat = c.type === 'category' || c.type === 'binary' || c.type === 'text';
      covariates[c.name] = cat ? { column, type: 'category' } : column;
      continue;
    }
    mapped.add(c.target);
    const unit = c.unit ?? (c.target === 'followUpTime' ? 'months' : null);
    variables[c.target] = unit ? { column, unit } : column;
  }
  if (title) doc.set('title', title);
  doc.set('variables', variables);
  if (Object.keys(covariates).length) doc.set('covariates', covariates);
  else doc.delete('covariates');
  // Derivations: keep the aggregate ones the server wrote, redo the per-draw indices.
  const oldDerived = (doc.toJS()?.derived ?? []) as { name: string; index?: string }[];
  const derived: unknown[] = oldDerived.filter((d) => !d.index || (INDEX_NEEDS[d.index]?.every((v) => mapped.has(v)) ?? true));
  for (const idx of ['SII', 'NLR', 'PLR']) {
    if (INDEX_NEEDS[idx].every((v) => mapped.has(v)) && !derived.some((d: any) => d.index === idx) && !(idx === 'NLR' && mapped.has('nlr'))) derived.push({ name: idx, index: idx });
  }
  if (derived.length) doc.set('derived', derived);
  else doc.delete('derived');
  const endpoints = { ...((doc.toJS()?.endpoints ?? {}) as Record<string, unknown>) };
  if (mapped.has('death') && mapped.has('followUpTime')) endpoints.os = { type: 'survival', events: ['death'], time: 'followUpTime' };
  if (Object.keys(endpoints).length) doc.set('endpoints', endpoints);
  return doc.toString();
}

export interface SpecInfo {
  endpoints: { name: string; type: 'survival' | 'binary' }[];
  markers: string[];
  factors: string[];
  cutoffs: Record<string, unknown>;
  title: string;
}

const LAB_MARKERS = ['nlr', 'afp', 'neutrophils', 'lymphocytes', 'platelets', 'monocytes', 'whiteCells', 'albumin', 'bilirubin'];
const NOT_FACTORS = new Set(['patientId', 'treatmentDate', 'baselineDate', 'drawDate', 'lastFollowUpDate', 'recurrenceDate', 'metastasisDate', 'deathDate', 'followUpTime', 'neutrophils', 'lymphocytes', 'platelets', 'monocytes', 'whiteCells', 'neutrophilPercent', 'lymphocytePercent', 'monocytePercent']);

/** What the Analysis page offers: endpoints, markers (derived indices and numeric lab values) and factors. */
export function specInfo(yamlText: string): SpecInfo {
  const doc = parseDocument(yamlText);
  if (doc.errors.length) throw new Error(doc.errors[0].message);
  const s = (doc.toJS() ?? {}) as any;
  const endpoints = Object.entries(s.endpoints ?? {}).map(([name, e]: [string, any]) => ({ name, type: e?.type === 'binary' ? 'binary' as const : 'survival' as const }));
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
  return { endpoints, markers, factors, cutoffs: s.cutoffs ?? {}, title: s.title ?? '' };
}

export interface AnalysisChoice {
  endpoint: string;
  markers: string[];
  factors: string[];
}

/** The spec with cut-offs (median unless already set) and the analyses for the choice. */
export function specWithAnalyses(yamlText: string, choice: AnalysisChoice): string {
  const doc: Document = parseDocument(yamlText);
  const info = specInfo(yamlText);
  const ep = info.endpoints.find((e) => e.name === choice.endpoint);
  if (!ep) throw new Error(`Choose an endpoint (the spec defines ${info.endpoints.map((e) => e.name).join(', ') || 'none'}).`);
  if (!choice.markers.length) throw new Error('Choose at least one marker.');
  const cutoffs: Record<string, unknown> = { ...(info.cutoffs as Record<string, unknown>) };
  for (const m of choice.markers) if (!cutoffs[m]) cutoffs[m] = { method: 'median' };
  doc.set('cutoffs', cutoffs);
  const analyses: Record<string, unknown> = {};
  if (choice.factors.length) analyses.baselineTable = { groupBy: choice.markers[0], variables: choice.factors };
  if (ep.type === 'binary') {
    analyses.roc = [{ endpoint: ep.name, markers: choice.markers }];
    analyses.logistic = [{ endpoint: ep.name, candidates: [...choice.markers, ...choice.factors], multivariable: { rule: 'p-threshold', threshold: 0.05 } }];
  } else {
    analyses.cox = [{ endpoint: ep.name, candidates: [...choice.markers, ...choice.factors], multivariable: { rule: 'p-threshold', threshold: 0.05 } }];
    analyses.km = [{ endpoint: ep.name, by: [] }, ...choice.markers.map((m) => ({ endpoint: ep.name, by: [m] }))];
    analyses.maxstat = [{ endpoint: ep.name, markers: choice.markers }];
  }
  doc.set('analyses', analyses);
  return doc.toString();
}

export const canonicalLabel = (v: string): string => (CANONICAL as Record<string, { label: string }>)[v]?.label ?? v;
export const isYamlMap = isMap;
