/**
 * Prediction interval for the true effect of a new study (Higgins, Thompson & Spiegelhalter 2009,
 * J R Stat Soc A 172:137–159; Riley, Higgins & Deeks 2011, BMJ 342:d549):
 * μ̂ ± c·√(SE(μ̂)² + τ²̂). `convention: 'metafor'` matches metafor's predict(): c is the normal
 * quantile under test "z" and t_{k−1} (k − p) under "knha", with the (adjusted) SE of that test;
 * `convention: 'hts'` is Higgins et al.'s t_{k−2} with the model's SE. Null for the fixed-effect
 * model (no between-study variance) and, for 'hts', when k < 3.
 *
 * @example
 * // metafor dat.bcg (log RR), REML: predict() pi −1.8666922179029 to 0.437627533586617
 * predictionInterval(fit) // { lower: −1.86669221790…, upper: 0.43762753358…, df: null }
 */
import { qnorm, qt } from '../dist/index.js';
import type { MetaFit } from './types.js';

export interface PredictionInterval {
  readonly lower: number;
  readonly upper: number;
  /** Degrees of freedom of the t quantile, or null for the normal quantile. */
  readonly df: number | null;
  readonly convention: 'metafor' | 'hts';
}

export function predictionInterval(fit: MetaFit, convention: 'metafor' | 'hts' = 'metafor'): PredictionInterval | null {
  if (fit.method === 'FE' || fit.p !== 1) return null;
  const a = 1 - (1 - fit.level) / 2;
  let df: number | null;
  if (convention === 'hts') {
    if (fit.k < 3) return null;
    df = fit.k - 2;
  } else df = fit.df;
  const c = df === null ? qnorm(a) : qt(a, df);
  const s = Math.sqrt(fit.se[0] * fit.se[0] + fit.tau2);
  return Object.freeze({ lower: fit.b[0] - c * s, upper: fit.b[0] + c * s, df, convention });
}
