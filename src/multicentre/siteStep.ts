/**
 * One centre's answer in a distributed Newton–Raphson round (`siilab site-step`): for a Cox
 * analysis's multivariable model of the study, the log partial likelihood, score vector and
 * information matrix at the β the coordinator proposed, computed on the centre's own rows. Nothing
 * else leaves the centre: p + p² + 1 numbers and the model's n and events.
 */
import { loadStudy } from '../cohort/loadStudy.js';
import { fromCohortDataset } from '../analysis/fromCohortDataset.js';
import { runAnalyses } from '../analysis/runAnalyses.js';
import { endpointOf } from '../analysis/columns.js';
import { candidateName, modelEntry } from '../analysis/modelEntry.js';
import { analysisError } from '../errors.js';
import { metaMessages as M } from '../messages/meta.js';
import { VERSION } from '../version.js';
import { coxScoreAt, type CoxScore } from './coxScoreAt.js';
import { specHash } from './siteBundle.js';

export const SITE_STEP_FORMAT = 'siilab-site-step';

export interface SiteStep extends CoxScore {
  readonly format: typeof SITE_STEP_FORMAT;
  readonly siilabVersion: string;
  readonly site: string;
  readonly specHash: string;
  readonly analysis: string;
  readonly beta: readonly number[];
}

export async function siteStep(specPath: string, site: string, analysis: string, beta: readonly number[]): Promise<SiteStep> {
  const load = await loadStudy(specPath);
  const ds = fromCohortDataset(load.dataset, load.labels);
  const coxSpecs = load.spec.analyses?.cox ?? [];
  const k = coxSpecs.findIndex((_, i) => `cox-${i + 1}` === analysis);
  if (k < 0) throw analysisError(M.stepNoAnalysis(analysis, coxSpecs.map((_, i) => `cox-${i + 1}`)));
  const c = coxSpecs[k];
  const results = runAnalyses(ds, {}, load.spec.cutoffs ?? {}, {});
  const cutoffs = new Map(results.cutoffs.map((x) => [x.variable, x]));
  const where = `analyses.cox (${analysis})`;
  const vars = c.multivariable?.rule === 'declared' ? c.multivariable.variables : null;
  if (!vars) throw analysisError(M.stepNeedsDeclared(analysis));
  const ep = endpointOf(ds, c.endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.stepNeedsDeclared(analysis));
  const candidates = vars.map((v) => c.candidates.find((x) => candidateName(x) === v) ?? v);
  const covariates = candidates.map((v) => modelEntry(ds, v, cutoffs, where).covariate);
  const r = coxScoreAt({ time: ep.time, event: ep.event, covariates, ties: 'efron' }, beta);
  if (beta.length !== r.terms.length) throw analysisError(M.stepBetaLength(analysis, r.terms, beta.length));
  return { format: SITE_STEP_FORMAT, siilabVersion: VERSION, site, specHash: specHash(load.spec as never), analysis, beta: [...beta], ...r };
}
