/**
 * Input of the funnel plot: each study's effect (ratio) against its standard error (of the log
 * ratio), the pooled estimate the pseudo-confidence region is centred on, studies imputed by
 * trim-and-fill (drawn hollow), and notes (Egger's test, trim-and-fill).
 */
export interface FunnelPoint {
  readonly label: string;
  /** Ratio (not log). */
  readonly estimate: number;
  /** SE of the log ratio. */
  readonly se: number;
  readonly imputed?: boolean;
}

export interface FunnelFigureData {
  readonly title: string;
  readonly measureName: string;
  readonly points: readonly FunnelPoint[];
  /** Ratio at the centre of the funnel (the pooled estimate). */
  readonly centre: number;
  readonly centreLabel: string;
  readonly notes: readonly string[];
}
