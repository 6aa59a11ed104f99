/**
 * Systemic inflammation response index, SIRI = neutrophils × monocytes / lymphocytes (10^9/L).
 *
 * Qi Q, Zhuang L, Shen Y, et al. A novel systemic inflammation response index (SIRI) for
 * predicting the survival of patients with pancreatic cancer after chemotherapy. Cancer
 * 2016;122:2158–67.
 *
 * @example
 * siri(4, 0.5, 2) // 1
 */
import { requireCounts } from './requireCounts.js';

export function siri(neutrophils: number, monocytes: number, lymphocytes: number): number {
  requireCounts({ neutrophils, monocytes, lymphocytes });
  return (neutrophils * monocytes) / lymphocytes;
}
