/**
 * Check `calibration`: a published logistic model's intercept and coefficients against the event
 * rate it was fitted to (calibration-in-the-large). A logistic model fitted by maximum likelihood
 * with an intercept reproduces its cohort's event rate exactly: the mean predicted probability
 * equals the observed proportion of events (the score equation of the intercept). So the printed
 * intercept and coefficients, applied to a cohort whose covariates follow the printed distributions,
 * must give about the printed event rate.
 *
 * Two comparisons:
 * 1. Bound (rigorous; all covariates 0/1): every predicted probability lies between
 *    expit(β0 + Σ min(0, βk)) and expit(β0 + Σ max(0, βk)) (over the rounding of every β), so their
 *    mean does too, whatever the joint distribution of the covariates. An event rate outside → error.
 * 2. Approximation: the covariates are taken as independent within each outcome group, with the
 *    printed distribution in that group (0/1 covariates from counts, from a threshold on a normal
 *    mean ± SD, or from a ROC cutoff's sensitivity / 1 − specificity; continuous covariates normal);
 *    the mean predicted probability is averaged over both groups weighted by their sizes. A result more
 *    than 0.05 from the event rate and outside 0.8–1.25 times it → warning (the independence
 *    assumption can shift the mean somewhat, rarely this much).
 * If the numbers fail with 0/1 coding, the same is tried with every 0/1 factor coded 1/2 (the
 * intercept shifted by Σβ): when that reconciles them, the finding is a warning saying so.
 * Only logistic models with a printed intercept, `eventGroup`, `nonEventGroup` and a covariate
 * distribution for every term are evaluated.
 *
 * @example
 * // 50 events, 50 without; x = 1 in 30 and 10: intercept −0.693, β 1.792 → mean predicted 0.500 = event rate;
 * // intercept −5.000 → error (every predicted risk lies in 0.67%–3.9%, event rate 50%).
 */
import { pnorm } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { num } from '../format.js';
import { type Check, type IndexedPaper, Tally, where } from '../findings.js';
import { parsePrinted } from '../printed.js';
import type { CovariateDistribution, Model } from '../types.js';
import { asFraction } from './sensSpec.js';

const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** A covariate's distribution in one group: a 0/1 proportion or a normal mean and SD. */
type Dist = { kind: 'binary'; p: number } | { kind: 'normal'; mean: number; sd: number };

/** The distribution of a covariate in group `g`, or null when the paper does not give it. */
export function covariateIn(paper: IndexedPaper, cov: CovariateDistribution, g: string): Dist | null {
  const n = paper.groups.get(g)?.n;
  switch (cov.kind) {
    case 'binary-counts': {
      const c = cov.counts[g];
      return c === undefined || !n ? null : { kind: 'binary', p: c / n };
    }
    case 'binary-proportions': {
      const v = cov.proportions[g] === undefined ? null : parsePrinted(cov.proportions[g]);
      return v ? { kind: 'binary', p: v.value } : null;
    }
    case 'threshold': {
      const row = paper.continuousByVariable.get(cov.variable);
      const s = row?.summaries[g];
      const m = s ? parsePrinted(s.mean) : null, sd = s ? parsePrinted(s.sd) : null, c = parsePrinted(cov.threshold);
      if (!m || !sd || !c || sd.value <= 0) return null;
      const below = pnorm((c.value - m.value) / sd.value);
      return { kind: 'binary', p: cov.side === 'below' ? below : 1 - below };
    }
    case 'roc-cutoff': {
      const row = paper.rocByMarker.get(cov.marker);
      if (!row) return null;
      if (g === row.positive && row.sensitivity !== undefined) {
        const s = parsePrinted(row.sensitivity);
        return s ? { kind: 'binary', p: (asFraction(s, row).lo + asFraction(s, row).hi) / 2 } : null;
      }
      if (g === row.negative && row.specificity !== undefined) {
        const s = parsePrinted(row.specificity);
        return s ? { kind: 'binary', p: 1 - (asFraction(s, row).lo + asFraction(s, row).hi) / 2 } : null;
      }
      return null;
    }
    case 'normal': {
      const s = paper.continuousByVariable.get(cov.variable)?.summaries[g];
      const m = s ? parsePrinted(s.mean) : null, sd = s ? parsePrinted(s.sd) : null;
      return m && sd ? { kind: 'normal', mean: m.value, sd: sd.value } : null;
    }
  }
}

/** E[expit(a + σZ)], Z standard normal, by Simpson's rule on [−8, 8] (error far below the check's tolerance). */
export function meanExpitNormal(a: number, sigma: number): number {
  if (sigma === 0) return expit(a);
  const K = 320, h = 16 / K;
  let s = 0;
  for (let k = 0; k <= K; k++) {
    const z = -8 + k * h;
    const w = k === 0 || k === K ? 1 : k % 2 === 1 ? 4 : 2;
    s += w * expit(a + sigma * z) * Math.exp(-0.5 * z * z);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

/** Mean predicted probability in one group with covariates independent. */
export function meanPredicted(beta0: number, betas: number[], dists: Dist[]): number {
  let mu = beta0, v = 0;
  const bin: { b: number; p: number }[] = [];
  dists.forEach((d, k) => {
    if (d.kind === 'normal') {
      mu += betas[k] * d.mean;
      v += betas[k] * betas[k] * d.sd * d.sd;
    } else bin.push({ b: betas[k], p: d.p });
  });
  const sigma = Math.sqrt(v);
  let total = 0;
  for (let mask = 0; mask < 1 << bin.length; mask++) {
    let w = 1, eta = mu;
    bin.forEach((x, k) => {
      if (mask & (1 << k)) { w *= x.p; eta += x.b; } else w *= 1 - x.p;
    });
    if (w > 0) total += w * meanExpitNormal(eta, sigma);
  }
  return total;
}

export interface CalibrationResult {
  observed: number;
  meanPredicted: number;
  /** Range of possible predicted probabilities (null when a covariate is continuous). */
  bound: { lo: number; hi: number } | null;
  /**
   * The same with every 0/1 covariate read as coded 1/2 (a coding some SPSS users enter), i.e. the
   * intercept shifted by Σβ; null when a covariate is continuous.
   */
  coded12: { meanPredicted: number; lo: number; hi: number } | null;
}

/** Calibration-in-the-large of a logistic model; null when the paper lacks what it needs. */
export function calibrationOf(paper: IndexedPaper, model: Model): CalibrationResult | null {
  if (model.kind !== 'logistic' || !model.intercept || !model.eventGroup || !model.nonEventGroup) return null;
  const b0 = model.intercept.beta === undefined ? null : parsePrinted(model.intercept.beta);
  const ev = paper.groups.get(model.eventGroup), ne = paper.groups.get(model.nonEventGroup);
  if (!b0 || !ev || !ne || model.terms.length > 16) return null;
  const betas = model.terms.map((t) => (t.beta === undefined ? null : parsePrinted(t.beta)));
  if (betas.some((b) => b === null) || model.terms.some((t) => !t.covariate)) return null;
  const dEv = model.terms.map((t) => covariateIn(paper, t.covariate!, ev.id));
  const dNe = model.terms.map((t) => covariateIn(paper, t.covariate!, ne.id));
  if (dEv.some((d) => d === null) || dNe.some((d) => d === null)) return null;
  const bv = betas.map((b) => b!.value);
  const mEv = meanPredicted(b0.value, bv, dEv as Dist[]);
  const mNe = meanPredicted(b0.value, bv, dNe as Dist[]);
  const observed = ev.n / (ev.n + ne.n);
  const allBinary = [...dEv, ...dNe].every((d) => d!.kind === 'binary');
  const bound = allBinary
    ? {
        lo: expit(b0.lo + betas.reduce((a, b) => a + Math.min(0, b!.lo), 0)),
        hi: expit(b0.hi + betas.reduce((a, b) => a + Math.max(0, b!.hi), 0)),
      }
    : null;
  let coded12: CalibrationResult['coded12'] = null;
  if (allBinary) {
    const shift = bv.reduce((x, b) => x + b, 0);
    const m12 = (ev.n * meanPredicted(b0.value + shift, bv, dEv as Dist[]) + ne.n * meanPredicted(b0.value + shift, bv, dNe as Dist[])) / (ev.n + ne.n);
    const lo = b0.value + shift + bv.reduce((x, b) => x + Math.min(0, b), 0);
    const hi = b0.value + shift + bv.reduce((x, b) => x + Math.max(0, b), 0);
    coded12 = { meanPredicted: m12, lo: expit(lo), hi: expit(hi) };
  }
  return { observed, meanPredicted: (ev.n * mEv + ne.n * mNe) / (ev.n + ne.n), bound, coded12 };
}

export const calibration: Check = {
  id: 'calibration',
  title: 'A logistic model’s intercept against the event rate (calibration-in-the-large)',
  tolerance: 'rigorous bound over all covariate combinations (error); independence approximation off by > 0.05 and outside 0.8–1.25× (warning).',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      const c = calibrationOf(paper, model);
      if (!c) continue;
      const loc = where(model.intercept!.location);
      const reported = `intercept ${model.intercept!.beta}; ${paper.groups.get(model.eventGroup!)!.n} events among ${paper.groups.get(model.eventGroup!)!.n + paper.groups.get(model.nonEventGroup!)!.n} (${num(100 * c.observed, 3)}%)`;
      const recomputed = `mean predicted probability ${num(100 * c.meanPredicted, 3)}% (covariates independent within outcome groups)` + (c.bound ? `; any predicted probability lies in ${num(100 * c.bound.lo, 3)}%–${num(100 * c.bound.hi, 3)}%` : '');
      const far = (m: number) => Math.abs(m - c.observed) > 0.05 && (m / c.observed < 0.8 || m / c.observed > 1.25);
      const alt = c.coded12;
      const altOk = alt !== null && c.observed >= alt.lo && c.observed <= alt.hi && !far(alt.meanPredicted);
      const altText = alt ? `; with 0/1 factors coded 1/2: mean ${num(100 * alt.meanPredicted, 3)}%, range ${num(100 * alt.lo, 3)}%–${num(100 * alt.hi, 3)}%` : '';
      const altNote = alt ? (altOk ? auditMessages.calibrationCoded12Fits(num(100 * alt.meanPredicted, 3)) : auditMessages.calibrationCoded12Fails(num(100 * alt.meanPredicted, 3))) : '';
      if (c.bound && (c.observed < c.bound.lo || c.observed > c.bound.hi)) {
        t.item([{ location: loc, severity: altOk ? 'warning' : 'error', message: auditMessages.calibrationImpossible(num(100 * c.observed, 3), num(100 * c.bound.lo, 3), num(100 * c.bound.hi, 3)) + altNote, reported, recomputed: recomputed + altText }]);
        continue;
      }
      const off = far(c.meanPredicted);
      t.item(off ? [{ location: loc, severity: 'warning', message: auditMessages.calibrationOff(num(100 * c.observed, 3), num(100 * c.meanPredicted, 3)) + (altOk ? altNote : ''), reported, recomputed: recomputed + altText }] : []);
    }
    return t.outcome();
  },
};
