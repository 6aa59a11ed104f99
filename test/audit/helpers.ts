/** Hand-made paper documents for the audit tests. */
import { indexPaper } from '../../src/audit/auditPaper.js';
import type { Check, Finding, IndexedPaper } from '../../src/audit/findings.js';
import type { PaperDoc } from '../../src/audit/types.js';

/** Two groups: 'a' (n = nA, the events) and 'b' (n = nB). */
export function doc(extra: Partial<PaperDoc>, nA = 100, nB = 100): PaperDoc {
  return {
    id: 'test',
    title: 'Test paper',
    groups: [
      { id: 'a', label: 'group A', n: nA },
      { id: 'b', label: 'group B', n: nB },
    ],
    ...extra,
  };
}

export function run(check: Check, d: PaperDoc): { evaluated: number; consistent: number; findings: readonly Finding[] } {
  const p: IndexedPaper = indexPaper(d);
  return check.run(p);
}

export const sev = (fs: readonly Finding[]) => fs.map((f) => f.severity);
export const loc = { table: 'Table 1', row: 'x' };
