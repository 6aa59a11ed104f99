/**
 * The data notes of the participant flow as a manuscript table: for each column whose values were
 * converted from another unit, recoded from a missing-value code, set missing as implausible, or kept
 * though unusual — what happened, to how many values, and which rows (the first few; all are in
 * results.json). Nothing is changed silently, and the reader of the report sees it too.
 *
 * @example
 * dataNotesTable([{ kind: 'missing-code', variable: 'platelets', file: 'tongji.xlsx', column: 'Platelet count',
 *   n: 4, of: 2000, unit: '10^9/L', rows: [{ row: 2079, value: -1, patient: '27' }] }], 'Table. Data notes').rows[0].cells
 * // ['platelets (Platelet count, tongji.xlsx)', 'Negative missing-value code, set missing', '4 of 2000', 'row 2079 (patient 27): −1']
 */
import type { DataNote } from '../../cohort/dataNote.js';
import type { ReportTable } from '../tables/reportTable.js';

/** At most this many example rows per note. */
export const NOTE_EXAMPLE_ROWS = 5;

const WHAT: Record<DataNote['kind'], (n: DataNote) => string> = {
  'mixed-units-converted': (n) => `Mixed units: converted row by row to ${n.unit ?? 'the declared unit'}${n.counts ? ` (${Object.entries(n.counts).map(([u, k]) => `${k} in ${u}`).join(', ')})` : ''}`,
  'missing-code': () => 'Negative missing-value code, set missing',
  implausible: (n) => `Implausible in every unit${n.range ? ` (plausible: ${n.range})` : ''}, set missing`,
  zero: () => 'Zero, which makes a ratio undefined; the ratio is missing',
  unusual: (n) => `Possible but unusual${n.range ? ` (usual: ${n.range})` : ''}; kept`,
};

const minus = (v: number): string => (v < 0 ? `−${String(-v)}` : String(v));

export function dataNotesTable(notes: readonly DataNote[], title: string): ReportTable {
  const rows = notes.map((n) => {
    const shown = n.rows.slice(0, NOTE_EXAMPLE_ROWS).map((r) => `row ${r.row}${r.patient ? ` (patient ${r.patient})` : ''}: ${minus(r.value)}${r.unit ? ` ${r.unit}` : ''}${r.fits ? ` (plausible in ${r.fits})` : ''}`);
    const more = n.rows.length > NOTE_EXAMPLE_ROWS ? `; … ${n.rows.length - NOTE_EXAMPLE_ROWS} more` : '';
    return { cells: [`${n.variable} (${n.column}, ${n.file})`, WHAT[n.kind](n), `${n.n} of ${n.of}`, shown.join('; ') + more] };
  });
  return {
    id: 'table-data-notes',
    title,
    columns: [{ label: 'Variable (column, file)', align: 'left' }, { label: 'What was done', align: 'left' }, { label: 'Values', align: 'right' }, { label: 'Rows (header = row 1)', align: 'left' }],
    rows,
    footnotes: ['Every affected row, with its value and patient id, is listed under flow.dataNotes in results.json.'],
  };
}
