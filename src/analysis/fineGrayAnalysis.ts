/**
 * Fine–Gray regression of the subdistribution hazard of the event of interest of a competing-risks
 * endpoint (as cmprsk::crr, robust SE), with the cause-specific Cox model of each cause beside it
 * (the other cause censored; Efron ties as coxph) — one model of all the declared covariates, each
 * covariate entering as in Cox (a cut-off split, categorical levels, or continuous with its scale).
 * All three models are fitted on the same complete cases (n and nDropped are in the result). The
 * engines are src/stats/competing and src/stats/survival/cox.
 */
import { fineGray } from '../stats/competing/fineGray.js';
import type { FineGrayResult } from '../stats/competing/types.js';
import { coxph } from '../stats/survival/cox/coxph.js';
import type { CoxResult, CoxTies } from '../stats/survival/cox/types.js';
import type { Candidate } from '../study/types.js';
import { analysisError, SiilabError } from '../errors.js';
import { analysisMessages as M, competingMessages } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import type { Cutoffs } from './factors.js';
import { candidateName, modelEntry, type ModelEntry } from './modelEntry.js';
import { withJournalTerms } from './termLabels.js';
import { requireCompetingEvents } from './requireCompetingEvents.js';
import { competingCauses, type CompetingCause } from './competingCauses.js';

export interface CauseSpecificCox {
  /** 1 the event of interest, 2 the competing event. */
  readonly cause: number;
  readonly label: string;
  /** null when it could not be fitted (e.g. no competing event; the reason in `error`). */
  readonly result: CoxResult | null;
  readonly error: string | null;
}

export interface FineGrayAnalysisResult {
  readonly kind: 'fineGray';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string;
  readonly variables: readonly string[];
  readonly entries: readonly ModelEntry[];
  readonly causes: readonly CompetingCause[];
  /** null when the model could not be fitted (reason in `error`). */
  readonly fineGray: FineGrayResult | null;
  readonly error: string | null;
  readonly causeSpecific: readonly CauseSpecificCox[];
  readonly ties: CoxTies;
  readonly warnings: readonly string[];
}

export function fineGrayAnalysis(ds: AnalysisDataset, id: string, endpoint: string, covariates: readonly Candidate[], cutoffs: Cutoffs, ties: CoxTies = 'efron'): FineGrayAnalysisResult {
  const where = `analyses.fineGray (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'competing') throw analysisError(competingMessages.needsCompeting(where, 'fineGray', endpoint, ep.kind));
  requireCompetingEvents(ep, where, endpoint);
  const made = covariates.map((c) => modelEntry(ds, c, cutoffs, where));
  const covs = made.map((m) => m.covariate);
  const causes = competingCauses(ds, ep);
  const warnings: string[] = [];
  const attempt = <T>(what: string, f: () => T): { value: T | null; error: string | null } => {
    try {
      return { value: f(), error: null };
    } catch (e) {
      if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
      warnings.push(M.analysisSkipped(what, e.message));
      return { value: null, error: e.message };
    }
  };
  const fg = attempt('The Fine–Gray model', () => {
    const r = fineGray({ time: ep.time, status: ep.status, cause: 1, covariates: covs, source: { file: where, time: `${endpoint} time`, status: `${endpoint} status` } });
    return { ...r, coefficients: withJournalTerms(r.coefficients) };
  });
  if (fg.value) warnings.push(...fg.value.warnings.map((w) => `Fine–Gray model of ${endpoint}: ${w}`));
  // The cause-specific Cox models on the Fine–Gray model's rows: the same complete cases (a missing status stays missing).
  const causeSpecific = causes.map((c): CauseSpecificCox => {
    const event = ep.status.map((s) => (Number.isNaN(s) ? NaN : s === c.code ? 1 : 0));
    let events = 0;
    for (const s of ep.status) if (s === c.code) events++;
    if (events === 0) return { cause: c.code, label: c.label, result: null, error: competingMessages.noEventsOfCause(c.label) };
    const r = attempt(`The cause-specific Cox model of ${c.label.toLowerCase()}`, () => {
      const fit = coxph({ time: ep.time, event, covariates: covs, ties, skipZph: true });
      return { ...fit, coefficients: withJournalTerms(fit.coefficients) };
    });
    return { cause: c.code, label: c.label, result: r.value, error: r.error };
  });
  for (const v of covariates) {
    const c = cutoffs.get(candidateName(v));
    if (c?.note && !warnings.includes(c.note)) warnings.push(c.note);
  }
  return Object.freeze({
    kind: 'fineGray', id, endpoint, unit: ep.unit, variables: covariates.map(candidateName), entries: made.map((m) => m.entry), causes,
    fineGray: fg.value, error: fg.error, causeSpecific, ties, warnings,
  });
}
