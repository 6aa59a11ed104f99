/**
 * ROC analysis of one marker against a binary outcome: the empirical curve, the AUC with its DeLong
 * SE and normal CI (as pROC ci.auc(method = "delong")), the Hanley–McNeil SE, the test of AUC = 0.5,
 * the Youden and closest-to-top-left cutoffs with their diagnostic accuracy, and optionally a
 * stratified bootstrap CI.
 *
 * Three layers: `rocAnalysis` checks and labels its input; `rocFit` works on oriented sorted groups
 * and checks nothing; the numeric cores (placementValues — DeLong et al. 1988 with the Sun & Xu 2014
 * O(n log n) placement values —, delongVariance, rocCurve, optimalCutoff, aucNullTest,
 * bootstrapAucCi) each state their contract and cite their paper.
 */
import { analysisError } from '../../errors.js';
import { rocMessages } from '../../messages/index.js';
import { delongAucTest, mannWhitneyAucTest, type AucTestMethod } from './aucNullTest.js';
import { bootstrapAucCi, type BootstrapCi } from './bootstrapAucCi.js';
import { delongVariance } from './delongVariance.js';
import type { RocDirection, RocDirectionOption } from './direction.js';
import { hanleyMcNeilSeCore } from './hanleyMcNeil.js';
import { aucNormalCi } from './normalCi.js';
import { optimalCutoff, type OptimalCutoff } from './optimalCutoff.js';
import { orientedGroups, type OrientedGroups } from './orientedGroups.js';
import { sortedPlacementValues } from './placementValues.js';
import { rocCurve, type RocCurve } from './rocCurve.js';

export interface RocOptions {
  /** `auto` (default, as pROC), `higher` or `lower`. */
  readonly direction?: RocDirectionOption;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Test of AUC = 0.5 (default `mann-whitney`, see aucNullTest.ts). */
  readonly test?: AucTestMethod;
  /** Stratified bootstrap CI: number of resamples and seed (default none). */
  readonly bootstrap?: { readonly replicates: number; readonly seed: number } | null;
  /** Names used in refusals and in the result. */
  readonly marker?: string;
  readonly outcome?: string;
  readonly source?: string;
}

export interface RocResult {
  readonly marker: string;
  readonly nCases: number;
  readonly nControls: number;
  readonly direction: RocDirection;
  /** Whether the direction was chosen by `auto` (pROC's median rule) or given. */
  readonly directionFrom: 'auto' | 'given';
  readonly auc: number;
  /** DeLong variance and SE (null with a single case or a single control). */
  readonly variance: number | null;
  readonly se: number | null;
  readonly level: number;
  /** Normal CI with the DeLong SE, clipped to [0, 1]. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Hanley & McNeil (1982) SE, an alternative to the DeLong SE. */
  readonly hanleyMcNeilSe: number;
  /** Test of AUC = 0.5. */
  readonly testMethod: AucTestMethod;
  readonly z: number | null;
  readonly p: number | null;
  readonly youden: OptimalCutoff;
  readonly topLeft: OptimalCutoff;
  readonly curve: RocCurve;
  readonly bootstrap: BootstrapCi | null;
  /** The oriented, sorted groups the analysis ran on (compareAucs derives data-order placements from them). */
  readonly groups: OrientedGroups;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Fit layer: ROC analysis on oriented groups. Checks nothing.
 */
export function rocFit(g: OrientedGroups, directionFrom: 'auto' | 'given', opts: RocOptions = {}): RocResult {
  const level = opts.level ?? 0.95;
  const m = g.cases.length, n = g.controls.length;
  const placements = sortedPlacementValues(g.sortedCases, g.sortedControls);
  const auc = placements.auc;
  const variance = delongVariance(placements);
  const se = Math.sqrt(variance);
  const ci = Number.isFinite(se) ? aucNormalCi(auc, se, level) : null;
  const testMethod = opts.test ?? 'mann-whitney';
  const test = testMethod === 'delong' ? delongAucTest(auc, se) : mannWhitneyAucTest(g.sortedCases, g.sortedControls, auc);
  const curve = rocCurve(g);
  const boot = opts.bootstrap ? bootstrapAucCi(g.sortedCases, g.sortedControls, opts.bootstrap.replicates, opts.bootstrap.seed, level) : null;
  return Object.freeze({
    marker: opts.marker ?? 'marker',
    nCases: m,
    nControls: n,
    direction: g.direction,
    directionFrom,
    auc,
    variance: orNull(variance),
    se: orNull(se),
    level,
    lower: ci ? ci.lower : null,
    upper: ci ? ci.upper : null,
    hanleyMcNeilSe: hanleyMcNeilSeCore(auc, m, n),
    testMethod,
    z: orNull(test.z),
    p: orNull(test.p),
    youden: optimalCutoff(curve, 'youden'),
    topLeft: optimalCutoff(curve, 'closest.topleft'),
    curve,
    bootstrap: boot,
    groups: g,
  });
}

/**
 * Public layer: checks the marker and the 0/1 outcome (complete cases only), then fits.
 * Refuses (SiilabError, exit 4) an outcome with one class only and a marker with no variance.
 *
 * @example
 * const r = rocAnalysis(Float64Array.of(0.1, 0.4, 0.35, 0.8), Float64Array.of(0, 0, 1, 1));
 * [r.auc, r.direction] // [0.75, 'higher']
 */
export function rocAnalysis(marker: Float64Array, outcome: Float64Array, opts: RocOptions = {}): RocResult {
  const name = opts.marker ?? 'marker';
  const source = opts.source ?? 'data';
  if (marker.length !== outcome.length) throw analysisError(rocMessages.lengthMismatch(`marker ${name}`, marker.length, outcome.length));
  let m = 0;
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < outcome.length; i++) {
    const y = outcome[i];
    if (y !== 0 && y !== 1) throw analysisError(rocMessages.outcomeNotBinary(i, y));
    const x = marker[i];
    if (!Number.isFinite(x)) throw analysisError(rocMessages.notFinite(`marker ${name}`, i));
    if (x < min) min = x;
    if (x > max) max = x;
    m += y;
  }
  const n = outcome.length - m;
  if (m === 0 || n === 0) throw analysisError(rocMessages.oneClass(source, opts.outcome ?? 'outcome', m, n));
  if (min === max) throw analysisError(rocMessages.noVariance(source, name, min));
  const dir = opts.direction ?? 'auto';
  return rocFit(orientedGroups(marker, outcome, dir), dir === 'auto' ? 'auto' : 'given', { ...opts, marker: name });
}
