/**
 * Pools site bundles (siteBundle.ts) without patient rows:
 * - Kaplan–Meier per group over all sites and the log-rank test stratified by site (and the
 *   unstratified one): the per-time counts are exact sufficient statistics, so the estimates are
 *   computed from the counts by the same engines as on rows (survfit(Surv ~ group) and
 *   survdiff(Surv ~ group + strata(site)) on the pooled rows). Where a site withheld the tail of a
 *   group (fewer than its minimum at risk), its remaining patients count as censored at its last
 *   shared time: the pooled curve is exact up to the earliest such time (`exactUntil`), and the
 *   log-rank test compares the groups over the shared follow-up;
 * - Cox and logistic coefficients: per term, inverse-variance fixed-effect and random-effects
 *   (REML) meta-analysis of the site estimates (metafor rma), and for Cox models with their full
 *   covariance the multivariate fixed-effect (GLS) pool β = (Σ Vₛ⁻¹)⁻¹ Σ Vₛ⁻¹ βₛ.
 * Bundles of different studies (spec hash), formats or siilab versions are refused.
 *
 * @example
 * const p = poolSites([a, b, c]); p.km[0].logrankStratified.chisq // = survdiff(... + strata(site))$chisq
 */
import { analysisError, dataError } from '../errors.js';
import { metaMessages as M } from '../messages/meta.js';
import { kaplanMeier } from '../stats/survival/kaplanMeier.js';
import { logRank } from '../stats/survival/logRank.js';
import type { KaplanMeierResult, LogRankResult } from '../stats/survival/types.js';
import { fitMetaModel } from '../stats/meta/fitMetaModel.js';
import type { MetaFit } from '../stats/meta/types.js';
import { cholesky } from '../stats/linalg/cholesky.js';
import { choleskyInverse } from '../stats/linalg/choleskyInverse.js';
import { SITE_BUNDLE_FORMAT, SITE_BUNDLE_VERSION, type SiteBundle } from './siteBundle.js';

export interface PooledKm {
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string;
  readonly by: readonly string[];
  readonly km: KaplanMeierResult;
  readonly logrankStratified: LogRankResult | null;
  readonly logrank: LogRankResult | null;
  /** Exact up to this time (a site withheld later counts), or null: exact over the whole follow-up. */
  readonly exactUntil: number | null;
  /** Sites and groups that contributed (n per site and group). */
  readonly contributions: readonly { readonly site: string; readonly group: string; readonly n: number | null; readonly withheld: boolean }[];
}

export interface PooledTerm {
  readonly term: string;
  readonly sites: readonly { readonly site: string; readonly coef: number; readonly se: number }[];
  readonly fixed: MetaFit;
  readonly random: MetaFit;
}

export interface PooledModel {
  readonly analysis: string;
  readonly kind: 'cox' | 'logistic';
  readonly endpoint: string;
  readonly model: string;
  readonly n: number;
  readonly events: number;
  readonly terms: readonly PooledTerm[];
  /** Multivariate fixed-effect (GLS) pool of the coefficient vectors (Cox, with covariance). */
  readonly gls: { readonly coef: readonly number[]; readonly se: readonly number[] } | null;
}

export interface PooledSites {
  /** The first bundle's study title (each centre may name its copy differently). */
  readonly title: string;
  readonly specHash: string;
  readonly siilabVersion: string;
  readonly sites: readonly { readonly site: string; readonly analysed: number; readonly minCell: number; readonly withheld: readonly string[] }[];
  readonly km: readonly PooledKm[];
  readonly models: readonly PooledModel[];
  readonly warnings: readonly string[];
}

/** Refuses bundles that are not site bundles, of another format or siilab version, or of another study. */
export function checkBundles(bundles: readonly { file: string; bundle: SiteBundle }[]): void {
  if (bundles.length < 2) throw analysisError(M.poolNeedsTwo(bundles.length));
  for (const { file, bundle } of bundles) {
    if (!bundle || bundle.format !== SITE_BUNDLE_FORMAT) throw dataError(M.notSiteBundle(file));
    if (bundle.formatVersion !== SITE_BUNDLE_VERSION) throw dataError(M.bundleFormatVersion(file, bundle.formatVersion, SITE_BUNDLE_VERSION));
  }
  const [first] = bundles;
  for (const { file, bundle } of bundles.slice(1)) {
    if (bundle.siilabVersion !== first.bundle.siilabVersion) throw dataError(M.bundleVersionsDiffer(first.file, first.bundle.siilabVersion, file, bundle.siilabVersion));
    if (bundle.specHash !== first.bundle.specHash) throw dataError(M.bundleSpecsDiffer(first.file, file, first.bundle.specHash, bundle.specHash));
  }
  const names = new Map<string, string>();
  for (const { file, bundle } of bundles) {
    const prev = names.get(bundle.site);
    if (prev) throw dataError(M.bundleSiteTwice(bundle.site, prev, file));
    names.set(bundle.site, file);
  }
}

export function poolSites(bundles: readonly SiteBundle[]): PooledSites {
  const warnings: string[] = [];
  const km: PooledKm[] = [];
  for (const a of bundles[0].km) {
    const time: number[] = [], event: number[] = [], group: string[] = [], site: string[] = [];
    const contributions: PooledKm['contributions'][number][] = [];
    let exactUntil: number | null = null;
    for (const b of bundles) {
      const sa = b.km.find((x) => x.id === a.id);
      if (!sa) continue;
      for (const g of sa.groups) {
        contributions.push({ site: b.site, group: g.group, n: g.n, withheld: g.withheld });
        if (!g.counts) continue;
        const c = g.counts;
        for (let i = 0; i < c.time.length; i++) {
          for (let k = 0; k < c.events[i]; k++) { time.push(c.time[i]); event.push(1); group.push(g.group); site.push(b.site); }
          for (let k = 0; k < c.censored[i]; k++) { time.push(c.time[i]); event.push(0); group.push(g.group); site.push(b.site); }
        }
        if (g.remaining > 0 && g.horizon !== null) {
          for (let k = 0; k < g.remaining; k++) { time.push(g.horizon); event.push(0); group.push(g.group); site.push(b.site); }
          exactUntil = exactUntil === null ? g.horizon : Math.min(exactUntil, g.horizon);
        }
      }
    }
    if (time.length === 0) continue;
    const grouped = a.by.length > 0;
    const kmr = kaplanMeier(time, event, { group: grouped ? group : null, groupName: a.by.join(' × ') });
    const levels = new Set(group);
    const lrS = grouped && levels.size >= 2 ? logRank(time, event, group, { strata: site, groupName: a.by.join(' × ') }) : null;
    const lr = grouped && levels.size >= 2 ? logRank(time, event, group, { groupName: a.by.join(' × ') }) : null;
    if (exactUntil !== null) warnings.push(M.poolTruncated(a.id, exactUntil));
    km.push({ id: a.id, endpoint: a.endpoint, unit: a.unit, by: a.by, km: kmr, logrankStratified: lrS, logrank: lr, exactUntil, contributions });
  }
  const models: PooledModel[] = [];
  const poolModels = (kind: 'cox' | 'logistic') => {
    const list = kind === 'cox' ? bundles[0].cox : bundles[0].logistic;
    for (const a of list) {
      for (const m of a.models) {
        const per = bundles.map((b) => ({ site: b.site, m: (kind === 'cox' ? b.cox : b.logistic).find((x) => x.id === a.id)?.models.find((x) => x.model === m.model) ?? null }));
        const missing = per.filter((p) => !p.m).map((p) => p.site);
        if (missing.length) {
          warnings.push(M.poolModelMissing(a.id, m.model, missing));
          continue;
        }
        const terms: PooledTerm[] = [];
        for (const term of m.terms) {
          const sites = per.map((p) => {
            const k = p.m!.terms.indexOf(term);
            return { site: p.site, coef: k >= 0 ? p.m!.coef[k] : NaN, se: k >= 0 ? p.m!.se[k] : NaN };
          });
          if (sites.some((s) => !Number.isFinite(s.coef) || !(s.se > 0))) {
            warnings.push(M.poolTermMissing(a.id, m.model, term));
            continue;
          }
          const yi = Float64Array.from(sites, (s) => s.coef);
          const vi = Float64Array.from(sites, (s) => s.se * s.se);
          const fixed = fitMetaModel(yi, vi, null, { method: 'FE', test: 'z' });
          const random = fitMetaModel(yi, vi, null, { method: 'REML', test: 'z' });
          if (fixed && random) terms.push({ term, sites, fixed, random });
        }
        let gls: PooledModel['gls'] = null;
        const p = m.terms.length;
        if (kind === 'cox' && per.every((x) => x.m!.variance && x.m!.terms.join('\u0000') === m.terms.join('\u0000'))) {
          const W = new Float64Array(p * p);
          const Wb = new Float64Array(p);
          let ok = true;
          for (const x of per) {
            const V = Float64Array.from(x.m!.variance!.flat());
            const f = cholesky(V, p);
            if (f.rank < p) { ok = false; break; }
            const Vi = choleskyInverse(f);
            for (let r = 0; r < p; r++) {
              for (let c = 0; c < p; c++) {
                W[r * p + c] += Vi[r * p + c];
                Wb[r] += Vi[r * p + c] * x.m!.coef[c];
              }
            }
          }
          if (ok) {
            const f = cholesky(W, p);
            if (f.rank === p) {
              const Winv = choleskyInverse(f);
              const coef = Array.from({ length: p }, (_, r) => { let s = 0; for (let c = 0; c < p; c++) s += Winv[r * p + c] * Wb[c]; return s; });
              gls = { coef, se: Array.from({ length: p }, (_, r) => Math.sqrt(Winv[r * p + r])) };
            }
          }
        }
        models.push({ analysis: a.id, kind, endpoint: a.endpoint, model: m.model, n: per.reduce((s, x) => s + x.m!.n, 0), events: per.reduce((s, x) => s + x.m!.events, 0), terms, gls });
      }
    }
  };
  poolModels('cox');
  poolModels('logistic');
  const cuts = new Map<string, Set<number>>();
  for (const b of bundles) for (const c of b.cutoffs) cuts.set(c.variable, (cuts.get(c.variable) ?? new Set()).add(c.value));
  for (const [v, s] of cuts) if (s.size > 1) warnings.push(M.poolCutoffsDiffer(v, [...s]));
  return {
    title: bundles[0].title,
    specHash: bundles[0].specHash,
    siilabVersion: bundles[0].siilabVersion,
    sites: bundles.map((b) => ({ site: b.site, analysed: b.analysed, minCell: b.minCell, withheld: b.withheld })),
    km,
    models,
    warnings,
  };
}
