/**
 * The formats a report is written in (writeReport.ts): report.html, report.docx, report.md. On its
 * own, so that a command checks its --format option without loading the report's modules.
 *
 * @example
 * REPORT_FORMATS.includes('docx') // true
 */
export type ReportFormat = 'html' | 'docx' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'docx', 'md'];
