/** User-facing messages for study specification files (study.yaml). Each names the file, line and field. */
const q = (s: string): string => `'${s}'`;

/** `study.yaml, line 12, field variables.platelets.unit` (line omitted when unknown). */
export const specWhere = (file: string, line: number | null, field: string): string =>
  `${file}${line !== null ? `, line ${line}` : ''}${field ? `, field ${field}` : ''}`;

export const studyMessages = {
  sourceKindNone: (where: string) => `${where}: say where the data are: 'file:' (CSV, TSV or XLSX), 'parquet:', 'duckdb:' with 'table:' or 'query:', or 'postgres: "$DATABASE_URL"' with 'table:' or 'query:'.`,
  sourceKindMany: (where: string, kinds: string[]) => `${where}: a source reads from one place, but this one names ${kinds.map(q).join(' and ')}; split it into one source each.`,
  sourceTableOrQuery: (where: string, kind: string) => `${where}: a '${kind}:' source needs 'table:' (every row of one table) or 'query:' (an SQL query), and not both.`,
  sourceNoTableHere: (where: string, field: string, kind: string) => `${where}: '${field}:' belongs to 'duckdb:' and 'postgres:' sources; a '${kind}:' source reads the whole file.`,
  sourceFileOnly: (where: string, field: string) => `${where}: '${field}:' applies to CSV, TSV and XLSX files ('file:'), not to database or Parquet sources.`,
  postgresLiteral: (where: string) =>
    `${where}: write the name of an environment variable holding the connection string, e.g. postgres: "$DATABASE_URL", never the connection string itself (credentials do not belong in a study file, a results bundle or a log).`,
  specMissing: (file: string) => `${file}: no such study file.`,
  specEmpty: (file: string) => `${file}: the study file is empty; run 'siilab init <data file>' to write a first one.`,
  yamlSyntax: (file: string, line: number | null, detail: string) =>
    `${file}${line !== null ? `, line ${line}` : ''}: not valid YAML (${detail}).`,
  required: (where: string, name: string) => `${where}: the field ${q(name)} is required.`,
  unknownField: (where: string, name: string, suggestion: string | null, allowed: string[]) =>
    `${where}: unknown field ${q(name)}.` +
    (suggestion ? ` Did you mean ${q(suggestion)}?` : '') +
    (allowed.length ? ` Allowed here: ${allowed.map(q).join(', ')}.` : ''),
  badEnum: (where: string, value: string, allowed: string[]) =>
    `${where}: ${q(value)} is not allowed; use one of ${allowed.map(q).join(', ')}.`,
  badType: (where: string, expected: string, value: string) => `${where}: expected ${expected}, got ${value}.`,
  badValue: (where: string, detail: string) => `${where}: ${detail}.`,
  moreProblems: (n: number) => ` (${n} more problem${n === 1 ? '' : 's'} in the file after this one is fixed.)`,
  unknownVariable: (where: string, name: string, suggestion: string | null) =>
    `${where}: no variable ${q(name)} is mapped, covariate or derived.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : ''),
  unknownEndpoint: (where: string, name: string, known: string[]) =>
    `${where}: no endpoint ${q(name)}; endpoints are ${known.length ? known.map(q).join(', ') : '(none declared)'}.`,
  unknownSource: (where: string, id: string, known: string[]) =>
    `${where}: no source ${q(id)}; sources are ${known.map(q).join(', ')}.`,
  duplicateName: (where: string, name: string) => `${where}: the name ${q(name)} is already used by another variable.`,
  noPatientId: (where: string) =>
    `${where}: map 'patientId' to the patient-id column (needed for long data and for joining several sources).`,
  noDateColumn: (where: string) =>
    `${where}: a long source needs the draw date: map 'drawDate' or give 'dateColumn' for the source.`,
  noOrigin: (where: string, what: string) =>
    `${where}: ${what} needs a time origin: map 'treatmentDate' (or 'baselineDate') or give 'origin'.`,
  noEndTime: (where: string) =>
    `${where}: the endpoint needs either 'time' (a follow-up time variable) or dates: map 'lastFollowUpDate', or give 'endDate' / 'eventDates'.`,
  eventDatesLength: (where: string, nEvents: number, nDates: number) =>
    `${where}: ${nDates} event dates for ${nEvents} events; give one date per event.`,
  notADate: (where: string, name: string) => `${where}: ${q(name)} is not a date variable.`,
  columnMissing: (where: string, file: string, column: string, suggestion: string | null) =>
    `${where}: ${file} has no column ${q(column)}.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : ''),
  unitUnknown: (where: string, unit: string, known: string[]) =>
    `${where}: unknown unit ${q(unit)}; use one of ${known.map(q).join(', ')}.`,
  unitDoesNotFit: (where: string, file: string, column: string, unit: string, median: number, range: string, suggestion: string | null) =>
    `${where}: column ${q(column)} of ${file} has median ${median}, which does not fit the unit ${q(unit)} ` +
    `(plausible median ${range}).` + (suggestion ? ` The values look like ${q(suggestion)}.` : ' Check the unit.'),
  specFileExists: (file: string) => `${file} already exists; use --force to overwrite it.`,
} as const;

export const studyDataMessages = {
  indexInputs: (where: string, index: string, alternatives: string[][]) =>
    `${where}: ${index} needs ${alternatives.map((a) => a.map(q).join(' + ')).join(', or ')} mapped under variables.`,
  notMeasured: (where: string, name: string) =>
    `${where}: ${q(name)} is not a measured (numeric) variable or index, so it cannot be aggregated.`,
  needsAggregate: (where: string, name: string) =>
    `${where}: ${q(name)} is measured repeatedly (long data); aggregate it first (derived: aggregate baseline/first/mean…) and use that name.`,
  notNumeric: (where: string, name: string) => `${where}: ${q(name)} is not a numeric variable.`,
  notBinaryVariable: (where: string, name: string) =>
    `${where}: ${q(name)} is not a yes/no variable; an event must be binary (set type: binary and positive: for its mapping).`,
  timeVaryingNeedsSurvival: (where: string, endpoint: string) =>
    `${where}: time-varying covariates need a survival endpoint; ${q(endpoint)} is binary.`,
  timeVaryingNotMeasured: (where: string, name: string) =>
    `${where}: ${q(name)} has no repeated measurements to use as a time-varying covariate.`,
} as const;
