/**
 * The row-level problems `siilab inspect` found in an upload (typos, negative times, repeated ids),
 * each with its suggested correction in an editable field. "Correct these cells" stores a corrected
 * copy as a new cohort (the original upload stays as it was) and opens it. Announced and scrolled
 * into view when it appears, so a typo is never silent.
 */
import { useEffect, useRef, useState } from 'react';
import type { Cohort } from '../api.js';

export type CellProblem = Cohort['inspect']['problems'][number];

const KIND: Record<CellProblem['kind'], string> = {
  notNumber: 'not a number',
  notBinary: 'not 0 or 1',
  negativeTime: 'negative time',
  duplicateId: 'repeated patient id',
};

export function CellProblems({ problems, onFix, busy }: { problems: readonly CellProblem[]; onFix: (fixes: { row: number; column: string; value: string }[]) => void; busy: boolean }) {
  const key = (p: CellProblem) => `${p.row}:${p.column}`;
  const [values, setValues] = useState<Record<string, string>>({});
  const [use, setUse] = useState<Record<string, boolean>>({});
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    setValues(Object.fromEntries(problems.map((p) => [key(p), p.suggestion])));
    setUse(Object.fromEntries(problems.map((p) => [key(p), true])));
    if (problems.length) ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [problems]);
  if (!problems.length) return null;
  const chosen = problems.filter((p) => use[key(p)]);
  return (
    <section className="panel problems-panel" data-testid="cell-problems" ref={ref} aria-labelledby="cell-problems-h">
      <h2 id="cell-problems-h">Problems in the file ({problems.length})</h2>
      <p role="alert">
        {problems.length === 1 ? 'One cell does' : `${problems.length} cells do`} not fit the rest of the file. Each is listed with its row and a suggested
        correction (empty = leave the cell empty, i.e. missing). Check and edit them, then correct them here — or fix the source file and upload it again.
      </p>
      <div className="table-wrap scroll" tabIndex={0} role="region" aria-label="Problems in the file">
        <table className="problems">
          <thead><tr><th>Row</th><th>Column</th><th>Value</th><th>Problem</th><th>Correct to</th></tr></thead>
          <tbody>
            {problems.map((p) => (
              <tr key={key(p)} data-row={p.row} data-column={p.column}>
                <td className="right">{p.row}</td>
                <td>{p.column}</td>
                <td><code>{p.value}</code></td>
                <td><strong>{KIND[p.kind]}</strong><div className="small">{p.message}</div></td>
                <td className="fix">
                  <label className="small">
                    <input type="checkbox" checked={use[key(p)] ?? true} onChange={(e) => setUse((u) => ({ ...u, [key(p)]: e.target.checked }))} /> correct
                  </label>
                  <input
                    type="text" aria-label={`Correct row ${p.row}, column ${p.column} to`} value={values[key(p)] ?? ''} placeholder="(empty)"
                    onChange={(e) => setValues((v) => ({ ...v, [key(p)]: e.target.value }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" data-testid="apply-fixes" disabled={busy || chosen.length === 0}
          onClick={() => onFix(chosen.map((p) => ({ row: p.row, column: p.column, value: values[key(p)] ?? '' })))}>
          Correct {chosen.length} cell{chosen.length === 1 ? '' : 's'}
        </button>
        <span className="muted small">Saves a corrected copy (CSV) as a new cohort; the uploaded file is kept unchanged.</span>
      </div>
    </section>
  );
}
