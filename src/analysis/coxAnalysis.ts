/**
 * Cox regression as the seeds report it: every candidate factor alone (univariable), then a
 * multivariable model of those with univariable P below a threshold (hong2021, P < 0.05) or of a
 * declared set; the proportional-hazards check (cox.zph) for every model. Each model is fitted on
 * its own complete cases (n and nDropped per model are in the result).
 */
import { coxph } from '../stats/survival/cox/coxph.js';
import type { CoxResult, CoxTies } from '../stats/survival/cox/types.js';
import type { MultivariableRule } from '../study/types.js';
import { analysisError, SiilabError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import { covariateOf, type Cutoffs } from './factors.js';

export interface UnivariableCox {
  readonly variable: string;
  /** null when the model could not be fitted (reason in `error`). */
  readonly result: CoxResult | null;
  readonly error: string | null;
}

export interface CoxAnalysisResult {
  readonly kind: 'cox';
  readonly id: string;
  readonly endpoint: string;
  readonly ties: CoxTies;
  readonly univariable: readonly UnivariableCox[];
  readonly multivariable: { readonly rule: MultivariableRule; readonly variables: readonly string[]; readonly result: CoxResult } | null;
  /** The markers' repeated measurements as time-varying covariates, (start, stop] rows as R's tmerge. */
  readonly timeVarying: { readonly markers: readonly string[]; readonly rows: number; readonly result: CoxResult } | null;
  readonly warnings: readonly string[];
}

/** The smallest P over a covariate's terms (a categorical covariate has several). */
function minP(r: CoxResult): number {
  return Math.min(...r.coefficients.map((c) => c.p));
}

export function coxAnalysis(
  ds: AnalysisDataset, id: string, endpoint: string, candidates: readonly string[], cutoffs: Cutoffs,
  rule: MultivariableRule = { rule: 'p-threshold', threshold: 0.05 }, ties: CoxTies = 'efron', timeVaryingMarkers: readonly string[] = [],
): CoxAnalysisResult {
  const where = `analyses.cox (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
  const warnings: string[] = [];
  const fit = (vars: readonly string[]) =>
    coxph({ time: ep.time, event: ep.event, covariates: vars.map((v) => covariateOf(ds, v, cutoffs, where)), ties });
  const univariable = candidates.map((v): UnivariableCox => {
    try {
      return { variable: v, result: fit([v]), error: null };
    } catch (e) {
      if (e instanceof SiilabError && e.kind !== 'usage') return { variable: v, result: null, error: e.message };
      throw e;
    }
  });
  const chosen =
    rule.rule === 'declared'
      ? [...rule.variables]
      : univariable.filter((u) => u.result && minP(u.result) < rule.threshold).map((u) => u.variable);
  let multivariable: CoxAnalysisResult['multivariable'] = null;
  if (chosen.length === 0) warnings.push(M.multivariableEmpty(endpoint, rule.rule === 'p-threshold' ? rule.threshold : 0));
  else {
    try {
      multivariable = { rule, variables: chosen, result: fit(chosen) };
    } catch (e) {
      if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
      warnings.push(M.analysisSkipped('The multivariable Cox model', e.message));
    }
  }
  for (const u of univariable) if (u.error) warnings.push(M.analysisSkipped(`The univariable Cox model of ${u.variable}`, u.error));
  for (const v of candidates) {
    const c = cutoffs.get(v);
    if (c?.note && !warnings.includes(c.note)) warnings.push(c.note);
  }
  let timeVarying: CoxAnalysisResult['timeVarying'] = null;
  if (timeVaryingMarkers.length) {
    const tv = ds.timeVarying?.get(`${endpoint}:${timeVaryingMarkers.join(',')}`);
    if (!tv) warnings.push(M.analysisSkipped('The time-varying Cox model', `no (start, stop] rows for ${timeVaryingMarkers.join(', ')}`));
    else {
      try {
        const result = coxph({
          start: tv.start, time: tv.stop, event: tv.event, ties,
          covariates: timeVaryingMarkers.map((m) => ({ name: `${ds.columns.get(m)?.label ?? m} (time-varying)`, kind: 'numeric' as const, values: tv.covariates[m] })),
        });
        timeVarying = { markers: [...timeVaryingMarkers], rows: tv.start.length, result };
      } catch (e) {
        if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
        warnings.push(M.analysisSkipped('The time-varying Cox model', e.message));
      }
    }
  }
  return Object.freeze({ kind: 'cox', id, endpoint, ties, univariable, multivariable, timeVarying, warnings });
}
