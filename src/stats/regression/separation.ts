/**
 * Detecting complete or quasi-complete separation in a binary logistic regression (Albert &
 * Anderson 1984, Biometrika 71:1–10): the maximum likelihood estimate does not exist when some
 * direction b ≠ 0 satisfies (2y_i − 1)·x_iᵀb ≥ 0 for every row i (complete separation when all
 * inequalities can be strict; quasi-complete otherwise). Newton iterations then move β along such
 * a direction by a roughly constant amount per step while the other components converge, so the
 * last Newton step is a candidate direction; it is accepted only when it verifiably satisfies the
 * inequalities (a certificate, not a heuristic on the size of the coefficients). A single column
 * that separates on its own is checked first (and named alone): it is the usual culprit (a level of
 * a categorical covariate with only events or only non-events, or a marker above a threshold in
 * every case).
 *
 * A converged regular fit has a last step that is negligible (quadratic convergence), so the
 * certificate is only attempted when some coefficient still moved by more than 0.05 over the range
 * of its column in the last step.
 *
 * Contract: `x` are the covariate columns (intercept implicit as component 0 of `step`), y 0/1,
 * `step` the last Newton step and `deviance` the final deviance of the fit. Returns null when
 * no separation is certified.
 *
 * @example
 * // y = [0,0,1,1], x = [1,2,3,4]: complete separation on x
 * // detectSeparation([x], y, fit.lastStep, fit.deviance) // { kind: 'complete', columns: [0] }
 */
export interface Separation {
  readonly kind: 'complete' | 'quasi';
  /** 0-based indices of the covariate columns (not counting the intercept) along the separating direction. */
  readonly columns: readonly number[];
}

/** |η| beyond which a fitted probability is numerically 0 or 1 (R's glm warns at 10·DBL_EPSILON). */
export const EXTREME_ETA = 30;

/** Per column: the smallest and largest value among non-events (0) and among events (1). One pass per column. */
function extremes(x: readonly Float64Array[], y: Float64Array): Float64Array[] {
  const n = y.length;
  return x.map((c) => {
    let min0 = Infinity;
    let max0 = -Infinity;
    let min1 = Infinity;
    let max1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = c[i];
      if (y[i] === 1) {
        if (v < min1) min1 = v;
        if (v > max1) max1 = v;
      } else {
        if (v < min0) min0 = v;
        if (v > max0) max0 = v;
      }
    }
    return Float64Array.of(min0, max0, min1, max1);
  });
}

/**
 * Columns that separate the outcome on their own (with the intercept): max(x | y=0) ≤ min(x | y=1)
 * or the reverse. Such a column certifies separation of the whole model (direction (−c, e_k) with c
 * between the two extremes). Strict inequality: complete separation.
 */
export function univariateSeparation(x: readonly Float64Array[], y: Float64Array): { column: number; complete: boolean }[] {
  return separatingColumns(extremes(x, y));
}

function separatingColumns(ext: readonly Float64Array[]): { column: number; complete: boolean }[] {
  const out: { column: number; complete: boolean }[] = [];
  ext.forEach(([min0, max0, min1, max1], k) => {
    if (min0 === max1 && min1 === max0) return; // constant column
    if (max0 <= min1) out.push({ column: k, complete: max0 < min1 });
    else if (max1 <= min0) out.push({ column: k, complete: max1 < min0 });
  });
  return out;
}

export function detectSeparation(
  x: readonly Float64Array[],
  y: Float64Array,
  step: Float64Array,
  deviance: number,
): Separation | null {
  const ext = extremes(x, y);
  const uni = separatingColumns(ext);
  if (uni.length > 0) {
    return Object.freeze({ kind: uni.some((u) => u.complete) ? 'complete' : 'quasi', columns: Object.freeze(uni.map((u) => u.column)) });
  }
  const n = y.length;
  const q = x.length;
  // scale of each component: the spread of its column, so that units do not matter
  const scaled = new Float64Array(q);
  let maxScaled = 0;
  for (let k = 0; k < q; k++) {
    const [min0, max0, min1, max1] = ext[k];
    scaled[k] = Math.abs(step[k + 1]) * (Math.max(max0, max1) - Math.min(min0, min1));
    if (scaled[k] > maxScaled) maxScaled = scaled[k];
  }
  if (!(maxScaled > 0.05)) return null; // no coefficient is still moving: not diverging
  const d = Float64Array.from(step);
  const columns: number[] = [];
  for (let k = 0; k < q; k++) {
    if (scaled[k] < 1e-3 * maxScaled) d[k + 1] = 0;
    else columns.push(k);
  }
  let minS = Infinity;
  let maxS = 0;
  for (let i = 0; i < n; i++) {
    let s = d[0];
    for (let k = 0; k < q; k++) if (d[k + 1] !== 0) s += d[k + 1] * x[k][i];
    s *= 2 * y[i] - 1;
    if (s < minS) minS = s;
    if (s > maxS) maxS = s;
  }
  if (!(maxS > 0) || minS < -1e-6 * maxS) return null;
  const complete = deviance < 1e-6 * n || minS > 1e-6 * maxS;
  return Object.freeze({ kind: complete ? 'complete' : 'quasi', columns: Object.freeze(columns) });
}
