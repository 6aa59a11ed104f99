/**
 * Numeric core of the Aalen–Johansen cumulative incidence of each cause (Aalen & Johansen 1978;
 * Kalbfleisch & Prentice 1980, pp. 168–169): F_c(t) = Σ_{t_l ≤ t} Ŝ(t_{l−1}) d_cl / Y_l, with Ŝ the
 * all-cause Kaplan–Meier, and the variance `cmprsk::cuminc` reports — the counting-process
 * estimator of Aalen (1978) as written in the SAS/STAT LIFETEST documentation ("Aalen" standard
 * error):
 *   Var F_c(t) = Σ (F_c(t) − F_c(t_l))² A_l + Σ Ŝ(t_{l−1})² d_cl (Y_l − d_cl) / (Y_l² (Y_l − 1))
 *                − 2 Σ (F_c(t) − F_c(t_l)) Ŝ(t_{l−1}) d_cl (Y_l − d_cl) / (Y_l (Y_l − D_l)(Y_l − 1)),
 * with A_l = D_l / ((Y_l − 1)(Y_l − D_l)) when a time has events of one cause only; when causes tie
 * at t_l, cuminc's value is reproduced by A_l = (D_l + 2 d_cl (D_l − d_cl) / (Y_l − D_l)) / ((Y_l − 1)(Y_l − D_l))
 * (checked against cuminc on tied data, test/reference/competing). Where Y_l = 1 the second term is
 * Ŝ² d/Y² and terms multiplied by F_c(t) − F_c(t_l) = 0 at the last time are 0.
 * The sums are carried as running moments, so the pass is O(m·C) for m rows and C causes.
 *
 * Contract: `time[from..to)` is sorted ascending; `cause[i]` is 0 (censored) or 1..nCauses. One
 * table per cause with a row at each time that cause has an event (as cuminc's step corners).
 *
 * @example // times 1, 2, 3, 4 with causes 1, 2, 1, 0
 * aalenJohansen(new Float64Array([1, 2, 3, 4]), new Uint16Array([1, 2, 1, 0]), 0, 4, 2)[0]
 * // { time: [1, 3], cif: [0.25, 0.5], variance: [0.0625, 0.105903…] }
 */
export interface CifTable {
  readonly time: Float64Array;
  readonly cif: Float64Array;
  readonly variance: Float64Array;
}

export function aalenJohansen(time: Float64Array, cause: ArrayLike<number>, from: number, to: number, nCauses: number): CifTable[] {
  // count event times per cause
  const rows = new Int32Array(nCauses + 1);
  {
    let i = from;
    while (i < to) {
      const t = time[i];
      const seen = new Uint8Array(nCauses + 1);
      while (i < to && time[i] === t) {
        const c = cause[i];
        if (c > 0 && !seen[c]) {
          seen[c] = 1;
          rows[c]++;
        }
        i++;
      }
    }
  }
  const out = Array.from({ length: nCauses }, (_, c) => ({
    time: new Float64Array(rows[c + 1]),
    cif: new Float64Array(rows[c + 1]),
    variance: new Float64Array(rows[c + 1]),
  }));
  const pos = new Int32Array(nCauses + 1);
  const F = new Float64Array(nCauses + 1);
  // running moments per cause: ΣA, ΣF_l A, ΣF_l² A, ΣS²B, ΣS C, ΣF_l S C
  const sA = new Float64Array(nCauses + 1);
  const sFA = new Float64Array(nCauses + 1);
  const sF2A = new Float64Array(nCauses + 1);
  const sSB = new Float64Array(nCauses + 1);
  const sSC = new Float64Array(nCauses + 1);
  const sFSC = new Float64Array(nCauses + 1);
  const d = new Float64Array(nCauses + 1);
  let S = 1;
  let i = from;
  while (i < to) {
    const t = time[i];
    const Y = to - i;
    d.fill(0);
    let D = 0;
    while (i < to && time[i] === t) {
      const c = cause[i];
      if (c > 0) {
        d[c]++;
        D++;
      }
      i++;
    }
    if (D === 0) continue;
    const inner = Y > D && Y > 1;
    for (let c = 1; c <= nCauses; c++) {
      const dc = d[c];
      const Fl = F[c] + (S * dc) / Y;
      F[c] = Fl;
      const A = inner ? (D + (2 * dc * (D - dc)) / (Y - D)) / ((Y - 1) * (Y - D)) : 0;
      sA[c] += A;
      sFA[c] += Fl * A;
      sF2A[c] += Fl * Fl * A;
      if (dc > 0) {
        const B = Y > 1 ? (dc * (Y - dc)) / (Y * Y * (Y - 1)) : dc / (Y * Y);
        const C = inner ? (dc * (Y - dc)) / (Y * (Y - D) * (Y - 1)) : 0;
        sSB[c] += S * S * B;
        sSC[c] += S * C;
        sFSC[c] += Fl * S * C;
        const o = out[c - 1];
        const k = pos[c]++;
        o.time[k] = t;
        o.cif[k] = Fl;
        const v = Fl * Fl * sA[c] - 2 * Fl * sFA[c] + sF2A[c] + sSB[c] - 2 * Fl * sSC[c] + 2 * sFSC[c];
        o.variance[k] = v > 0 ? v : 0;
      }
    }
    S *= (Y - D) / Y;
  }
  return out;
}
