/**
 * A report as a document model: sections of paragraphs, tables and figures. Built once from a
 * results bundle, rendered to every format (HTML, Word, Markdown) by the renderers beside this file.
 */
import type { ReportTable } from '../tables/reportTable.js';

export interface ReportFigure {
  readonly id: string;
  readonly caption: string;
  /** The figure as a standalone SVG document (from src/report/figures). */
  readonly svg: string;
  /** Width in millimetres at which it is meant to be printed (85 single column, 175 double). */
  readonly widthMm: number;
}

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly style?: 'normal' | 'note' | 'warning' }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly table: ReportTable }
  | { readonly kind: 'figure'; readonly figure: ReportFigure };

export interface ReportSection {
  readonly id: string;
  readonly heading: string;
  readonly level?: 1 | 2;
  readonly blocks: readonly ReportBlock[];
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  /** Shown prominently at the top (e.g. "SIMULATED DATA — not patients"). */
  readonly banner: string | null;
  readonly sections: readonly ReportSection[];
  /** Files written beside the report (path → text), e.g. excluded.csv with every excluded patient. */
  readonly attachments?: Readonly<Record<string, string>>;
  /** Provenance line: siilab version, input file hash, date. */
  readonly provenance: string;
}
