/**
 * What the spline effect figure draws: the hazard (odds) ratio curve of a marker relative to a
 * reference value with its pointwise 95% band, the reference value, the knots and a rug of the
 * observed values (src/analysis/splineAnalysis.ts gives them).
 */
export interface SplineCurveFigureData {
  readonly title?: string;
  /** 'HR' or 'OR'. */
  readonly measure: string;
  readonly xLabel: string;
  readonly points: readonly { readonly x: number; readonly ratio: number; readonly lower: number; readonly upper: number }[];
  readonly reference: number;
  readonly knots: readonly number[];
  readonly rug: readonly number[];
  /** "P for nonlinearity = 0.003" style note printed in the plot, or null. */
  readonly note: string | null;
}
