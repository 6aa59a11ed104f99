/**
 * Pan-immune-inflammation value, PIV = neutrophils × platelets × monocytes / lymphocytes
 * (counts in 10^9/L, so PIV is in (10^9/L)²).
 *
 * Fucà G, Guarini V, Antoniotti C, et al. The Pan-Immune-Inflammation Value is a new prognostic
 * biomarker in metastatic colorectal cancer: results from a pooled-analysis of the Valentino and
 * TRIBE first-line trials. Br J Cancer 2020;123:403–9.
 *
 * @example
 * piv(4, 200, 0.5, 2) // 200
 */
import { requireCounts } from './requireCounts.js';

export function piv(neutrophils: number, platelets: number, monocytes: number, lymphocytes: number): number {
  requireCounts({ neutrophils, platelets, monocytes, lymphocytes });
  return (neutrophils * platelets * monocytes) / lymphocytes;
}
