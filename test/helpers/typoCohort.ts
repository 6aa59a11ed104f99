/** Test data: hong2021's example cohort with four typos (issue 17 item 4), as CSV text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** hong2021's cohort with four typos (spreadsheet rows: header = 1). */
export function typoCohort(): string {
  const lines = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'hong2021', 'cohort.csv'), 'utf8').trim().split(/\r?\n/);
  const h = lines[0].split(',');
  const set = (row: number, col: string, v: string) => {
    const c = lines[row - 1].split(',');
    c[h.indexOf(col)] = v;
    lines[row - 1] = c.join(',');
  };
  set(5, 'os_event', '2');
  set(8, 'platelets', 'high');
  set(11, 'os_time', '-3');
  set(14, 'id', lines[12].split(',')[h.indexOf('id')]);
  return lines.join('\n') + '\n';
}
