/**
 * The guard every index function shares: its inputs must be finite and not negative, and the
 * lymphocyte count (the divisor of every ratio) above zero. Throws a data error naming the value;
 * so no index ever returns NaN or Infinity.
 *
 * @example
 * requireCounts({ neutrophils: 4, lymphocytes: 0 }) // throws "lymphocytes = 0 × 10^9/L: the ratios … must be above zero …"
 */
import { dataError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';

export function requireCounts(counts: Readonly<Record<string, number>>): void {
  // for…in, not Object.entries: no array per call (it runs once per blood draw)
  for (const name in counts) {
    const v = counts[name];
    if (!Number.isFinite(v)) throw dataError(M.notFinite(name, v));
    if (v < 0) throw dataError(M.negative(name, v, '× 10^9/L'));
  }
  if ('lymphocytes' in counts && !(counts.lymphocytes > 0)) throw dataError(M.zeroLymphocytes(counts.lymphocytes, '× 10^9/L'));
}
