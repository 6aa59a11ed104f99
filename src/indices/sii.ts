/**
 * Systemic immune-inflammation index, SII = platelets × neutrophils / lymphocytes, all counts in
 * 10^9/L (so SII is in 10^9/L; the seed papers' cutoffs 340, 375.56 and 405.08 assume this).
 *
 * Hu B, Yang XR, Xu Y, et al. Systemic immune-inflammation index predicts prognosis of patients
 * after curative resection for hepatocellular carcinoma. Clin Cancer Res 2014;20:6212–22.
 *
 * @example
 * sii(4, 2, 200) // 400
 */
import { requireCounts } from './requireCounts.js';

export function sii(neutrophils: number, lymphocytes: number, platelets: number): number {
  requireCounts({ neutrophils, lymphocytes, platelets });
  return (platelets * neutrophils) / lymphocytes;
}
