/**
 * The Hartung–Knapp–Sidik–Jonkman adjustment (Hartung & Knapp 2001, Stat Med 20:3875–3889; Sidik &
 * Jonkman 2002, Stat Med 21:3153–3159; Knapp & Hartung 2003, Stat Med 22:2693–2710): the
 * covariance of the random-effects coefficients is scaled by s² = Σ wᵢeᵢ² / (k − p), wᵢ = 1/(vᵢ + τ²̂),
 * and tests and intervals use Student's t with k − p df. As metafor's test = "knha", s² is not
 * truncated at 1.
 *
 * @example
 * // metafor dat.bcg (log RR), DL, test = "knha": se 0.180696628335547 on 12 df
 * hartungKnappScale(residuals, weights, 1) // s² such that √(s²·Var(μ̂)) = 0.18069662833…
 */
export function hartungKnappScale(residuals: Float64Array, weights: Float64Array, p: number): number {
  const k = residuals.length;
  let s = 0;
  for (let i = 0; i < k; i++) s += weights[i] * residuals[i] * residuals[i];
  return s / (k - p);
}
