/**
 * The analysed patients' blood draws in long form (`dataset.measurements`), made when first asked
 * for (a time-varying Cox model, a reader of dataset.measurements): a 10,000,000-draw export does not
 * keep a second copy otherwise. A function of its own so that the getter holds only the draws, not
 * the loading's sources and tables (a closure made inside loadStudy would keep its whole scope
 * alive for as long as the dataset lives); once made, the draws of every screened patient are let go.
 *
 * @example
 * const get = analysedMeasurements(draws, new Set(['platelets']), true, Int32Array.of(0, -1), Float64Array.of(19000, NaN));
 * get().patient // the draws of patient 0 only, renumbered among the analysed patients
 */
import type { DrawTable } from './buildPatients.js';
import type { Measurements } from './dataset.js';

export function analysedMeasurements(
  drawTable: DrawTable,
  measured: ReadonlySet<string>,
  drawsComplete: boolean,
  /** Position of each screened patient among the analysed ones (−1: excluded). */
  pos: Int32Array,
  /** Each screened patient's time origin in days since 1970 (null: the study has none). */
  origin: Float64Array | null,
): () => Measurements {
  let draws: DrawTable | null = drawTable;
  let made: Measurements | null = null;
  return () => {
    if (made) return made;
    // Not a user's error: only a reader added without asking buildPatients for the draws gets here.
    if (!drawsComplete || !draws) throw new Error('dataset.measurements: the draws of this long source were left in the SQL engine (more than DRAWS_BACK rows and no time-varying covariate)');
    const d0 = draws;
    let m = 0;
    for (let d = 0; d < d0.patient.length; d++) if (pos[d0.patient[d]] >= 0) m++;
    const drawIdx = new Int32Array(m);
    m = 0;
    for (let d = 0; d < d0.patient.length; d++) if (pos[d0.patient[d]] >= 0) drawIdx[m++] = d;
    // plain loops: TypedArray.from with a map function walks an iterator (10× slower on 660,000 draws)
    const mvals: Record<string, Float64Array> = {};
    for (const v of measured) {
      const src = d0.values[v];
      const out = new Float64Array(m);
      for (let k = 0; k < m; k++) out[k] = src[drawIdx[k]];
      mvals[v] = out;
    }
    const patient = new Int32Array(m);
    const date = new Float64Array(m);
    const day = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const d = drawIdx[k];
      const p = d0.patient[d];
      patient[k] = pos[p];
      const t = d0.date[d];
      date[k] = t;
      day[k] = Number.isNaN(t) ? (d0.undatedAtOrigin[d] ? 0 : NaN) : origin ? t - origin[p] : NaN;
    }
    made = Object.freeze({ patient, date, day, values: mvals });
    draws = null;
    return made;
  };
}
