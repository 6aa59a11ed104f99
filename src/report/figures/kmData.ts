/**
 * Input of the Kaplan–Meier figure: what a survival engine's results naturally hold, filled in by
 * the study pipeline. Plain data, no methods; nulls where R would print NA.
 */

/** One step of a Kaplan–Meier curve: the estimate from `time` on (right-continuous). */
export interface KmStepPoint {
  readonly time: number;
  readonly surv: number;
  /** Confidence limits of `surv`; null where undefined (e.g. once the curve reaches 0). */
  readonly lower?: number | null;
  readonly upper?: number | null;
}

/** Number at risk just before `time` (survfit's n.risk at that time, as under R's risk tables). */
export interface KmAtRisk {
  readonly time: number;
  readonly n: number;
}

export interface KmGroupData {
  readonly label: string;
  readonly n: number;
  readonly events: number;
  /** Steps in time order. A starting point (0, 1) is added when absent. */
  readonly points: readonly KmStepPoint[];
  /** Times of censored observations (ticks on the curve). */
  readonly censorTimes?: readonly number[];
  /** Median survival time; null when the curve never reaches 0.5. */
  readonly median?: number | null;
  /** Numbers at risk at the axis tick times (see kmTimeTicks); drawn as the table under the axis. */
  readonly atRisk?: readonly KmAtRisk[];
}

export interface KmLogRank {
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

export interface KmFigureData {
  /** Accessible name of the figure (<title>), e.g. "Overall survival by SII". */
  readonly title: string;
  /** Extra sentence for <desc>; the figure adds the numbers itself. */
  readonly description?: string;
  readonly groups: readonly KmGroupData[];
  readonly logRank?: KmLogRank | null;
  /** Axis titles; defaults 'Time' and 'Survival probability'. */
  readonly timeLabel?: string;
  readonly survivalLabel?: string;
  /** Right end of the time axis; default the last observation. */
  readonly maxTime?: number;
}
