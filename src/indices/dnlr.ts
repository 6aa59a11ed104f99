/**
 * Derived neutrophil-to-lymphocyte ratio, dNLR = neutrophils / (white cells − neutrophils), for
 * when only the white-cell and neutrophil counts are known.
 *
 * Proctor MJ, McMillan DC, Morrison DS, et al. A derived neutrophil to lymphocyte ratio predicts
 * survival in patients with cancer. Br J Cancer 2012;107:695–9.
 *
 * @example
 * dnlr(4.5, 7.5) // 1.5
 */
import { dataError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';
import { requireCounts } from './requireCounts.js';

export function dnlr(neutrophils: number, wbc: number): number {
  requireCounts({ neutrophils, wbc });
  if (!(wbc > neutrophils)) throw dataError(M.wbcNotAboveNeutrophils(wbc, neutrophils));
  return neutrophils / (wbc - neutrophils);
}
