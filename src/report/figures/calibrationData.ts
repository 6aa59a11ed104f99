/**
 * Input of the calibration figure: observed against predicted risk per risk group (with the
 * observed risk's confidence limits), the smooth calibration curve, and the distribution of the
 * predicted risks (a histogram on [0, 1]) — as src/stats/calibration reports them.
 */
export interface CalibrationFigureGroup {
  readonly predicted: number;
  readonly observed: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface CalibrationFigureData {
  /** Accessible name (<title>). */
  readonly title: string;
  /** x-axis title, e.g. "Predicted risk of death by 36 months". */
  readonly predictedLabel: string;
  /** y-axis title, e.g. "Observed risk (1 − Kaplan–Meier)". */
  readonly observedLabel: string;
  readonly groups: readonly CalibrationFigureGroup[];
  readonly smooth: { readonly predicted: readonly number[]; readonly observed: readonly number[] } | null;
  readonly histogram: { readonly width: number; readonly counts: readonly number[] } | null;
  /** One line of statistics under the legend, e.g. "ICI 0.019, E50 0.018, E90 0.034; slope 0.86". */
  readonly note?: string;
  readonly smoothLabel?: string;
}

/** The figure data of a calibration result (src/stats/calibration/survivalCalibration.ts). */
export function calibrationFigureData(
  c: {
    readonly groups: readonly CalibrationFigureGroup[];
    readonly smooth: { readonly curve: { readonly predicted: readonly number[]; readonly observed: readonly number[] }; readonly ici: number; readonly e50: number; readonly e90: number } | null;
    readonly histogram: { readonly width: number; readonly counts: readonly number[] };
    readonly slope: { readonly estimate: number } | null;
  },
  labels: { readonly title: string; readonly predictedLabel: string; readonly observedLabel: string; readonly smoothLabel?: string },
  fmt: (x: number, digits: number) => string,
): CalibrationFigureData {
  const parts: string[] = [];
  if (c.smooth) parts.push(`ICI ${fmt(c.smooth.ici, 3)}, E50 ${fmt(c.smooth.e50, 3)}, E90 ${fmt(c.smooth.e90, 3)}`);
  if (c.slope) parts.push(`calibration slope ${fmt(c.slope.estimate, 2)}`);
  return {
    ...labels,
    groups: c.groups,
    smooth: c.smooth ? c.smooth.curve : null,
    histogram: c.histogram,
    note: parts.join('; '),
  };
}
