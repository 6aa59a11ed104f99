/**
 * The one sort of the survival engine: an index permutation that orders non-negative times
 * ascending (stable: equal times keep their input order). LSD radix sort on the IEEE-754 bits,
 * which order like the numbers for non-negative doubles: four 16-bit passes, O(n).
 *
 * Contract: every time is finite and ≥ 0 (the caller checked); −0 is treated as 0.
 *
 * @example sortByTime(new Float64Array([3, 1, 2, 1])) // Uint32Array [1, 3, 2, 0]
 */
export function sortByTime(time: Float64Array): Uint32Array {
  const n = time.length;
  const words = new Uint32Array(timeBits(time).buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const lo = little ? 0 : 1;
  const hi = 1 - lo;
  let idx: Uint32Array = identityIndex(n);
  let tmp: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    // a pass whose digit is the same for every element is skipped (common: low mantissa bits of integers)
    if (!timeDigitPass(words, pass < 2 ? lo : hi, (pass & 1) * 16, count, idx, tmp)) continue;
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}

// The steps are functions of their own: as loops of sortByTime, V8 compiled each on its own
// (on-stack replacement) and left that code at the next for want of type feedback (12 compiles and
// 20 deoptimizations in one 100,000-patient analyze).

/** The times with −0 as 0. */
function timeBits(time: Float64Array): Float64Array {
  const bits = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) bits[i] = time[i] === 0 ? 0 : time[i];
  return bits;
}

function identityIndex(n: number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** The counts of each 16-bit digit at `shift` of word `w` of the n times, into `count`. */
function digitHistogram(words: Uint32Array, w: number, shift: number, count: Uint32Array, n: number): void {
  count.fill(0);
  for (let i = 0; i < n; i++) count[(words[2 * i + w] >>> shift) & 0xffff]++;
}

/** One stable pass on the 16-bit digit at `shift` of word `w` of each time, idx → tmp; false (nothing moved) when every element has the same digit. */
function timeDigitPass(words: Uint32Array, w: number, shift: number, count: Uint32Array, idx: Uint32Array, tmp: Uint32Array): boolean {
  const n = idx.length;
  digitHistogram(words, w, shift, count, n);
  if (n > 0 && count[(words[2 * idx[0] + w] >>> shift) & 0xffff] === n) return false;
  digitStarts(count);
  digitScatter(words, w, shift, count, idx, tmp);
  return true;
}

/** The counts turned into each digit's first place. */
function digitStarts(count: Uint32Array): void {
  let sum = 0;
  for (let d = 0; d < count.length; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
}

/** Each index to its digit's next place, idx → tmp. */
function digitScatter(words: Uint32Array, w: number, shift: number, count: Uint32Array, idx: Uint32Array, tmp: Uint32Array): void {
  for (let i = 0; i < idx.length; i++) {
    const j = idx[i];
    tmp[count[(words[2 * j + w] >>> shift) & 0xffff]++] = j;
  }
}

/**
 * Stable partition of a sorted index by an integer code 0..k−1: each code's indices stay in time
 * order. Returns the reordered index and the start offset of each code (length k + 1).
 *
 * @example partitionByCode(new Uint32Array([1, 3, 2, 0]), new Int32Array([0, 1, 0, 1]), 2)
 * // { order: Uint32Array [2, 0, 1, 3], start: Uint32Array [0, 2, 4] }
 */
export function partitionByCode(order: Uint32Array, code: Int32Array, k: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(k + 1);
  for (let i = 0; i < order.length; i++) start[code[order[i]] + 1]++;
  for (let g = 0; g < k; g++) start[g + 1] += start[g];
  const pos = start.slice(0, k);
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const j = order[i];
    out[pos[code[j]]++] = j;
  }
  return { order: out, start };
}
