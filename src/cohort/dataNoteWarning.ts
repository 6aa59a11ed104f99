/**
 * A data note as one warning sentence naming file, column, variable, count and rows (the first
 * ten; the participant flow keeps them all).
 *
 * @example
 * dataNoteWarning({ kind: 'missing-code', variable: 'platelets', file: 't.xlsx', column: 'PLT', n: 1, of: 957, unit: '10^9/L',
 *   rows: [{ row: 2079, value: -1, patient: '27' }] })
 * // "t.xlsx, column 'PLT' (platelets): 1 negative value(s) read as missing-value codes (platelets cannot be negative), not as values: row 2079 (patient 27) = -1."
 */
import { cohortMessages as M } from '../messages/cohort.js';
import type { DataNote } from './dataNote.js';

const SHOWN = 10;

export function dataNoteWarning(note: DataNote): string {
  const shown = note.rows.slice(0, SHOWN).map((r) => M.notedRow(r.row, r.value, r.patient, r.unit ?? (note.kind === 'missing-code' ? null : note.unit), r.fits));
  const rows = shown.join(', ') + (note.rows.length > SHOWN ? `, and ${note.rows.length - SHOWN} more` : '');
  switch (note.kind) {
    case 'mixed-units-converted': {
      const counts = Object.entries(note.counts ?? {}).map(([u, c]) => `${c} in ${u}`).join(', ');
      return M.mixedUnitsConverted(note.file, note.column, note.variable, counts, note.n, note.unit ?? '', rows);
    }
    case 'missing-code':
      return M.missingCodes(note.file, note.column, note.variable, note.n, rows);
    case 'zero':
      return M.zeroRows(note.file, note.column, note.variable, note.n, rows);
    case 'implausible':
      return M.implausibleRows(note.file, note.column, note.variable, note.n, note.range ?? '', rows);
    case 'unusual':
      return M.unusualRows(note.file, note.column, note.variable, note.n, note.range ?? '', rows);
  }
}
