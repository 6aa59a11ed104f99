/**
 * Journal number formatting, used by every table, figure label and results sentence.
 *
 * Rounding rule (documented in the report's methods): estimates to `digits` decimals, half away
 * from zero on the decimal string (not binary floating-point artefacts: 2.675 → "2.68");
 * P values as below. Null or non-finite values print as an em dash, never NaN.
 */

/** Rounds half away from zero at `digits` decimals and prints exactly that many. @example fixed(2.675, 2) // '2.68' */
export function fixed(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = Math.abs(x).toPrecision(15);
  const n = Number(s);
  const factor = 10 ** digits;
  const r = Math.round(n * factor + 1e-9 * Math.max(1, n * factor)) / factor;
  const out = r.toFixed(digits);
  return x < 0 && Number(out) !== 0 ? `−${out}` : out;
}

/**
 * P value as journals print it: "< 0.001" below 0.001, otherwise 3 decimals ("0.049", "0.500"),
 * and never "0.000" or "1.000" (a P rounding to 1 prints "> 0.999").
 * @example formatP(0.00042) // '< 0.001'
 * @example formatP(0.0496) // '0.050'
 */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.001) return '< 0.001';
  if (p > 0.9995) return '> 0.999';
  return fixed(p, 3);
}

/** "P = 0.012" or "P < 0.001" for sentences and figure labels. */
export function pPhrase(p: number | null | undefined): string {
  const f = formatP(p);
  return f.startsWith('<') || f.startsWith('>') ? `P ${f}` : `P = ${f}`;
}

/** n (%) with the percentage to `digits` decimals. @example nPercent(53, 110) // '53 (48.2)' */
export function nPercent(n: number, total: number, digits = 1): string {
  if (total <= 0) return `${n} (—)`;
  return `${n} (${fixed((100 * n) / total, digits)})`;
}

/** mean ± SD. @example meanSd(23.254, 1.871, 2) // '23.25 ± 1.87' */
export function meanSd(mean: number | null, sd: number | null, digits = 2): string {
  return `${fixed(mean, digits)} ± ${fixed(sd, digits)}`;
}

/** median (Q1–Q3). */
export function medianIqr(median: number | null, q1: number | null, q3: number | null, digits = 2): string {
  return `${fixed(median, digits)} (${fixed(q1, digits)}–${fixed(q3, digits)})`;
}

/** estimate (lower–upper). @example estimateCi(2.211, 1.089, 4.489) // '2.211 (1.089–4.489)' */
export function estimateCi(est: number | null, lower: number | null, upper: number | null, digits = 3): string {
  if (est === null || !Number.isFinite(est)) return '—';
  return `${fixed(est, digits)} (${fixed(lower, digits)}–${fixed(upper, digits)})`;
}

/** A number with a sensible number of decimals for its size (cutoffs, medians). */
export function auto(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  return fixed(x, a >= 100 ? 2 : a >= 1 ? 3 : 3);
}
