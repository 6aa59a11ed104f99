/**
 * Efron's (Efron 1977, JASA 72:557–565) log-likelihood term of a block of m tied deaths:
 * ℓ − Σₖ log(S0 − (k/m)·D0), k = 0..m−1 (S0 the risk set's sum, D0 the tied deaths' sum), as the
 * logs of running products of the denominators instead of a log per death: a product is logged and
 * restarted when it leaves [1/LOG_RANGE, LOG_RANGE], far inside the double range (no overflow or
 * underflow), and the log of a product of a few terms is as accurate as the sum of their logs (one
 * rounding per factor). Shared by both paths of the partial likelihood (partialLikelihood.ts) and
 * the calibration slope's one-covariate pass (sortedSlope.ts), so that they give the same bits.
 *
 * @example
 * efronLogTerm(0, 10, 4, 2) // −(log 10 + log 8) = −4.382026634673881
 */
export const LOG_RANGE = 1e150;

export function efronLogTerm(loglik: number, S0: number, D0: number, m: number): number {
  let prod = 1;
  for (let k = 0; k < m; k++) {
    prod *= S0 - (k / m) * D0;
    if (prod > LOG_RANGE || prod < 1 / LOG_RANGE) {
      loglik -= Math.log(prod);
      prod = 1;
    }
  }
  return loglik - Math.log(prod);
}
