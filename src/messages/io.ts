/** User-facing messages for reading files and columns. Every refusal names file, row and column. */
const q = (s: string): string => `'${s}'`;

export const ioMessages = {
  fileMissing: (file: string) => `${file}: no such file.`,
  fileUnreadable: (file: string, why: string) => `${file}: cannot be read (${why}).`,
  fileEmpty: (file: string) => `${file}: the file is empty (no header row and no data rows).`,
  noDataRows: (file: string) => `${file}: the file has a header row but no data rows.`,
  unknownFormat: (file: string) =>
    `${file}: unknown file type; use .csv, .tsv, .txt (comma or tab separated) or .xlsx.`,
  sheetMissing: (file: string, sheet: string, sheets: string[]) =>
    `${file}: no sheet ${q(sheet)}; the workbook has ${sheets.map(q).join(', ')}.`,
  duplicateColumn: (file: string, name: string) =>
    `${file}: the header names column ${q(name)} twice; rename one of them.`,
  columnMissing: (file: string, name: string, option: string, suggestion: string | null, columns: string[]) =>
    `${file}: no column ${q(name)} (given by ${option}).` +
    (suggestion ? ` Did you mean ${q(suggestion)}?` : '') +
    ` Columns are: ${columns.slice(0, 30).map(q).join(', ')}${columns.length > 30 ? ', …' : ''}.`,
  notANumber: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not a number.`,
  notFinite: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not a finite number.`,
  negativeNotAllowed: (file: string, row: number, column: string, value: number) =>
    `${file}, row ${row}, column ${q(column)}: ${value} is negative, which this column cannot be.`,
  eventNotBinary: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: event value ${q(value)} is not 0/1 or true/false; ` +
    `use --event-value V to say which value marks the event.`,
  outcomeNotBinary: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: outcome value ${q(value)} is not 0/1 or true/false; ` +
    `use --positive V to say which value marks a case.`,
} as const;
