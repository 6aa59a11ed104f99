/**
 * The names a study file defines (mapped canonical variables, covariates, derived variables,
 * endpoints, sources) and what kind each is, for reference checks and for building the dataset.
 *
 * @example
 * specNames(spec).variables.has('platelets') // true when 'platelets' is mapped
 */
import type { ColumnMapping, StudySpec, ValueType } from './types.js';
import { CANONICAL } from './canonical.js';

export interface SpecNames {
  /** Every variable name usable in derivations, endpoints and analyses, with its value type. */
  variables: Map<string, ValueType>;
  /** Date variables. */
  dates: Set<string>;
  endpoints: string[];
  sources: string[];
}

/** A mapping written as a bare column name becomes `{ column }`. */
export function asMapping(m: string | ColumnMapping): ColumnMapping {
  return typeof m === 'string' ? { column: m } : m;
}

export function sourceIds(spec: StudySpec): string[] {
  return spec.sources.map((s, i) => s.id ?? (i === 0 ? 'main' : `source${i + 1}`));
}

export function specNames(spec: StudySpec): SpecNames {
  const variables = new Map<string, ValueType>();
  for (const [name, m] of Object.entries(spec.variables)) {
    if (m === undefined) continue;
    const t = asMapping(m).type ?? CANONICAL[name as keyof typeof CANONICAL]?.type ?? 'number';
    variables.set(name, t);
  }
  for (const [name, m] of Object.entries(spec.covariates ?? {})) variables.set(name, asMapping(m).type ?? 'number');
  for (const d of spec.derived ?? []) {
    if ('threshold' in d) variables.set(d.name, 'binary');
    else variables.set(d.name, 'number');
  }
  const dates = new Set([...variables].filter(([, t]) => t === 'date').map(([n]) => n));
  return { variables, dates, endpoints: Object.keys(spec.endpoints ?? {}), sources: sourceIds(spec) };
}
