/**
 * Input of the meta-analysis forest plot: each study's ratio with its CI and weight (%), the
 * pooled estimates as diamonds (fixed effect, random effects, subgroups), the prediction interval,
 * and a heterogeneity line. Ratios, not logs; the layout draws them on a log axis.
 */
export interface MetaForestStudy {
  readonly label: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Weight (%) in the model drawn; the square's area is proportional to it. */
  readonly weight: number;
  readonly n?: number | null;
  /** Drawn with a hollow marker and a footnote mark (e.g. a CI not symmetric on the log scale). */
  readonly flagged?: boolean;
}

export interface MetaForestPooled {
  readonly label: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** The main (bold) summary. */
  readonly main?: boolean;
}

export interface MetaForestGroup {
  /** Subgroup heading, or null for the ungrouped list. */
  readonly heading: string | null;
  readonly studies: readonly MetaForestStudy[];
  /** The subgroup's pooled estimate (diamond), and its heterogeneity text. */
  readonly pooled?: MetaForestPooled | null;
  readonly note?: string | null;
}

export interface MetaForestFigureData {
  readonly title: string;
  /** Axis measure name, e.g. "Hazard ratio". */
  readonly measureName: string;
  /** Column header of the estimates, e.g. "HR (95% CI)". */
  readonly estimateHeader: string;
  readonly groups: readonly MetaForestGroup[];
  readonly pooled: readonly MetaForestPooled[];
  /** Prediction interval of the main pooled estimate (ratio scale), drawn as a bar under its diamond. */
  readonly prediction?: { readonly label: string; readonly lower: number; readonly upper: number } | null;
  /** Lines printed under the plot (heterogeneity, test for subgroup differences, footnotes). */
  readonly notes: readonly string[];
  /** Labels under the axis either side of 1, e.g. ["Favours low SII", "Favours high SII"]; none when absent. */
  readonly favours?: readonly [string, string] | null;
}
