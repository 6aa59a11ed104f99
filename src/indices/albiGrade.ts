/**
 * ALBI grade from the ALBI score (Johnson et al., J Clin Oncol 2015;33:550–8):
 * grade 1 when score ≤ −2.60, grade 2 when −2.60 < score ≤ −1.39, grade 3 when score > −1.39.
 *
 * @example
 * albiGrade(-2.74) // 1
 * albiGrade(-2.60) // 1
 * albiGrade(-1.39) // 2
 * albiGrade(-1.2)  // 3
 */
export type AlbiGrade = 1 | 2 | 3;

export function albiGrade(score: number): AlbiGrade {
  if (!Number.isFinite(score)) throw new RangeError('albiGrade: the score must be finite');
  return score <= -2.6 ? 1 : score <= -1.39 ? 2 : 3;
}
