/**
 * How one candidate enters a Cox or logistic model, and the covariate it becomes. A name enters as
 * its cut-off split when it has one (a 0/1 covariate "SII ≥ 340"), as its levels when categorical,
 * else continuously; `{ variable, continuous: true }` enters continuously despite a cut-off; a
 * `transform` (log, log2, log10, sqrt, standardise) and `per` put the effect on a usable scale:
 * "SII (per 100)", "log₁₀ AFP, ng/mL", "Age, years (per SD = 10.4)". The row name carries the unit
 * the values are in, and says when siilab converted it ("Albumin, g/L (converted from g/dL)").
 *
 * The value entering the model is (transform(x) − offset) / scale, offset = mean and scale = SD × per
 * for `standardise`, offset = 0 and scale = per otherwise — the same definition the model file uses.
 *
 * @example
 * // SII with a cut-off for Kaplan–Meier, continuous per 100 in Cox:
 * modelEntry(ds, { variable: 'SII', continuous: true, per: 100 }, cutoffs, 'analyses.cox (cox-1)').covariate.name // 'SII (per 100)'
 */
import type { Candidate, ModelTransform } from '../study/types.js';
import type { CoxCovariateInput } from '../stats/survival/cox/types.js';
import { analysisError } from '../errors.js';
import { scaleCovariate } from '../stats/design/scaleCovariate.js';
import { analysisMessages as M } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { columnOf } from './columns.js';
import { sideLabel, splitAt, type Cutoffs } from './cutoffs.js';

export type { Cutoffs } from './cutoffs.js';

export interface ModelEntry {
  /** The study variable. */
  readonly variable: string;
  /** The covariate's name in the model (table row, forest label). */
  readonly name: string;
  readonly kind: 'split' | 'continuous' | 'categorical';
  /** For a split: the cut-off. */
  readonly cutoff: { readonly value: number; readonly direction: '>=' | '>' } | null;
  readonly transform: Exclude<ModelTransform, 'standardise'> | null;
  /** Subtracted after the transform (the mean, when standardised). */
  readonly offset: number;
  /** Divided by after the offset (per, × SD when standardised). */
  readonly scale: number;
  readonly standardised: boolean;
  /** Unit of the variable's values as analysed, or null. */
  readonly unit: string | null;
}

const PREFIX: Readonly<Record<string, string>> = { log: 'log ', log2: 'log₂ ', log10: 'log₁₀ ', sqrt: '√' };

/** Number as written in a label: at most 4 significant digits, no trailing zeros. */
const short = (x: number): string => String(Number(x.toPrecision(4)));

export function candidateName(c: Candidate): string {
  return typeof c === 'string' ? c : c.variable;
}

export function modelEntry(ds: AnalysisDataset, candidate: Candidate, cutoffs: Cutoffs, where: string): { entry: ModelEntry; covariate: CoxCovariateInput } {
  const opt = typeof candidate === 'string' ? { variable: candidate } : candidate;
  const name = opt.variable;
  const c = columnOf(ds, name, where);
  const label = opt.label ?? c.label ?? name;
  const base = { variable: name, cutoff: null, transform: null, offset: 0, scale: 1, standardised: false, unit: null };
  if (c.kind === 'categorical') {
    if (typeof candidate !== 'string' && (candidate.transform || candidate.per || candidate.continuous)) throw analysisError(M.scaleOfCategorical(where, name));
    return { entry: { ...base, name: label, kind: 'categorical' }, covariate: { name: label, kind: 'categorical', values: c.values } };
  }
  const cut = cutoffs.get(name);
  const wantsScale = typeof candidate !== 'string' && (candidate.continuous || candidate.transform !== undefined || candidate.per !== undefined);
  if (cut && !wantsScale) {
    const n = opt.label ?? sideLabel(label, cut, true);
    return { entry: { ...base, name: n, kind: 'split', cutoff: { value: cut.value, direction: cut.direction } }, covariate: { name: n, kind: 'numeric', values: splitAt(c.values, cut) } };
  }
  const tr = typeof candidate === 'string' ? undefined : candidate.transform;
  const per = typeof candidate === 'string' ? 1 : candidate.per ?? 1;
  if (!(per > 0) || !Number.isFinite(per)) throw analysisError(M.badPer(where, name, per));
  const sc = scaleCovariate(c.values, { transform: tr, per });
  if (sc.outOfDomain) throw analysisError(M.transformDomain(where, name, tr as string, sc.outOfDomain));
  if (tr === 'standardise' && !((sc.sd ?? NaN) > 0)) throw analysisError(M.cannotStandardise(where, name));
  const { values: v, offset, scale } = sc;
  const fn = tr && tr !== 'standardise';
  const sdText = sc.sd !== null ? short(sc.sd) : '';
  const unit = c.unit ?? null;
  const unitPart = unit ? `, ${unit}${c.convertedFrom ? ` (converted from ${c.convertedFrom})` : ''}` : '';
  const scalePart = tr === 'standardise' ? ` (per ${per === 1 ? '' : `${short(per)} `}SD = ${sdText})` : per !== 1 ? ` (per ${short(per)})` : '';
  const n = opt.label ?? `${fn ? PREFIX[tr as string] : ''}${label}${unitPart}${scalePart}`;
  return {
    entry: { ...base, name: n, kind: 'continuous', transform: fn ? (tr as Exclude<ModelTransform, 'standardise'>) : null, offset, scale, standardised: tr === 'standardise', unit },
    covariate: { name: n, kind: 'numeric', values: v },
  };
}
