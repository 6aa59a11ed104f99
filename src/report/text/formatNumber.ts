/** Number formatting for terminal output (not for reports): significant digits, NA for null. */
export function sig(x: number | null | undefined, digits = 6): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'NA';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e7) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(digits)));
}

/** P value for terminal output: 3 significant digits, '< 2e-16' style floor as R prints. */
export function pval(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'NA';
  if (p < 2.2e-16) return '< 2.2e-16';
  return sig(p, 3);
}
