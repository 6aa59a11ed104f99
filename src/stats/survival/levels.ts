/**
 * Group levels of a label column: sorted numerically when every label reads as a number,
 * else by code point (deterministic, locale-free). Codes index the sorted levels; −1 = missing.
 *
 * @example encodeLevels(['2', '10', null, '2']) // { levels: ['2', '10'], code: Int32Array [0, 1, -1, 0] }
 */
export function sortLevels(labels: Iterable<string>): string[] {
  const u = [...new Set(labels)];
  const numeric = u.length > 0 && u.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
  return numeric ? u.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0)) : u.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function encodeLevels(labels: readonly (string | null)[]): { levels: string[]; code: Int32Array } {
  // One pass in order of appearance, then relabel codes to the sorted order.
  const seen = new Map<string, number>();
  const code = new Int32Array(labels.length);
  let last: string | null = null;
  let lastCode = -1;
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    if (s === null) {
      code[i] = -1;
      continue;
    }
    if (s !== last) {
      let c = seen.get(s);
      if (c === undefined) seen.set(s, (c = seen.size));
      last = s;
      lastCode = c;
    }
    code[i] = lastCode;
  }
  const levels = sortLevels(seen.keys());
  const remap = new Int32Array(seen.size);
  levels.forEach((l, j) => (remap[seen.get(l)!] = j));
  for (let i = 0; i < code.length; i++) if (code[i] >= 0) code[i] = remap[code[i]];
  return { levels, code };
}

/** Codes of the kept rows, and each level's count among them. */
export function codesOf(code: Int32Array, rows: Uint32Array, k: number): { code: Int32Array; count: Float64Array } {
  const out = new Int32Array(rows.length);
  const count = new Float64Array(k);
  for (let i = 0; i < rows.length; i++) {
    const c = code[rows[i]];
    out[i] = c;
    count[c]++;
  }
  return { code: out, count };
}

/** True when every level reads as a number. */
export function levelsAreNumeric(levels: readonly string[]): boolean {
  return levels.length > 0 && levels.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
}
