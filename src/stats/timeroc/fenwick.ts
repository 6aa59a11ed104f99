/**
 * A Fenwick (binary indexed) tree of Float64 sums over positions 1..size, with the value at each
 * position kept alongside: add and prefix sums in O(log size).
 *
 * @example
 * const f = new Fenwick(4); f.add(2, 1.5); f.add(4, 2);
 * [f.prefix(3), f.at[2], f.total] // [1.5, 1.5, 3.5]
 */
export class Fenwick {
  readonly tree: Float64Array;
  readonly at: Float64Array;
  total = 0;
  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
    this.at = new Float64Array(size + 1);
  }
  add(i: number, v: number): void {
    this.at[i] += v;
    this.total += v;
    for (let q = i; q <= this.size; q += q & -q) this.tree[q] += v;
  }
  /** Σ of positions 1..i. */
  prefix(i: number): number {
    let s = 0;
    for (let q = i; q > 0; q -= q & -q) s += this.tree[q];
    return s;
  }
  /** Σ of positions above i plus ½ the value at i. */
  aboveHalf(i: number): number {
    return this.total - this.prefix(i) + 0.5 * this.at[i];
  }
}
