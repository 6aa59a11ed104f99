/** The --format option of the commands that write a report: the formats listed (default all), checked. */
import { usageError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/reportFormat.js';

/**
 * @example
 * reportFormats('analyze', ['html', 'md']) // ['html', 'md']
 * reportFormats('analyze', null)           // ['html', 'docx', 'md']
 */
export function reportFormats(cmd: string, list: string[] | null): ReportFormat[] {
  const f = list ?? [...REPORT_FORMATS];
  for (const x of f) if (!(REPORT_FORMATS as readonly string[]).includes(x)) throw usageError(cliMessages.badChoice(cmd, 'format', x, REPORT_FORMATS));
  return f as ReportFormat[];
}
