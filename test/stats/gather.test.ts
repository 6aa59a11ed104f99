import { describe, expect, it } from 'vitest';
import { gather } from '../../src/stats/gather.js';

describe('gather', () => {
  it('takes the rows asked for, in their order, repeats included', () => {
    expect(Array.from(gather(new Float64Array([10, 20, 30]), [2, 0]))).toEqual([30, 10]);
    expect(Array.from(gather([1.5, NaN, -0], Int32Array.of(1, 1, 2)))).toEqual([NaN, NaN, -0]);
    expect(gather(new Uint8Array([1, 0]), [])).toEqual(new Float64Array(0));
  });
});
