/**
 * A fact about the values of one column that the participant flow reports with counts and rows:
 * values converted row by row from another unit (a column mixing units), negative missing-value
 * codes, values implausible in every unit (set missing), zeros that make a ratio undefined, and
 * possible but unusual values (kept). Never a silent change: each note names variable, file,
 * column, how many values and which rows (with the value and patient id).
 *
 * @example
 * { kind: 'missing-code', variable: 'platelets', file: 'tongji.xlsx', column: 'Platelet count', n: 4,
 *   unit: '10^9/L', rows: [{ row: 2079, value: -1, patient: '27' }, …] }
 */
export type DataNoteKind = 'mixed-units-converted' | 'missing-code' | 'implausible' | 'zero' | 'unusual';

export interface NotedValue {
  /** Spreadsheet row number (header = 1). */
  readonly row: number;
  /** The value as written in the file. */
  readonly value: number;
  /** Patient id of the row (filled by the cohort layer; null when unknown). */
  readonly patient: string | null;
  /** For mixed-units-converted: the unit the value was read in. */
  readonly unit?: string;
  /** For implausible: the one other unit the value would be plausible in (a likely typing or unit error). */
  readonly fits?: string;
}

export interface DataNote {
  readonly kind: DataNoteKind;
  readonly variable: string;
  readonly file: string;
  readonly column: string;
  /** Number of values the note is about. */
  readonly n: number;
  /** Values of the column that are not missing (the denominator of `n`). */
  readonly of: number;
  /** The declared unit (label), or null. */
  readonly unit: string | null;
  /** For mixed-units-converted: values per unit label, e.g. { 'cells/µL': 115, '10^9/L': 47 }. */
  readonly counts?: Readonly<Record<string, number>>;
  /** For implausible: the plausible range in the declared unit ('1–3000 10^9/L'). */
  readonly range?: string;
  readonly rows: readonly NotedValue[];
}
