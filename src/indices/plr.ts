/**
 * Platelet-to-lymphocyte ratio, PLR = platelets / lymphocytes (unitless).
 *
 * Smith RA, Bosonnet L, Raraty M, et al. Preoperative platelet-lymphocyte ratio is an independent
 * significant prognostic marker in resected pancreatic ductal adenocarcinoma. Am J Surg
 * 2009;197:466–72.
 *
 * @example
 * plr(216, 1.8) // 120
 */
import { requireCounts } from './requireCounts.js';

export function plr(platelets: number, lymphocytes: number): number {
  requireCounts({ platelets, lymphocytes });
  return platelets / lymphocytes;
}
