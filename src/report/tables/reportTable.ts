/**
 * The table model every report table is built into, and every format renders from
 * (HTML, Word, Markdown, CSV). Cells are already formatted text: formatting happens once,
 * when a results bundle is turned into ReportTables.
 */
export type Align = 'left' | 'right' | 'center';

export interface ReportColumn {
  readonly label: string;
  readonly align: Align;
}

export interface ReportHeaderGroup {
  readonly label: string;
  /** Number of columns this group spans (groups are laid out left to right, '' for an empty span). */
  readonly span: number;
}

export interface ReportRow {
  readonly cells: readonly string[];
  /** A section heading row (e.g. a variable name above its categories): spans the table. */
  readonly section?: boolean;
  /** Indentation level of the first cell (categories under a variable). */
  readonly indent?: number;
}

export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly headerGroups?: readonly ReportHeaderGroup[];
  readonly rows: readonly ReportRow[];
  readonly footnotes: readonly string[];
}
