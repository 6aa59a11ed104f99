/**
 * Albumin–bilirubin (ALBI) score = 0.66 × log10(bilirubin, µmol/L) − 0.085 × albumin (g/L).
 *
 * Johnson PJ, Berhane S, Kagebayashi C, et al. Assessment of liver function in patients with
 * hepatocellular carcinoma: a new evidence-based approach — the ALBI grade. J Clin Oncol
 * 2015;33:550–8.
 *
 * @example
 * albi(10, 40) // -2.74 (0.66 × 1 − 0.085 × 40)
 */
import { dataError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';

export function albi(bilirubinUmolL: number, albuminGL: number): number {
  if (!Number.isFinite(bilirubinUmolL)) throw dataError(M.notFinite('bilirubin', bilirubinUmolL));
  if (!Number.isFinite(albuminGL)) throw dataError(M.notFinite('albumin', albuminGL));
  if (!(bilirubinUmolL > 0)) throw dataError(M.bilirubinNotPositive(bilirubinUmolL));
  if (albuminGL < 0) throw dataError(M.negative('albumin', albuminGL, 'g/L'));
  return 0.66 * Math.log10(bilirubinUmolL) - 0.085 * albuminGL;
}
