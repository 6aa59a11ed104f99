/**
 * Every index siilab computes, from canonical values (counts in 10^9/L, albumin g/L, bilirubin
 * µmol/L; null when not measured). An index whose inputs are missing is null, and a warning says
 * which input it needs. Impossible inputs (zero lymphocytes, white cells ≤ neutrophils) throw
 * the index function's data error.
 *
 * @example
 * computeIndices({ neutrophils: 4, lymphocytes: 2, platelets: 200 })
 * // { indices: { sii: 400, nlr: 2, plr: 100, dnlr: null, siri: null, piv: null, albi: null, albiGrade: null },
 * //   warnings: ['dNLR not computed: it needs white cells.', 'SIRI not computed: it needs monocytes.', …] }
 */
import { indicesMessages as M } from '../messages/indices.js';
import { albi } from './albi.js';
import { albiGrade, type AlbiGrade } from './albiGrade.js';
import { dnlr } from './dnlr.js';
import { nlr } from './nlr.js';
import { piv } from './piv.js';
import { plr } from './plr.js';
import { sii } from './sii.js';
import { siri } from './siri.js';

export interface IndexInputs {
  readonly neutrophils?: number | null;
  readonly lymphocytes?: number | null;
  readonly platelets?: number | null;
  readonly monocytes?: number | null;
  readonly wbc?: number | null;
  readonly albumin?: number | null;
  readonly bilirubin?: number | null;
}

export interface IndexSet {
  readonly sii: number | null;
  readonly nlr: number | null;
  readonly plr: number | null;
  readonly dnlr: number | null;
  readonly siri: number | null;
  readonly piv: number | null;
  readonly albi: number | null;
  readonly albiGrade: AlbiGrade | null;
}

export interface IndicesResult {
  readonly indices: IndexSet;
  readonly warnings: readonly string[];
}

const LABEL: Record<string, string> = {
  neutrophils: 'neutrophils', lymphocytes: 'lymphocytes', platelets: 'platelets', monocytes: 'monocytes',
  wbc: 'white cells', albumin: 'albumin', bilirubin: 'bilirubin',
};

export function computeIndices(x: IndexInputs): IndicesResult {
  const warnings: string[] = [];
  const has = (k: keyof IndexInputs): boolean => x[k] !== null && x[k] !== undefined;
  const need = (name: string, keys: (keyof IndexInputs)[], f: () => number): number | null => {
    const missing = keys.filter((k) => !has(k));
    if (missing.length) {
      warnings.push(M.missingFor(name, missing.map((k) => LABEL[k])));
      return null;
    }
    return f();
  };
  const N = x.neutrophils as number, L = x.lymphocytes as number, P = x.platelets as number;
  const Mo = x.monocytes as number, W = x.wbc as number;
  const siiV = need('SII', ['neutrophils', 'lymphocytes', 'platelets'], () => sii(N, L, P));
  const nlrV = need('NLR', ['neutrophils', 'lymphocytes'], () => nlr(N, L));
  const plrV = need('PLR', ['platelets', 'lymphocytes'], () => plr(P, L));
  const dnlrV = need('dNLR', ['neutrophils', 'wbc'], () => dnlr(N, W));
  const siriV = need('SIRI', ['neutrophils', 'monocytes', 'lymphocytes'], () => siri(N, Mo, L));
  const pivV = need('PIV', ['neutrophils', 'platelets', 'monocytes', 'lymphocytes'], () => piv(N, P, Mo, L));
  const albiV = need('ALBI', ['bilirubin', 'albumin'], () => albi(x.bilirubin as number, x.albumin as number));
  return {
    indices: { sii: siiV, nlr: nlrV, plr: plrV, dnlr: dnlrV, siri: siriV, piv: pivV, albi: albiV, albiGrade: albiV === null ? null : albiGrade(albiV) },
    warnings,
  };
}
