/**
 * Patient ids of a long export where the id is filled only on each patient's first row: every
 * empty id cell takes the id above it. The first row must have an id.
 *
 * @example
 * carryForward(['7', null, null, '9', null], 'labs.xlsx', 'PATIENT_ID') // ['7', '7', '7', '9', '9']
 */
import { dataError } from '../errors.js';
import { cohortMessages } from '../messages/index.js';
import { isMissingCell, type Cell } from '../io/table.js';

export function idText(c: Cell): string | null {
  if (isMissingCell(c)) return null;
  return typeof c === 'number' ? String(c) : c!.trim();
}

export function carryForward(cells: readonly Cell[], file: string, column: string): string[] {
  const out: string[] = new Array(cells.length);
  let last: string | null = null;
  for (let i = 0; i < cells.length; i++) {
    const id = idText(cells[i]);
    if (id !== null) last = id;
    else if (last === null) throw dataError(cohortMessages.idMissingFirstRow(file, column));
    out[i] = last!;
  }
  return out;
}
