/**
 * An inflammation index from the counts of one blood draw (all counts in 10^9/L), computed by the
 * index functions of src/indices (SII, NLR, PLR, SIRI, PIV, dNLR; LMR = L/M here). Where the
 * absolute counts are absent the ratios are taken from percentages (N%/L% = N/L) or from an NLR
 * column, so SII = platelets × NLR (Chowell) and SII = platelets × N% / L% (yu2023) also work;
 * PLR without a lymphocyte count takes lymphocytes = white cells × L% / 100.
 * Impossible inputs become a missing value with its cause instead of an error, so one bad draw
 * excludes a measurement, not the study: a zero lymphocyte count → 'zero-lymphocytes'.
 *
 * @example
 * drawIndex('SII', { neutrophils: 4, lymphocytes: 2, platelets: 200 }) // { value: 400, cause: null }
 * drawIndex('SII', { platelets: 249, nlr: 4.36 })                     // { value: 1085.64, cause: null }
 */
import { dnlr, nlr, piv, plr, sii, siri } from '../indices/index.js';
import type { IndexName } from '../study/types.js';
import type { MissingCause } from './missingCause.js';

export type DrawCounts = Readonly<Record<string, number | undefined>>;

/** Canonical variables an index can be computed from (any one alternative suffices). */
export const INDEX_INPUTS: Readonly<Record<IndexName, string[][]>> = {
  SII: [['platelets', 'neutrophils', 'lymphocytes'], ['platelets', 'nlr'], ['platelets', 'neutrophilPercent', 'lymphocytePercent']],
  NLR: [['neutrophils', 'lymphocytes'], ['nlr'], ['neutrophilPercent', 'lymphocytePercent']],
  PLR: [['platelets', 'lymphocytes'], ['platelets', 'lymphocytePercent', 'whiteCells']],
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
  if (has(c.neutrophils) && has(c.lymphocytes)) return c.lymphocytes === 0 ? missing('zero-lymphocytes') : ok(nlr(c.neutrophils, c.lymphocytes));
  if (has(c.nlr)) return ok(c.nlr);
  if (has(c.neutrophilPercent) && has(c.lymphocytePercent))
    return c.lymphocytePercent === 0 ? missing('zero-lymphocytes') : ok(nlr(c.neutrophilPercent, c.lymphocytePercent));
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
      if (has(N) && has(L)) return L === 0 ? missing('zero-lymphocytes') : ok(sii(N, L, P));
      const r = nl(c);
      // SII = P × (N/L): sii(ratio, 1, P) is exactly P × ratio.
      return r === null ? missing('absent') : r.cause ? r : ok(sii(r.value, 1, P));
    }
    case 'NLR':
      return nl(c) ?? missing('absent');
    case 'PLR': {
      // Without a lymphocyte count: lymphocytes = white cells × lymphocyte % / 100.
      const Lc = has(L) ? L : has(c.whiteCells) && has(c.lymphocytePercent) ? (c.whiteCells * c.lymphocytePercent) / 100 : undefined;
      if (!has(P) || !has(Lc)) return missing('absent');
      return Lc === 0 ? missing('zero-lymphocytes') : ok(plr(P, Lc));
    }
    case 'LMR':
      if (has(L) && has(M)) return M === 0 ? missing('zero-denominator') : ok(L / M);
      if (has(c.lymphocytePercent) && has(c.monocytePercent))
        return c.monocytePercent === 0 ? missing('zero-denominator') : ok(c.lymphocytePercent / c.monocytePercent);
      return missing('absent');
    case 'SIRI':
      if (!has(N) || !has(M) || !has(L)) return missing('absent');
      return L === 0 ? missing('zero-lymphocytes') : ok(siri(N, M, L));
    case 'PIV':
      if (!has(N) || !has(P) || !has(M) || !has(L)) return missing('absent');
      return L === 0 ? missing('zero-lymphocytes') : ok(piv(N, P, M, L));
    case 'dNLR': {
      const W = c.whiteCells;
      if (!has(N) || !has(W)) return missing('absent');
      return W - N <= 0 ? missing('zero-denominator') : ok(dnlr(N, W));
    }
  }
}
