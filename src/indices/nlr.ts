/**
 * Neutrophil-to-lymphocyte ratio, NLR = neutrophils / lymphocytes (unitless).
 *
 * Zahorec R. Ratio of neutrophil to lymphocyte counts — rapid and simple parameter of systemic
 * inflammation and stress in critically ill. Bratisl Lek Listy 2001;102:5–14.
 *
 * @example
 * nlr(4, 2) // 2
 */
import { requireCounts } from './requireCounts.js';

export function nlr(neutrophils: number, lymphocytes: number): number {
  requireCounts({ neutrophils, lymphocytes });
  return neutrophils / lymphocytes;
}
