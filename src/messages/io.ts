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
  decimalCommaNotDeclared: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not a number with a decimal point; if the file writes ` +
    `decimals with a comma, declare it: --decimal , on the command line, or decimal: "," on the source in the study file.`,
  decimalMarkAmbiguous: (file: string, row: number, column: string, value: string, reading: 'thousands' | 'dot') =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} could be ` +
    (reading === 'thousands'
      ? `${value.replace(/,/g, '.')} (decimal comma) or ${value.replace(/,/g, '')} (thousands separator)`
      : `${value} (decimal point) or ${value.replace('.', '')} (thousands separator beside the file's decimal commas)`) +
    `; declare the decimal mark (--decimal , or --decimal . on the command line; decimal: on the source in the study file)` +
    (reading === 'dot' ? ' and write the number without a thousands separator.' : '.'),
  badDecimalMark: (value: string) => `--decimal must be '.' or ',' (the decimal mark of the file's numbers), not ${q(value)}.`,
  headerLooksLikeData: (file: string, first: string[]) =>
    `${file}: the first row (${first.slice(0, 6).join(', ')}${first.length > 6 ? ', …' : ''}) looks like data, not column names. ` +
    `If the file has no header row, say so: --no-header (and --columns A,B,…) on the command line, or ` +
    `header: false with columns: [A, B, …] on the source in the study file.`,
  columnsCountMismatch: (file: string, names: number, row: number, fields: number) =>
    `${file}: columns: gives ${names} names but row ${row} has ${fields} fields; give one name per field.`,
  columnsWithHeader: (file: string) =>
    `${file}: columns: names the columns of a file without a header row; remove header: true (or remove columns: to use the file's header).`,
  duplicateColumnName: (file: string, name: string) =>
    `${file}: columns: gives the name ${q(name)} twice; each column needs its own name.`,
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
  readProgress: (file: string, phase: 'bytes' | 'rows', rows: number, fraction: number, bytes: number) =>
    phase === 'bytes'
      ? `${file}: reading ${(bytes / 2 ** 20).toFixed(0)} MB, ${Math.round(100 * fraction)}% …`
      : `${file}: ${rows.toLocaleString('en-US')} rows read, ${Math.round(100 * fraction)}% …`,
  databaseFailed: (source: string, reason: string) => `${source}: the database could not be read: ${reason.replace(/\s+/g, ' ').trim()}`,
  databaseNoColumns: (source: string, query: string) => `${source}: the query returned no columns (${q(query.length > 80 ? `${query.slice(0, 77)}…` : query)}).`,
  databaseNoUrl: (variable: string) =>
    `the environment variable ${variable} is not set; set it to the PostgreSQL connection string (postgres://user:password@host:5432/db) before running siilab.`,
  readDone: (file: string, rows: number, seconds: number) => `${file}: ${rows.toLocaleString('en-US')} rows read in ${seconds.toFixed(1)} s.`,
} as const;
