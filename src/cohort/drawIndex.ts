/**
 * An inflammation index from the counts of one blood draw (all counts in 10^9/L). Where the
 * absolute counts are absent the ratios are taken from percentages (N%/L% = N/L) or from an NLR
 * column, so SII = platelets × NLR (Chowell) and SII = platelets × N% / L% (yu2023) also work.
 * A zero lymphocyte count makes every lymphocyte-ratio index undefined (cause 'zero-lymphocytes').
 *
 * Definitions: SII = P·N/L (Hu et al. 2014, Clin Cancer Res 20:6212); NLR = N/L; PLR = P/L;
 * LMR = L/M; SIRI = N·M/L (Qi et al. 2016, Cancer 122:2158); PIV = N·P·M/L (Fucà et al. 2020,
 * Br J Cancer 123:403); dNLR = N/(WBC − N).
 *
 * @example
 * drawIndex('SII', { neutrophils: 4, lymphocytes: 2, platelets: 200 }) // { value: 400, cause: null }
 * drawIndex('SII', { platelets: 249, nlr: 4.36 })                     // { value: 1085.64, cause: null }
 */
import type { IndexName } from '../study/types.js';
import type { MissingCause } from './missingCause.js';

export type DrawCounts = Readonly<Record<string, number | undefined>>;

/** Canonical variables an index can be computed from (any one alternative suffices). */
export const INDEX_INPUTS: Readonly<Record<IndexName, string[][]>> = {
  SII: [['platelets', 'neutrophils', 'lymphocytes'], ['platelets', 'nlr'], ['platelets', 'neutrophilPercent', 'lymphocytePercent']],
  NLR: [['neutrophils', 'lymphocytes'], ['nlr'], ['neutrophilPercent', 'lymphocytePercent']],
  PLR: [['platelets', 'lymphocytes']],
  LMR: [['lymphocytes', 'monocytes'], ['lymphocytePercent', 'monocytePercent']],
  SIRI: [['neutrophils', 'monocytes', 'lymphocytes']],
  PIV: [['neutrophils', 'platelets', 'monocytes', 'lymphocytes']],
  dNLR: [['neutrophils', 'whiteCells']],
};

export interface IndexValue {
  value: number;
  cause: MissingCause | null;
}

const ok = (v: number): IndexValue => ({ value: v, cause: null });
const missing = (cause: MissingCause): IndexValue => ({ value: NaN, cause });
const has = (x: number | undefined): x is number => x !== undefined && !Number.isNaN(x);

/** The N/L ratio of a draw: counts, else the NLR column, else percentages. */
function nl(c: DrawCounts): IndexValue | null {
  if (has(c.neutrophils) && has(c.lymphocytes)) return c.lymphocytes === 0 ? missing('zero-lymphocytes') : ok(c.neutrophils / c.lymphocytes);
  if (has(c.nlr)) return ok(c.nlr);
  if (has(c.neutrophilPercent) && has(c.lymphocytePercent))
    return c.lymphocytePercent === 0 ? missing('zero-lymphocytes') : ok(c.neutrophilPercent / c.lymphocytePercent);
  return null;
}

export function drawIndex(index: IndexName, c: DrawCounts): IndexValue {
  const N = c.neutrophils;
  const L = c.lymphocytes;
  const P = c.platelets;
  const M = c.monocytes;
  switch (index) {
    case 'SII': {
      if (!has(P)) return missing('absent');
      const r = nl(c);
      return r === null ? missing('absent') : r.cause ? r : ok(P * r.value);
    }
    case 'NLR':
      return nl(c) ?? missing('absent');
    case 'PLR':
      if (!has(P) || !has(L)) return missing('absent');
      return L === 0 ? missing('zero-lymphocytes') : ok(P / L);
    case 'LMR':
      if (has(L) && has(M)) return M === 0 ? missing('zero-denominator') : ok(L / M);
      if (has(c.lymphocytePercent) && has(c.monocytePercent))
        return c.monocytePercent === 0 ? missing('zero-denominator') : ok(c.lymphocytePercent / c.monocytePercent);
      return missing('absent');
    case 'SIRI':
      if (!has(N) || !has(M) || !has(L)) return missing('absent');
      return L === 0 ? missing('zero-lymphocytes') : ok((N * M) / L);
    case 'PIV':
      if (!has(N) || !has(P) || !has(M) || !has(L)) return missing('absent');
      return L === 0 ? missing('zero-lymphocytes') : ok((N * P * M) / L);
    case 'dNLR': {
      const W = c.whiteCells;
      if (!has(N) || !has(W)) return missing('absent');
      return W - N <= 0 ? missing('zero-denominator') : ok(N / (W - N));
    }
  }
}
