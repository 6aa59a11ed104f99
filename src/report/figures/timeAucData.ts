/**
 * Input of the time-dependent AUC figure: per marker, AUC(t) with its confidence limits on a grid
 * of times (the line and the band) and at the reported horizons (the marked points).
 */
export interface TimeAucPoint {
  readonly time: number;
  readonly auc: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface TimeAucSeries {
  readonly label: string;
  /** The curve, in any order; non-finite entries are skipped. */
  readonly curve: readonly TimeAucPoint[];
  /** The reported horizons (marked). */
  readonly points: readonly TimeAucPoint[];
}

export interface TimeAucFigureData {
  /** Accessible name (<title>). */
  readonly title: string;
  readonly timeLabel: string;
  readonly series: readonly TimeAucSeries[];
  /** Confidence level of the band. Default 0.95. */
  readonly confLevel?: number;
}
