/**
 * The one rule for flagging a high/low split that leaves too few patients on one side: fewer than
 * `minShare` (default 10 %, as maxstat's minprop) of the patients with a value. The analysis, the
 * report and the cutoff explorer all call this.
 *
 * @example smallGroupWarning('SII', 900, '>=', 95, 5) // 'The split SII ≥ 900 leaves 5 of 100 patients (5.0 %) …'
 */
import { analysisMessages as M } from '../messages/index.js';
import { cutoffText } from './cutoffText.js';

export const MIN_GROUP_SHARE = 0.1;

/** True when either side holds fewer than minShare of nLow + nHigh (and both sides are counted). */
export function isSmallSplit(nLow: number, nHigh: number, minShare = MIN_GROUP_SHARE): boolean {
  const total = nLow + nHigh;
  return total > 0 && Math.min(nLow, nHigh) < minShare * total;
}

export function smallGroupWarning(variable: string, value: number, direction: '>=' | '>', nLow: number, nHigh: number, minShare = MIN_GROUP_SHARE): string | null {
  if (!isSmallSplit(nLow, nHigh, minShare)) return null;
  return M.smallGroup(variable, `${variable} ${direction === '>=' ? '≥' : '>'} ${cutoffText(value)}`, Math.min(nLow, nHigh), nLow + nHigh, minShare);
}
