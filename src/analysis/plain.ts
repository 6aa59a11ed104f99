/**
 * Engine results → plain JSON-able data for the results bundle: typed arrays become arrays, NaN and
 * ±Infinity become null, Maps become objects, and bulky internals named in `omit` are dropped.
 * `Plain<T>` is the type of the result.
 */
type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array | Int8Array | Uint16Array | Int16Array;

export type Plain<T> = T extends TypedArray
  ? (number | null)[]
  : T extends number
    ? number
    : T extends string | boolean | null | undefined
      ? T
      : T extends ReadonlyMap<infer K, infer V>
        ? { [key: string]: Plain<V> } & { __keys?: K }
        : T extends readonly (infer U)[]
          ? Plain<U>[]
          : T extends (...args: any[]) => any
            ? never
            : { [K in keyof T]: Plain<T[K]> };

// `cases`/`controls`/`sortedCases`/`sortedControls`: a ROC analysis's oriented groups — every
// patient's marker value, twice (100,000 patients: 4.7 MB of a marker's 15 MB); the bundle keeps the
// curve, the counts and the statistics, not the patients' values
const DEFAULT_OMIT = new Set(['placements', 'rows', 'linearPredictors', 'cuts', 'stats', 'cases', 'controls', 'sortedCases', 'sortedControls']);

export function toPlain<T>(value: T, omit: ReadonlySet<string> = DEFAULT_OMIT): Plain<T> {
  return conv(value, omit) as Plain<T>;
}

function num(x: number): number | null {
  return Number.isFinite(x) ? (Object.is(x, -0) ? 0 : x) : null;
}

function conv(v: unknown, omit: ReadonlySet<string>): unknown {
  if (v === null || v === undefined) return v ?? null;
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'function') return undefined;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, num);
  if (Array.isArray(v)) return v.map((x) => conv(x, omit));
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[String(k)] = conv(x, omit);
    return o;
  }
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (typeof x === 'function') continue;
      // Bulky internals: typed arrays under these keys (row indices, linear predictors, scan grids, patients' marker values) and DeLong placements.
      if (omit.has(k) && (ArrayBuffer.isView(x) || k === 'placements')) continue;
      o[k] = conv(x, omit);
    }
    return o;
  }
  return null;
}
