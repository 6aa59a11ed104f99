/** User-facing messages for building the analysis dataset: dates, long data, derivations, exclusions. */
const q = (s: string): string => `'${s}'`;

export const cohortMessages = {
  aggregateChoice: (fits: boolean, withDraw: number, patients: number, checked: boolean) =>
    !checked
      ? 'Per-patient SII: the last draw on or before the time origin (baseline); no draw or origin dates were found to check it, so check it.'
      : fits
        ? `Per-patient SII: the last draw on or before the time origin (baseline), because ${withDraw} of ${patients} patients have a draw by then.`
        : `Per-patient SII: the first draw (aggregate: first), because only ${withDraw} of ${patients} patients have a draw on or before the time origin; a baseline value would exclude the others.`,
  badFix: (file: string, row: number, column: string) => `${file}: there is no row ${row} with a column ${q(column)} to correct.`,
  strayText: (file: string, row: number, column: string, value: string, suggestion: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not a number, unlike the rest of the column; ` +
    (suggestion ? `did you mean ${suggestion}?` : 'correct it or leave the cell empty (missing).'),
  strayCode: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} in a column of 0/1 (no/yes); correct it to 0 or 1, or leave the cell empty (missing). ` +
    'If it codes another outcome (e.g. death of another cause), declare it as a competing event instead.',
  negativeTime: (file: string, row: number, column: string, value: string, suggestion: string) =>
    `${file}, row ${row}, column ${q(column)}: the time ${value} is negative; a sign typo would make it ${suggestion}, otherwise check the dates it came from.`,
  duplicateId: (file: string, row: number, column: string, id: string, firstRow: number, suggestion: string) =>
    `${file}, row ${row}, column ${q(column)}: patient id ${q(id)} is already on row ${firstRow}; in a file with one row per patient give this row its own id (e.g. ${q(suggestion)}) or delete the duplicate. ` +
    'If the file has one row per blood draw, declare format: long for the source.',
  notADate: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not a date (use YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY, ` +
    `DD/MM/YYYY or MM/DD/YYYY, or an Excel date).`,
  ambiguousDates: (file: string, column: string, example: string) =>
    `${file}, column ${q(column)}: dates like ${q(example)} could be day/month or month/day and no value decides it; ` +
    `set dateOrder: DMY or MDY for the source or the column.`,
  dateOrderConflict: (file: string, row: number, column: string, value: string, order: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not a valid date in the order ${order}.`,
  notBinary: (file: string, row: number, column: string, value: string) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not yes/no (0/1, true/false, yes/no); ` +
    `set 'positive:' in the mapping to say which value means yes.`,
  levelNotDeclared: (file: string, row: number, column: string, value: string, levels: string[]) =>
    `${file}, row ${row}, column ${q(column)}: ${q(value)} is not one of the declared levels ${levels.map(q).join(', ')}.`,
  idMissingFirstRow: (file: string, column: string) =>
    `${file}, row 2, column ${q(column)}: the first row has no patient id, so there is nothing to carry forward.`,
  wideDuplicateMeasurements: (file: string, column: string, n: number) =>
    `${file}: ${n} patient ids in column ${q(column)} occur on more than one row of a wide file; ` +
    `declare format: long if the file has one row per measurement.`,
  allExcluded: (screened: number, reasons: string) =>
    `all ${screened} patients were excluded (${reasons}); nothing is left to analyse.`,
  noRows: (file: string) => `${file}: no data rows.`,
  perPatientConflict: (file: string, column: string, n: number, example: string) =>
    `${file}, column ${q(column)}: ${n} patient(s) have different values on different rows (e.g. patient ${example}); the first value is used.`,
  futureInformation: (name: string, method: string, n: number) =>
    `${name}: the ${method} uses measurements taken after the time origin for ${n} patient(s); ` +
    `a marker averaged over follow-up uses future information and must not be read as a baseline predictor.`,
  droppedImplausible: (n: number, variable: string, range: string) =>
    `${n} value(s) of ${variable} outside the plausible range ${range} were set missing.`,
  mixedUnitsRefused: (where: string, file: string, column: string, variable: string, n: number, declared: number, unit: string,
    others: string[], rows: string[], k: number) =>
    `${where}: column ${q(column)} of ${file} (${variable}) mixes units: of ${n} values, ${declared} fit the declared unit ${q(unit)} ` +
    `and ${others.join(', ')} (${rows.join('; ')}${k > rows.length ? '; …' : ''}). Convert them to one unit in the file, ` +
    `or set mixedUnits: convert on this column to convert each such value row by row.`,
  mixedUnitsConverted: (file: string, column: string, variable: string, counts: string, k: number, unit: string, rows: string) =>
    `${file}, column ${q(column)} (${variable}) mixes units (${counts}): ${k} value(s) not in the declared ${unit} were read ` +
    `in the unit they fit and converted row by row (mixedUnits: convert): ${rows}.`,
  missingCodes: (file: string, column: string, variable: string, k: number, rows: string) =>
    `${file}, column ${q(column)} (${variable}): ${k} negative value(s) read as missing-value codes (${variable} cannot be negative), not as values: ${rows}.`,
  zeroRows: (file: string, column: string, variable: string, k: number, rows: string) =>
    `${file}, column ${q(column)} (${variable}): ${k} value(s) of 0, kept; the ratios that divide by ${variable} are undefined for those draws: ${rows}.`,
  implausibleRows: (file: string, column: string, variable: string, k: number, range: string, rows: string) =>
    `${file}, column ${q(column)}: ${k} value(s) of ${variable} outside the plausible range ${range} in every unit were set missing: ${rows}.`,
  unusualRows: (file: string, column: string, variable: string, k: number, range: string, rows: string) =>
    `${file}, column ${q(column)} (${variable}): ${k} value(s) ${range} are possible but unusual and were kept; check them: ${rows}.`,
  notedRow: (row: number, value: number, patient: string | null, unit: string | null, fits?: string) =>
    `row ${row}${patient !== null && patient !== `row ${row}` ? ` (patient ${patient})` : ''} = ${value}${unit ? ' ' + unit : ''}` +
    (fits ? ` (plausible only in ${fits})` : ''),
  measurementBeforeNoOrigin: (name: string, n: number) =>
    `${name}: ${n} patient(s) have no time origin date, so baseline could not be located.`,
} as const;
