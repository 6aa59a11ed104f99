/**
 * Cox regression as the seeds report it: every candidate factor alone (univariable), then a
 * multivariable model of those with univariable P below a threshold (hong2021, P < 0.05) or of a
 * declared set; the proportional-hazards check (cox.zph) for every model. Each model is fitted on
 * its own complete cases (n and nDropped per model are in the result).
 */
import { coxph } from '../stats/survival/cox/coxph.js';
import { survivalOrder } from '../stats/survival/cox/survivalOrder.js';
import type { CoxResult, CoxTies } from '../stats/survival/cox/types.js';
import type { Candidate, MultivariableRule } from '../study/types.js';
import { analysisError, SiilabError, usageError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import type { Cutoffs } from './factors.js';
import { candidateName, modelEntry, type ModelEntry } from './modelEntry.js';
import { withJournalTerms } from './termLabels.js';

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
  readonly multivariable: { readonly rule: MultivariableRule; readonly variables: readonly string[]; readonly entries: readonly ModelEntry[]; readonly result: CoxResult } | null;
  /** The declared multivariable rule; null: univariable models only (none was requested). */
  readonly multivariableRule: MultivariableRule | null;
  /** How each candidate entered (split, continuous with its transform and scale, categorical); null when it could not. */
  readonly entries: readonly (ModelEntry | null)[];
  /** The markers' repeated measurements as time-varying covariates, (start, stop] rows as R's tmerge. */
  readonly timeVarying: { readonly markers: readonly string[]; readonly rows: number; readonly result: CoxResult } | null;
  readonly warnings: readonly string[];
}

/** The smallest P over a covariate's terms (a categorical covariate has several). */
function minP(r: CoxResult): number {
  return Math.min(...r.coefficients.map((c) => c.p));
}

export function coxAnalysis(
  ds: AnalysisDataset, id: string, endpoint: string, candidates: readonly Candidate[], cutoffs: Cutoffs,
  rule: MultivariableRule | null = null, ties: CoxTies = 'efron', timeVaryingMarkers: readonly string[] = [],
  timeVaryingPer: Readonly<Record<string, number>> = {},
): CoxAnalysisResult {
  const where = `analyses.cox (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
  const warnings: string[] = [];
  // A declared multivariable variable enters as its candidate entry (same scale as univariable).
  const candidateOf = (v: string): Candidate => candidates.find((c) => candidateName(c) === v) ?? v;
  // one sort of the outcome for every model on it (the models' complete cases differ)
  const timeOrder = survivalOrder(ep.time, ep.event);
  const fit = (vars: readonly Candidate[]): CoxResult => {
    const r = coxph({ time: ep.time, event: ep.event, covariates: vars.map((v) => modelEntry(ds, v, cutoffs, where).covariate), ties, timeOrder });
    return { ...r, coefficients: withJournalTerms(r.coefficients) };
  };
  const entries = candidates.map((c) => {
    try {
      return modelEntry(ds, c, cutoffs, where).entry;
    } catch (e) {
      if (e instanceof SiilabError && e.kind !== 'usage') return null;
      throw e;
    }
  });
  const univariable = candidates.map((cand): UnivariableCox => {
    const v = candidateName(cand);
    try {
      return { variable: v, result: fit([cand]), error: null };
    } catch (e) {
      if (e instanceof SiilabError && e.kind !== 'usage') return { variable: v, result: null, error: e.message };
      throw e;
    }
  });
  const chosen = !rule
    ? []
    : rule.rule === 'declared'
      ? [...rule.variables]
      : univariable.filter((u) => u.result && minP(u.result) < rule.threshold).map((u) => u.variable);
  let multivariable: CoxAnalysisResult['multivariable'] = null;
  if (rule && chosen.length === 0) warnings.push(M.multivariableEmpty(endpoint, rule.rule === 'p-threshold' ? rule.threshold : 0));
  else if (rule) {
    try {
      const cands = chosen.map(candidateOf);
      multivariable = { rule, variables: chosen, entries: cands.map((c) => modelEntry(ds, c, cutoffs, where).entry), result: fit(cands) };
    } catch (e) {
      if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
      warnings.push(M.analysisSkipped('The multivariable Cox model', e.message));
    }
  }
  for (const u of univariable) if (u.error) warnings.push(M.analysisSkipped(`The univariable Cox model of ${u.variable}`, u.error));
  for (const v of candidates) {
    const c = cutoffs.get(candidateName(v));
    if (c?.note && !warnings.includes(c.note)) warnings.push(c.note);
  }
  let timeVarying: CoxAnalysisResult['timeVarying'] = null;
  for (const [m, per] of Object.entries(timeVaryingPer)) {
    if (!timeVaryingMarkers.includes(m)) throw usageError(M.timeVaryingPerUnknown(`${where}.timeVaryingPer`, m));
    if (!(per > 0) || !Number.isFinite(per)) throw usageError(M.badPer(`${where}.timeVaryingPer`, m, per));
  }
  if (timeVaryingMarkers.length) {
    const tv = ds.timeVarying?.get(`${endpoint}:${timeVaryingMarkers.join(',')}`);
    if (!tv) warnings.push(M.analysisSkipped('The time-varying Cox model', `no (start, stop] rows for ${timeVaryingMarkers.join(', ')}`));
    else {
      try {
        const result = coxph({
          start: tv.start, time: tv.stop, event: tv.event, ties,
          covariates: timeVaryingMarkers.map((m) => timeVaryingCovariate(ds.columns.get(m)?.label ?? m, tv.covariates[m], timeVaryingPer[m])),
        });
        timeVarying = { markers: [...timeVaryingMarkers], rows: tv.start.length, result };
      } catch (e) {
        if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
        warnings.push(M.analysisSkipped('The time-varying Cox model', e.message));
      }
    }
  }
  return Object.freeze({ kind: 'cox', id, endpoint, ties, univariable, entries, multivariableRule: rule, multivariable, timeVarying, warnings });
}

/** A time-varying marker's covariate, per N units when asked: "SII (per 100), time-varying". */
function timeVaryingCovariate(label: string, values: Float64Array, per: number | undefined) {
  const scaled = per !== undefined && per !== 1;
  return {
    name: scaled ? `${label} (per ${String(Number(per.toPrecision(4)))}), time-varying` : `${label} (time-varying)`,
    kind: 'numeric' as const,
    values: scaled ? values.map((x) => x / per) : values,
  };
}
