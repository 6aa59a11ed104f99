/**
 * Kaplan–Meier estimates per group: the public entry. Checks and labels the input, drops rows with
 * a missing value (counted in nDropped), sorts once (sortByTime) and fits each group (kaplanMeierFit).
 * Groups are sorted numerically when every label is a number, else alphabetically; "all" without groups.
 * The restricted mean's horizon τ defaults to the largest observed time over all groups
 * (R's rmean = "common"); it is stated in every group's `rmst.tau`.
 *
 * @example
 * const r = kaplanMeier([1, 2, 2, 3, 5], [1, 1, 0, 1, 0]);
 * r.groups[0].table.surv // Float64Array [0.8, 0.6, 0.3, 0.3]
 * r.groups[0].median     // 3
 */
import { analysisError, usageError } from '../../errors.js';
import { survivalMessages } from '../../messages/index.js';
import { completeCases } from './completeCases.js';
import { kaplanMeierFit } from './kaplanMeierFit.js';
import { codesOf, encodeLevels } from './levels.js';
import { partitionByCode, sortByTime } from './sortByTime.js';
import type { ConfType, KaplanMeierGroup, KaplanMeierResult } from './types.js';

export interface KaplanMeierOptions {
  /** Group label per patient (null = missing); omit for one curve "all". */
  readonly group?: readonly (string | null)[] | null;
  /** Name of the grouping column, used in messages. */
  readonly groupName?: string;
  readonly confType?: ConfType;
  readonly confLevel?: number;
  /** Times at which to report survival (e.g. 1, 3, 5 years). */
  readonly times?: readonly number[];
  /** Horizon τ of the restricted mean; default the largest observed time. */
  readonly rmstTau?: number | null;
  /** Labels that must each keep at least one patient (e.g. every level seen in the file). */
  readonly expectedGroups?: readonly string[];
}

export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>, opts: KaplanMeierOptions = {}): KaplanMeierResult {
  const confType = opts.confType ?? 'log';
  const confLevel = opts.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw usageError(survivalMessages.badConfLevel(confLevel));
  const times = opts.times ?? [];
  for (const t of times) if (!(Number.isFinite(t) && t >= 0)) throw usageError(survivalMessages.badTimes(t));
  if (opts.rmstTau != null && !(opts.rmstTau > 0 && Number.isFinite(opts.rmstTau))) throw usageError(survivalMessages.badTau(opts.rmstTau));
  const group = opts.group ?? null;
  const cc = completeCases(time, event, group ? [group] : []);
  const n = cc.time.length;
  if (n === 0) throw analysisError(survivalMessages.noRows());
  let events = 0;
  let tmax = 0;
  for (let i = 0; i < n; i++) {
    events += cc.event[i];
    if (cc.time[i] > tmax) tmax = cc.time[i];
  }
  if (events === 0) throw analysisError(survivalMessages.noEvents('the data'));
  let levels = ['all'];
  let code: Int32Array = new Int32Array(n);
  if (group) {
    const enc = encodeLevels(group);
    const kept = codesOf(enc.code, cc.rows, enc.levels.length);
    enc.levels.forEach((l, j) => {
      if (kept.count[j] === 0 && (opts.expectedGroups === undefined || opts.expectedGroups.includes(l))) {
        throw analysisError(survivalMessages.emptyGroup(opts.groupName ?? 'the group column', l));
      }
    });
    for (const l of opts.expectedGroups ?? []) if (!enc.levels.includes(l)) throw analysisError(survivalMessages.emptyGroup(opts.groupName ?? 'the group column', l));
    levels = enc.levels;
    code = kept.code;
  }
  const { order, start } = partitionByCode(sortByTime(cc.time), code, levels.length);
  const fitOpts = { confType, confLevel, times, tau: opts.rmstTau ?? tmax };
  const groups: KaplanMeierGroup[] = levels.map((label, g) => {
    const from = start[g];
    const to = start[g + 1];
    const t = new Float64Array(to - from);
    const e = new Uint8Array(to - from);
    for (let i = from; i < to; i++) {
      t[i - from] = cc.time[order[i]];
      e[i - from] = cc.event[order[i]];
    }
    return kaplanMeierFit(label, t, e, fitOpts);
  });
  return { n, nDropped: cc.nDropped, events, confType, confLevel, groups };
}
