/**
 * A continuous covariate on a usable scale: (f(x) − offset) / scale with f = log, log2, log10, sqrt
 * or identity; `standardise` sets offset = mean and scale = SD (n − 1) × per; otherwise offset = 0
 * and scale = per. Missing values (NaN) stay missing; values outside f's domain are counted, not
 * transformed (the caller refuses them). Pure; one pass for the transform, one for the moments.
 *
 * @example
 * scaleCovariate(Float64Array.of(100, 200, 300), { per: 100 }).values // Float64Array [1, 2, 3]
 * scaleCovariate(Float64Array.of(1, 2, 3), { transform: 'standardise' }).values // Float64Array [-1, 0, 1]
 */
export type CovariateTransform = 'log' | 'log2' | 'log10' | 'sqrt' | 'standardise';

export interface ScaledCovariate {
  readonly values: Float64Array;
  readonly offset: number;
  readonly scale: number;
  /** The SD used when standardised, else null. */
  readonly sd: number | null;
  /** Values outside the transform's domain (≤ 0 for logs, < 0 for sqrt), set to NaN. */
  readonly outOfDomain: number;
}

const FN: Readonly<Record<string, (x: number) => number>> = { log: Math.log, log2: Math.log2, log10: Math.log10, sqrt: Math.sqrt };

export function scaleCovariate(x: Float64Array, opts: { readonly transform?: CovariateTransform; readonly per?: number }): ScaledCovariate {
  const tr = opts.transform;
  const per = opts.per ?? 1;
  const fn = tr && tr !== 'standardise' ? FN[tr] : null;
  const v = new Float64Array(x.length);
  let bad = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (fn && Number.isFinite(xi) && (tr === 'sqrt' ? xi < 0 : xi <= 0)) {
      bad++;
      v[i] = NaN;
    } else v[i] = fn ? fn(xi) : xi;
  }
  let offset = 0;
  let scale = per;
  let sd: number | null = null;
  if (tr === 'standardise') {
    let n = 0, mean = 0, m2 = 0;
    for (const xi of v)
      if (Number.isFinite(xi)) {
        n++;
        const d = xi - mean;
        mean += d / n;
        m2 += d * (xi - mean);
      }
    sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
    offset = mean;
    scale = sd * per;
  }
  if (offset !== 0 || scale !== 1) for (let i = 0; i < v.length; i++) v[i] = (v[i] - offset) / scale;
  return { values: v, offset, scale, sd, outOfDomain: bad };
}
