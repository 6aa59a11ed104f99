/** Why a study asked to run its long-format derivations in DuckDB (src/cohort/sql) runs them in JavaScript. */
export const sqlPathMessages = {
  sourceCount: (n: number) => `the SQL path takes one long source (this study has ${n})`,
  notLast: () => 'the SQL path takes a long source after the patient source, as the last source',
  notCsv: () => 'the SQL path reads a long CSV/TSV file (other sources are read in JavaScript)',
  fileOptions: () => 'the SQL path reads a file with a header row as written (no sheet, columns, header or decimal options)',
  noFile: (file: string) => `${file} does not exist or is empty (the JavaScript reader says which)`,
  duckdbFailed: (file: string, reason: string) => `DuckDB did not read ${file}: ${reason}`,
  wideMeasurement: (name: string) => `${name} is measured in a one-row-per-patient source (the SQL path takes draws from the long source only)`,
  notMeasurement: (name: string) => `${name} in the long source is not a laboratory measurement in its canonical unit (the SQL path compiles those)`,
  index: (index: string) => `the index ${index} from these inputs is computed in JavaScript`,
  noColumn: (column: string, file: string) => `column '${column}' is not in ${file}`,
  comma: (column: string) => `a cell with a comma in column '${column}' (decimal commas are read by the JavaScript path)`,
  notNumber: (name: string) => `${name} is not a number`,
  noDrawValue: (name: string) => `no draw value ${name}`,
  header: (file: string) => `DuckDB reads the header or the numbers of ${file} otherwise than siilab's reader (delimiter, names, decimal commas)`,
  ranInJs: (note: string) => `Derivations ran in JavaScript, not DuckDB: ${note}.\n`,
};
