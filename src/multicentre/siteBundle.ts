/**
 * A site bundle: what one centre shares for a multi-centre analysis, built from its own study
 * results — aggregates only, never a patient row:
 * - Kaplan–Meier analyses: per group, the per-time counts (distinct time, events, censored) from
 *   which the risk sets follow (n at risk = group n − earlier events and censorings); the pooled
 *   Kaplan–Meier and the site-stratified log-rank test are exact functions of these counts;
 * - Cox and logistic models: per model, the coefficients, their covariance matrix, n and events;
 * - the cut-offs the site used.
 * Small cells: a group with fewer than `minCell` patients is withheld, and a group's counts stop at
 * the last time at which at least `minCell` patients are still at risk (the number then at risk
 * is shared as `remaining`, the times after it are not). `minCell` 1 shares every count (exact
 * pooling over the whole follow-up); the bundle says what was withheld.
 * A spec hash (the study file without its data sources and title) lets `siilab pool` refuse
 * bundles of different studies; the siilab version refuses bundles of different versions.
 *
 * @example
 * const b = siteBundle(results, bundle, { site: 'A', minCell: 5 });
 * b.km[0].groups[0].counts.time // distinct times, up to the last with ≥ 5 at risk
 */
import { createHash } from 'node:crypto';
import type { ResultsBundle } from '../analysis/bundle.js';
import type { StudyResults } from '../analysis/runAnalyses.js';
import { VERSION } from '../version.js';

export const SITE_BUNDLE_FORMAT = 'siilab-site-bundle';
export const SITE_BUNDLE_VERSION = 1;

export interface SiteKmGroup {
  readonly group: string;
  /** Patients in the group (null when withheld). */
  readonly n: number | null;
  readonly withheld: boolean;
  /** Distinct times with their event and censoring counts, up to the horizon. */
  readonly counts: { readonly time: number[]; readonly events: number[]; readonly censored: number[] } | null;
  /** Patients still in follow-up after the last shared time (their times are withheld), 0 when all are shared. */
  readonly remaining: number;
  /** Last shared time when later counts were withheld, else null. */
  readonly horizon: number | null;
}

export interface SiteModel {
  readonly model: string;
  readonly variables: readonly string[];
  readonly n: number;
  readonly events: number;
  readonly terms: readonly string[];
  readonly coef: readonly number[];
  readonly se: readonly number[];
  /** Covariance matrix of the coefficients (Cox); null when only the SEs are kept (logistic). */
  readonly variance: readonly (readonly number[])[] | null;
}

export interface SiteBundle {
  readonly format: typeof SITE_BUNDLE_FORMAT;
  readonly formatVersion: number;
  readonly siilabVersion: string;
  readonly site: string;
  readonly specHash: string;
  readonly title: string;
  readonly minCell: number;
  readonly analysed: number;
  readonly cutoffs: readonly { readonly variable: string; readonly method: string; readonly value: number; readonly direction: string }[];
  readonly km: readonly { readonly id: string; readonly endpoint: string; readonly unit: string; readonly by: readonly string[]; readonly groups: readonly SiteKmGroup[] }[];
  readonly cox: readonly { readonly id: string; readonly endpoint: string; readonly ties: string; readonly models: readonly SiteModel[] }[];
  readonly logistic: readonly { readonly id: string; readonly endpoint: string; readonly models: readonly SiteModel[] }[];
  readonly withheld: readonly string[];
}

/** SHA-256 of the spec without what differs between sites (data sources, title). */
export function specHash(spec: ResultsBundle['spec']): string {
  const { sources: _s, title: _t, ...rest } = spec as unknown as Record<string, unknown>;
  void _s;
  void _t;
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canon(rest))).digest('hex');
}

export function siteBundle(results: StudyResults, bundle: ResultsBundle, opts: { site: string; minCell: number }): SiteBundle {
  const { minCell } = opts;
  const withheld: string[] = [];
  const km: SiteBundle['km'][number][] = [];
  const cox: SiteBundle['cox'][number][] = [];
  const logistic: SiteBundle['logistic'][number][] = [];
  for (const a of results.analyses) {
    if (a.kind === 'km') {
      const groups: SiteKmGroup[] = a.km.groups.map((g) => {
        if (g.n < minCell) {
          withheld.push(`${a.id}: group '${g.group}' has fewer than ${minCell} patients; its counts are withheld.`);
          return { group: g.group, n: null, withheld: true, counts: null, remaining: 0, horizon: null };
        }
        const t = g.table;
        const time: number[] = [], events: number[] = [], censored: number[] = [];
        let last = -1;
        for (let i = 0; i < t.time.length; i++) {
          if (t.nRisk[i] < minCell) break;
          time.push(t.time[i]);
          events.push(t.nEvent[i]);
          censored.push(t.nCensor[i]);
          last = i;
        }
        const remaining = last + 1 < t.time.length ? t.nRisk[last + 1] : 0;
        if (remaining > 0) withheld.push(`${a.id}: group '${g.group}': counts after time ${time[time.length - 1]} withheld (fewer than ${minCell} at risk; ${remaining} patients' later times not shared).`);
        return { group: g.group, n: g.n, withheld: false, counts: { time, events, censored }, remaining, horizon: remaining > 0 ? time[time.length - 1] ?? 0 : null };
      });
      km.push({ id: a.id, endpoint: a.endpoint, unit: a.unit, by: a.by, groups });
    } else if (a.kind === 'cox') {
      const models: SiteModel[] = [];
      const add = (name: string, vars: readonly string[], r: NonNullable<(typeof a.univariable)[number]['result']>) =>
        models.push({ model: name, variables: [...vars], n: r.n, events: r.events, terms: r.coefficients.map((c) => c.term), coef: r.coefficients.map((c) => c.coef), se: r.coefficients.map((c) => c.se), variance: r.variance.map((row) => [...row]) });
      for (const u of a.univariable) if (u.result) add(`univariable: ${u.variable}`, [u.variable], u.result);
      if (a.multivariable) add('multivariable', a.multivariable.variables, a.multivariable.result);
      cox.push({ id: a.id, endpoint: a.endpoint, ties: a.ties, models });
    } else if (a.kind === 'logistic') {
      const models: SiteModel[] = [];
      const add = (name: string, m: NonNullable<(typeof a.univariable)[number]['model']>) => {
        const terms = m.terms.filter((t) => t.covariate !== null);
        models.push({ model: name, variables: [...m.variables], n: m.n, events: m.events, terms: terms.map((t) => t.term), coef: terms.map((t) => t.coef), se: terms.map((t) => t.se), variance: null });
      };
      for (const u of a.univariable) if (u.model) add(`univariable: ${u.variable}`, u.model);
      if (a.multivariable) add('multivariable', a.multivariable.model);
      logistic.push({ id: a.id, endpoint: a.endpoint, models });
    }
  }
  return {
    format: SITE_BUNDLE_FORMAT,
    formatVersion: SITE_BUNDLE_VERSION,
    siilabVersion: VERSION,
    site: opts.site,
    specHash: specHash(bundle.spec),
    title: bundle.title,
    minCell,
    analysed: bundle.flow.analysed,
    cutoffs: results.cutoffs.map((c) => ({ variable: c.variable, method: c.method, value: c.value, direction: c.direction })),
    km,
    cox,
    logistic,
    withheld,
  };
}
