/**
 * Repeated measurements as time-varying covariates: counting-process rows (start, stop] per
 * patient, split at every measurement time inside follow-up, each covariate holding its latest
 * measured value (Andersen & Gill 1982, Ann Stat 10:1100; the layout of R's survival::tmerge with
 * `event()` and `tdc()`, against which tests compare).
 *
 * Contract: follow-up runs from 0 to `time[i]` (> 0; patients with time ≤ 0 get no rows). A
 * measurement at time t ≤ 0 sets the value at the start (the latest such); one at 0 < t < time[i]
 * starts a new interval at t; one at t ≥ time[i] is ignored. Before a covariate's first
 * measurement its value is NaN. A missing (NaN) measured value is skipped for that covariate only.
 * Measurements at the same time: the last one given wins. The event is on the last interval.
 *
 * @example
 * countingProcess({ time: [100], event: [1] }, { patient: [0, 0], time: [0, 40], values: { sii: [300, 500] } })
 * // { patient: [0, 0], start: [0, 40], stop: [40, 100], event: [0, 1], covariates: { sii: [300, 500] } }
 */
import { countingOrder, radixOrder } from '../stats/survival/cox/radixOrder.js';

export interface FollowUp {
  time: ArrayLike<number>;
  event: ArrayLike<number>;
}

export interface MeasurementRows {
  /** Patient index (0-based, into FollowUp) of each measurement. */
  patient: ArrayLike<number>;
  /** Time of each measurement on the follow-up scale (0 = time origin). */
  time: ArrayLike<number>;
  values: Readonly<Record<string, ArrayLike<number>>>;
}

export interface CountingProcessRows {
  readonly patient: Int32Array;
  readonly start: Float64Array;
  readonly stop: Float64Array;
  readonly event: Uint8Array;
  readonly covariates: Readonly<Record<string, Float64Array>>;
}

/**
 * Measurement indices by patient, then time, then input order: stable radix passes (time, then
 * patient) when every time is a number and every patient an index below n — times with −0 read as 0,
 * as the comparator below compares them — else the comparator sort (a NaN time compares by input
 * order alone there, an order no radix pass reproduces).
 */
export function byPatientThenTime(patient: ArrayLike<number>, time: ArrayLike<number>, n: number): ArrayLike<number> {
  const M = patient.length;
  const keys = new Float64Array(M);
  const codes = new Int32Array(M);
  let plain = true;
  for (let k = 0; k < M && plain; k++) {
    const t = time[k];
    const p = patient[k];
    if (Number.isNaN(t) || !(p >= 0 && p < n && Number.isInteger(p))) plain = false;
    keys[k] = t + 0;
    codes[k] = p;
  }
  if (plain) return countingOrder(codes, n, radixOrder(keys));
  return Array.from({ length: M }, (_, k) => k).sort((a, b) => patient[a] - patient[b] || time[a] - time[b] || a - b);
}

export function countingProcess(fu: FollowUp, m: MeasurementRows): CountingProcessRows {
  const n = fu.time.length;
  const names = Object.keys(m.values);
  // Group measurement indices by patient, ordered by time then input order (one sort).
  const idx = byPatientThenTime(m.patient, m.time, n);
  const rowsP: number[] = [];
  const rowsS: number[] = [];
  const rowsE: number[] = [];
  const rowsEv: number[] = [];
  const cov: number[][] = names.map(() => []);
  let k = 0;
  const current = new Float64Array(names.length);
  for (let i = 0; i < n; i++) {
    while (k < idx.length && m.patient[idx[k]] < i) k++;
    const T = fu.time[i];
    const first = k;
    while (k < idx.length && m.patient[idx[k]] === i) k++;
    if (!(T > 0)) continue;
    current.fill(NaN);
    let q = first;
    // Measurements at or before 0 set the starting values.
    for (; q < k && m.time[idx[q]] <= 0; q++) setValues(idx[q]);
    let start = 0;
    while (true) {
      const next = q < k && m.time[idx[q]] < T ? m.time[idx[q]] : T;
      const stop = next;
      rowsP.push(i);
      rowsS.push(start);
      rowsE.push(stop);
      rowsEv.push(stop === T && fu.event[i] === 1 ? 1 : 0);
      for (let c = 0; c < names.length; c++) cov[c].push(current[c]);
      if (stop === T) break;
      for (; q < k && m.time[idx[q]] === stop; q++) setValues(idx[q]);
      start = stop;
    }
  }
  function setValues(j: number): void {
    for (let c = 0; c < names.length; c++) {
      const v = m.values[names[c]][j];
      if (!Number.isNaN(v)) current[c] = v;
    }
  }
  const covariates: Record<string, Float64Array> = {};
  names.forEach((nm, c) => (covariates[nm] = Float64Array.from(cov[c])));
  return Object.freeze({
    patient: Int32Array.from(rowsP),
    start: Float64Array.from(rowsS),
    stop: Float64Array.from(rowsE),
    event: Uint8Array.from(rowsEv),
    covariates: Object.freeze(covariates),
  });
}
