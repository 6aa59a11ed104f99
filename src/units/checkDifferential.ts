/**
 * Checks a differential given as percentages of the white cells: neutrophils % + lymphocytes %
 * cannot exceed 100 %, and two percentages that add up to 2 or less are fractions written as if
 * they were percentages (0.70 and 0.25 — yu2023's Table 1 prints them so). Returns the problem, or null.
 *
 * @example
 * differentialProblem(62, 28)     // null
 * differentialProblem(0.70, 0.25) // "neutrophils 0.7 % and lymphocytes 0.25 % add up to 0.95 %: these look like fractions …"
 */
import { indicesMessages as M } from '../messages/indices.js';

export function differentialProblem(neutrophilPct: number | null, lymphocytePct: number | null): string | null {
  if (neutrophilPct === null || lymphocytePct === null) return null;
  const sum = neutrophilPct + lymphocytePct;
  if (sum > 100.5) return M.percentsExceed100(neutrophilPct, lymphocytePct);
  if (sum <= 2) return M.percentsLookLikeFractions(neutrophilPct, lymphocytePct);
  return null;
}
