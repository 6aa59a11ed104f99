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
  const levels = sortLevels(labels.filter((s): s is string => s !== null));
  const index = new Map(levels.map((l, i) => [l, i]));
  const code = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    code[i] = s === null ? -1 : index.get(s)!;
  }
  return { levels, code };
}

/** True when every level reads as a number. */
export function levelsAreNumeric(levels: readonly string[]): boolean {
  return levels.length > 0 && levels.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
}
