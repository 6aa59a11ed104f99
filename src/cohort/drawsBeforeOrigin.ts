/**
 * In a long file: how many patients have a blood draw on or before their time origin (treatment or
 * baseline date)? A per-patient baseline value ("last draw on or before the origin") fits only when
 * many do; otherwise the first draw is the value to use. `fits` is true when at least one patient in
 * five has such a draw (or the file is wide, or has no draw or origin dates to compare).
 *
 * @example drawsBeforeOrigin(tongjiTable, inspectTable(tongjiTable)) // { fits: false, patientsWithDraw: 0, patients: 375, checked: true }
 */
import type { Table } from '../io/table.js';
import type { InspectResult } from './inspectTable.js';
import { parseDateNumber, parseDateText } from './parseDate.js';

export interface DrawsBeforeOrigin {
  readonly fits: boolean;
  readonly patientsWithDraw: number;
  readonly patients: number;
  /** False when there was nothing to compare (wide file, no draw date or no origin date). */
  readonly checked: boolean;
}

export function drawsBeforeOrigin(table: Table, r: InspectResult): DrawsBeforeOrigin {
  const col = (v: string) => table.columns.indexOf(r.suggestions.find((s) => s.variable === v)?.column ?? '\u0000');
  const jo = col('treatmentDate') >= 0 ? col('treatmentDate') : col('baselineDate');
  const jd = col('drawDate');
  const ji = col('patientId');
  const patients = r.patients ?? 1;
  if (r.format !== 'long' || jo < 0 || jd < 0) return { fits: true, patientsWithDraw: 0, patients, checked: false };
  const day = (c: unknown) => (typeof c === 'number' ? parseDateNumber(c) : typeof c === 'string' ? parseDateText(c, 'DMY') : NaN);
  const yes = new Set<string>();
  let id = '';
  for (const row of table.rows) {
    if (ji >= 0 && row[ji] !== null) id = String(row[ji]);
    if (day(row[jd]) <= day(row[jo])) yes.add(id);
  }
  return { fits: yes.size * 5 >= patients, patientsWithDraw: yes.size, patients, checked: true };
}
