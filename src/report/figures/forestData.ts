/**
 * Input of the forest plot: hazard or odds ratios with confidence limits, one panel per model
 * (e.g. univariate and multivariate Cox). Rows of different panels are matched by `key`
 * (default the label), so a multivariate panel may hold fewer rows.
 */
export interface ForestRow {
  readonly label: string;
  /** Matching key across panels; default `label`. */
  readonly key?: string;
  /** Ratio (not log); null or non-finite when not estimable (drawn without a marker, with a note). */
  readonly estimate?: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  readonly p?: number | null;
  readonly n?: number | null;
  /** A group heading (e.g. "Tumour stage"): label only, bold. */
  readonly header?: boolean;
  /** The reference level of a categorical variable: prints "Reference". */
  readonly reference?: boolean;
  /** Text shown instead of the estimate when it is not estimable (default "Not estimable"). */
  readonly note?: string;
  /** Indent the label under a heading. */
  readonly indent?: boolean;
}

export interface ForestPanel {
  /** E.g. "Univariate", "Multivariate". */
  readonly title: string;
  readonly rows: readonly ForestRow[];
}

export interface ForestFigureData {
  readonly title: string;
  readonly description?: string;
  readonly measure: 'HR' | 'OR';
  readonly panels: readonly ForestPanel[];
  /** Header of the label column. Default 'Variable'. */
  readonly labelHeader?: string;
}
