/**
 * x′V⁻x for a symmetric positive semi-definite V through an LDLᵀ factorisation whose pivots below
 * tol·max(diag V) are set to zero (a generalised inverse, as for the k-group log-rank statistic
 * whose variance matrix has rank k − 1; Rao, Linear Statistical Inference, 1973, §1b.5).
 * Returns the quadratic form and the rank (number of non-zero pivots) — the test's df.
 *
 * Contract: V is k×k row-major, symmetric; x has length k and lies in V's column space. Checks nothing.
 *
 * @example ginvQuadraticForm([[1, -1], [-1, 1]], [2, -2]) // { q: 4, rank: 1 }
 */
export function ginvQuadraticForm(V: readonly (readonly number[])[], x: readonly number[], tol = 1e-9): { q: number; rank: number } {
  const k = x.length;
  const L: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const D = new Array<number>(k).fill(0);
  let maxDiag = 0;
  for (let i = 0; i < k; i++) maxDiag = Math.max(maxDiag, Math.abs(V[i][i]));
  const eps = tol * maxDiag;
  let rank = 0;
  for (let j = 0; j < k; j++) {
    let d = V[j][j];
    for (let m = 0; m < j; m++) d -= L[j][m] * L[j][m] * D[m];
    if (d <= eps) {
      D[j] = 0;
      continue;
    }
    D[j] = d;
    rank++;
    L[j][j] = 1;
    for (let i = j + 1; i < k; i++) {
      let s = V[i][j];
      for (let m = 0; m < j; m++) s -= L[i][m] * L[j][m] * D[m];
      L[i][j] = s / d;
    }
  }
  // y = L⁻¹x over the non-zero pivots; q = Σ y_j² / D_j
  const y = new Array<number>(k).fill(0);
  let q = 0;
  for (let j = 0; j < k; j++) {
    if (D[j] === 0) continue;
    let s = x[j];
    for (let m = 0; m < j; m++) s -= L[j][m] * y[m];
    y[j] = s;
    q += (s * s) / D[j];
  }
  return { q, rank };
}
