/**
 * Pointwise confidence interval of a cumulative incidence F with standard error se on the
 * log(−log) scale (Pintilie 2006, Competing Risks: A Practical Perspective, §4.2.3; Kalbfleisch &
 * Prentice 2002 for the survival analogue): F^{exp(±z·se/(F·log F))}. It stays inside (0, 1).
 * Null where it is undefined (F = 0, F = 1, or se not finite).
 *
 * @example cifConfidence(0.2, 0.05, 1.959963984540054) // { lower: 0.112793…, upper: 0.305133… }
 */
export function cifConfidence(F: number, se: number, z: number): { lower: number | null; upper: number | null } {
  if (!(F > 0 && F < 1) || !Number.isFinite(se)) return { lower: null, upper: null };
  const k = (z * se) / (F * Math.log(F));
  return { lower: Math.pow(F, Math.exp(-k)), upper: Math.pow(F, Math.exp(k)) };
}
