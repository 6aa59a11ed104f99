/**
 * Child–Pugh score (5–15) and class (A 5–6, B 7–9, C 10–15) from five items, each scored 1–3:
 * - bilirubin: < 2 mg/dL (< 34.2 µmol/L) 1; 2–3 mg/dL (34.2–51.3 µmol/L) 2; > 3 mg/dL 3
 * - albumin: > 35 g/L 1; 28–35 g/L 2; < 28 g/L 3
 * - INR: < 1.7 1; 1.7–2.3 2; > 2.3 3
 * - ascites: none 1; mild (slight, controlled by diuretics) 2; moderate–severe 3
 * - hepatic encephalopathy: none 1; grade 1–2 2; grade 3–4 3
 *
 * Pugh RN, Murray-Lyon IM, Dawson JL, Pietroni MC, Williams R. Transection of the oesophagus for
 * bleeding oesophageal varices. Br J Surg 1973;60:646–9 (INR in place of prothrombin time, as in
 * current guidelines).
 *
 * @example
 * childPugh({ bilirubin: 20, albumin: 38, inr: 1.1, ascites: 'none', encephalopathy: 'none' })
 * // { score: 5, class: 'A', points: { bilirubin: 1, albumin: 1, inr: 1, ascites: 1, encephalopathy: 1 } }
 * childPugh({ bilirubin: 40, albumin: 30, inr: 1.8, ascites: 'mild', encephalopathy: 'none' }).class // 'B' (9)
 */
import { dataError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';

export const ASCITES = ['none', 'mild', 'moderate-severe'] as const;
export const ENCEPHALOPATHY = ['none', 'grade1-2', 'grade3-4'] as const;
export type Ascites = (typeof ASCITES)[number];
export type Encephalopathy = (typeof ENCEPHALOPATHY)[number];

export interface ChildPughInput {
  /** Total bilirubin, µmol/L. */
  readonly bilirubin: number;
  /** Albumin, g/L. */
  readonly albumin: number;
  readonly inr: number;
  readonly ascites: Ascites;
  readonly encephalopathy: Encephalopathy;
}

export interface ChildPughResult {
  readonly score: number;
  readonly class: 'A' | 'B' | 'C';
  readonly points: Readonly<Record<'bilirubin' | 'albumin' | 'inr' | 'ascites' | 'encephalopathy', 1 | 2 | 3>>;
}

/** 2 and 3 mg/dL in µmol/L (× 17.1). */
const BILI_2 = 34.2;
const BILI_3 = 51.3;

export function childPugh(x: ChildPughInput): ChildPughResult {
  for (const k of ['bilirubin', 'albumin', 'inr'] as const) {
    if (!Number.isFinite(x[k])) throw dataError(M.notFinite(k, x[k]));
    if (x[k] < 0) throw dataError(M.negative(k, x[k], k === 'bilirubin' ? 'µmol/L' : k === 'albumin' ? 'g/L' : ''));
  }
  const a = ASCITES.indexOf(x.ascites);
  if (a < 0) throw dataError(M.badChildPughGrade('ascites', String(x.ascites), ASCITES));
  const e = ENCEPHALOPATHY.indexOf(x.encephalopathy);
  if (e < 0) throw dataError(M.badChildPughGrade('encephalopathy', String(x.encephalopathy), ENCEPHALOPATHY));
  const points = {
    bilirubin: (x.bilirubin < BILI_2 - 1e-9 ? 1 : x.bilirubin <= BILI_3 + 1e-9 ? 2 : 3) as 1 | 2 | 3,
    albumin: (x.albumin > 35 ? 1 : x.albumin >= 28 ? 2 : 3) as 1 | 2 | 3,
    inr: (x.inr < 1.7 ? 1 : x.inr <= 2.3 ? 2 : 3) as 1 | 2 | 3,
    ascites: (a + 1) as 1 | 2 | 3,
    encephalopathy: (e + 1) as 1 | 2 | 3,
  };
  const score = points.bilirubin + points.albumin + points.inr + points.ascites + points.encephalopathy;
  return { score, class: score <= 6 ? 'A' : score <= 9 ? 'B' : 'C', points };
}
