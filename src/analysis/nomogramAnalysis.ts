/**
 * A nomogram (study spec `analyses.nomogram`; Iasonos et al. 2008; Harrell 2015, §10.10): the
 * multivariable Cox model of the predictors for a survival endpoint (complete cases), drawn on
 * rms's convention — points per predictor value (the widest predictor gets 100), total points,
 * linear predictor and predicted survival at each horizon (default 1, 3 and 5 years) from the
 * baseline survival (src/stats/nomogram/nomogramFromCox.ts). A predictor with a cut-off enters as its
 * split (two labelled values), a categorical one as its levels, a numeric one continuously.
 */
import { analysisError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { Candidate } from '../study/types.js';
import { coxph } from '../stats/survival/cox/coxph.js';
import type { CoxCovariateInput } from '../stats/survival/cox/types.js';
import { nomogramFromCox, type NomogramPredictorRequest } from '../stats/nomogram/nomogramFromCox.js';
import type { Nomogram } from '../stats/nomogram/nomogram.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import { modelEntry, type Cutoffs, type ModelEntry } from './modelEntry.js';
import { sideLabel } from './cutoffs.js';
import { gather } from '../stats/gather.js';

export interface NomogramAnalysisResult {
  readonly kind: 'nomogram';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string;
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  readonly horizons: readonly number[];
  readonly coefficients: readonly { readonly term: string; readonly hr: number; readonly lower: number | null; readonly upper: number | null; readonly p: number }[];
  readonly concordance: number | null;
  readonly nomogram: Nomogram;
  /** Display label of each predictor value (same order as nomogram.predictors[k].values). */
  readonly valueLabels: readonly (readonly string[])[];
  /**
   * How each predictor's raw value enters the model (same order as nomogram.predictors): its cut-off
   * split, or transform, offset and scale — so a patient's own values can be scored (nomogramPatient.ts).
   */
  readonly entries: readonly ModelEntry[];
  readonly warnings: readonly string[];
}

const fmt = (v: number | string) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : v);

export function nomogramAnalysis(ds: AnalysisDataset, id: string, endpoint: string, predictors: readonly Candidate[], horizons: readonly number[], cutoffs: Cutoffs): NomogramAnalysisResult {
  const where = `analyses.nomogram (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
  const entries = predictors.map((c) => modelEntry(ds, c, cutoffs, where));
  const rows: number[] = [];
  for (let i = 0; i < ds.n; i++)
    if (Number.isFinite(ep.time[i]) && Number.isFinite(ep.event[i]) && entries.every(({ covariate: c }) => (c.kind === 'categorical' ? c.values[i] !== null : Number.isFinite(c.values[i]))))
      rows.push(i);
  if (rows.length < 3) throw analysisError(M.tooFewComplete(where, rows.length));
  const covariates: CoxCovariateInput[] = entries.map(({ covariate: c }) =>
    c.kind === 'categorical' ? { ...c, values: rows.map((i) => c.values[i]) } : { ...c, kind: 'numeric', values: gather(c.values as Float64Array, rows) },
  );
  const fit = coxph({ time: gather(ep.time, rows), event: gather(ep.event, rows), covariates, skipZph: true });
  const requests: NomogramPredictorRequest[] = entries.map(({ entry, covariate }) =>
    entry.kind === 'split'
      ? { covariate: covariate.name, values: [0, 1], label: ds.columns.get(entry.variable)?.label ?? entry.variable }
      : { covariate: covariate.name, label: covariate.name },
  );
  const nomo = nomogramFromCox(fit, covariates, requests, horizons);
  const valueLabels = nomo.predictors.map((p, k) => {
    const { entry } = entries[k];
    if (entry.kind === 'split') {
      const cut = cutoffs.get(entry.variable)!;
      const label = ds.columns.get(entry.variable)?.label ?? entry.variable;
      return [sideLabel(label, cut, false), sideLabel(label, cut, true)];
    }
    return p.values.map(fmt);
  });
  return Object.freeze({
    kind: 'nomogram',
    id,
    endpoint,
    unit: ep.unit,
    n: fit.n,
    nDropped: ds.n - rows.length,
    events: fit.events,
    horizons: [...horizons],
    coefficients: fit.coefficients.map((c) => ({ term: c.term, hr: c.hr, lower: c.lower, upper: c.upper, p: c.p })),
    concordance: fit.concordance.c,
    nomogram: nomo,
    valueLabels,
    entries: entries.map(({ entry }) => Object.freeze({ ...entry })),
    warnings: [...fit.warnings],
  });
}
