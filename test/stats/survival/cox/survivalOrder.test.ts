import { describe, expect, it } from 'vitest';
import { coxph } from '../../../../src/stats/survival/cox/coxph.js';
import { keptOrder, survivalOrder } from '../../../../src/stats/survival/cox/survivalOrder.js';

/** A cohort with tied times (deaths and censorings at the same time) and missing values in every column. */
function cohort(n: number) {
  let s = 11;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const time = Float64Array.from({ length: n }, () => (rnd() < 0.03 ? NaN : Math.ceil(rnd() * 40) / 2));
  const event = Float64Array.from({ length: n }, () => (rnd() < 0.02 ? NaN : rnd() < 0.6 ? 1 : 0));
  const x = Float64Array.from({ length: n }, () => (rnd() < 0.1 ? NaN : rnd() * 3));
  const g = Array.from({ length: n }, () => (rnd() < 0.05 ? null : rnd() < 0.4 ? 'b' : 'a'));
  return { time, event, x, g };
}

describe('survivalOrder', () => {
  it('the @example', () => {
    expect(Array.from(survivalOrder(new Float64Array([3, NaN, 1, 3]), new Float64Array([0, 1, 0, 1])))).toEqual([2, 3, 0]);
  });
  it('is the stable sort by time ascending, deaths first, of the rows with time and event', () => {
    const { time, event } = cohort(3000);
    const rows = Array.from(time.keys()).filter((i) => !Number.isNaN(time[i]) && !Number.isNaN(event[i]));
    const expected = rows.sort((a, b) => time[a] - time[b] || (event[b] === 1 ? 1 : 0) - (event[a] === 1 ? 1 : 0) || a - b);
    expect(Array.from(survivalOrder(time, event))).toEqual(expected);
  });
  it('coxph with it gives the same result as sorting, for models whose complete cases differ', () => {
    const { time, event, x, g } = cohort(3000);
    const timeOrder = survivalOrder(time, event);
    for (const covariates of [
      [{ name: 'x', kind: 'numeric' as const, values: x }],
      [{ name: 'g', kind: 'categorical' as const, values: g }],
      [{ name: 'x', kind: 'numeric' as const, values: x }, { name: 'g', kind: 'categorical' as const, values: g }],
    ]) {
      const sorted = coxph({ time, event, covariates });
      const given = coxph({ time, event, covariates, timeOrder });
      expect(given).toEqual(sorted);
      expect(given.n).toBeLessThan(3000);
    }
    // the order was taken, not refused: the complete cases of the model on x
    const rows = Int32Array.from(Array.from(time.keys()).filter((i) => [time[i], event[i], x[i]].every((v) => !Number.isNaN(v))));
    const stop = Float64Array.from(rows, (i) => time[i]);
    const ev = Uint8Array.from(rows, (i) => event[i]);
    const kept = keptOrder(timeOrder, rows, 3000, stop, ev);
    expect(kept).not.toBeNull();
    expect(kept!.length).toBe(rows.length);
  });
  it('keptOrder refuses an order that is not the rows\' sort order (the fit then sorts)', () => {
    const stop = new Float64Array([2, 1, 1, 3]);
    const event = new Uint8Array([1, 0, 1, 1]);
    const rows = Int32Array.from([0, 1, 2, 3]);
    expect(Array.from(keptOrder(Int32Array.from([2, 1, 0, 3]), rows, 4, stop, event)!)).toEqual([2, 1, 0, 3]);
    expect(keptOrder(Int32Array.from([1, 2, 0, 3]), rows, 4, stop, event)).toBeNull(); // a censoring before a death at time 1
    expect(keptOrder(Int32Array.from([2, 1, 3, 0]), rows, 4, stop, event)).toBeNull(); // 3 before 2
    expect(keptOrder(Int32Array.from([2, 1, 0]), rows, 4, stop, event)).toBeNull(); // a row missing
    expect(keptOrder(Int32Array.from([2, 1, 0, 3, 9]), rows, 4, stop, event)).toBeNull(); // not a row
    // the fit with a wrong order is the fit with none
    const time = Float64Array.from({ length: 40 }, (_, i) => (i % 7) + 1);
    const ev = Float64Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 0 : 1));
    const covariates = [{ name: 'x', kind: 'numeric' as const, values: Float64Array.from({ length: 40 }, (_, i) => (i * 37) % 11) }];
    expect(coxph({ time, event: ev, covariates, timeOrder: Int32Array.from({ length: 40 }, (_, i) => i) })).toEqual(coxph({ time, event: ev, covariates }));
  });
});
