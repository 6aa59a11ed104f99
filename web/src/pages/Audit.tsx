/**
 * Audit page: the three seed papers' printed numbers, checked for internal consistency (built in),
 * and any paper the user encodes in the audit-file form (YAML or JSON, see schema/audit.schema.json),
 * checked by the server with the same code as `siilab audit`.
 */
import { useEffect, useState } from 'react';
import { api, type AuditResult } from '../api.js';
import { ErrorBox } from '../components.js';

const SEVERITIES = ['error', 'warning', 'info'] as const;

export function AuditPage() {
  const [seeds, setSeeds] = useState<AuditResult | null>(null);
  const [mine, setMine] = useState<AuditResult | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<'seeds' | 'mine'>('seeds');

  useEffect(() => {
    api.auditPapers().then(setSeeds).catch((e) => setError(e.message));
  }, []);

  const check = async () => {
    setError(null);
    setMine(null);
    setBusy(true);
    try {
      setMine(await api.audit(text));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (f: File | undefined) => {
    if (f) setText(await f.text());
  };

  return (
    <div className="page audit">
      <h1>Audit</h1>
      <p className="lead">Do a paper's printed numbers agree with each other? Percentages with counts, confidence intervals with estimates and P values, group sizes with totals.</p>
      <div
        role="tablist"
        aria-label="Papers"
        className="tabs"
        onKeyDown={(e) => {
          // ARIA tabs: arrow keys move between the tabs.
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const next = tab === 'seeds' ? 'mine' : 'seeds';
          setTab(next);
          document.getElementById(`tab-${next}`)?.focus();
        }}
      >
        <button role="tab" aria-selected={tab === 'seeds'} tabIndex={tab === 'seeds' ? 0 : -1} aria-controls="audit-seeds" id="tab-seeds" onClick={() => setTab('seeds')}>The three seed papers</button>
        <button role="tab" aria-selected={tab === 'mine'} tabIndex={tab === 'mine' ? 0 : -1} aria-controls="audit-mine" id="tab-mine" onClick={() => setTab('mine')}>Your paper</button>
      </div>
      <ErrorBox error={error} testId="audit-error" />
      {tab === 'seeds' && (
        <div role="tabpanel" id="audit-seeds" aria-labelledby="tab-seeds">
          {!seeds && !error && <p className="progress" role="status"><progress /> Checking the seed papers…</p>}
          {seeds && <AuditView r={seeds} />}
        </div>
      )}
      {tab === 'mine' && (
        <div role="tabpanel" id="audit-mine" aria-labelledby="tab-mine" className="panel">
          <p className="muted">
            Write the paper's reported numbers in the audit-file form (YAML or JSON; the fields are described in schema/audit.schema.json and the seed files
            under src/audit/papers are complete examples), then check them.
          </p>
          <label className="field">
            <span>Audit file</span>
            <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" onChange={(e) => onFile(e.target.files?.[0])} />
          </label>
          <label className="field">
            <span>or paste it here</span>
            <textarea rows={14} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder={'id: mypaper\ntitle: …\ngroups:\n  - { id: all, label: all patients, n: 120 }\n…'} />
          </label>
          <div className="actions">
            <button type="button" className="primary" disabled={!text.trim() || busy} onClick={check}>Check the numbers</button>
          </div>
          {mine && <AuditView r={mine} />}
        </div>
      )}
    </div>
  );
}

function AuditView({ r }: { r: AuditResult }) {
  const [show, setShow] = useState<Record<string, boolean>>({ error: true, warning: true, info: false });
  return (
    <div className="audit-view">
      <div className="filters" role="group" aria-label="Show findings">
        {SEVERITIES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={show[s]} onChange={() => setShow((x) => ({ ...x, [s]: !x[s] }))} /> {s}s ({r.findings.filter((f) => f.severity === s).length})
          </label>
        ))}
      </div>
      {r.papers.map((p: any) => {
        const fs = p.findings.filter((f: any) => show[f.severity]);
        return (
          <article key={p.id} className="panel paper" data-paper={p.id}>
            <h2>{p.id}</h2>
            <p className="muted">{p.title}</p>
            {fs.length === 0 ? <p className="muted">No findings of the selected kinds.</p> : (
              <ul className="findings">
                {fs.map((f: any, k: number) => (
                  <li key={k} className={`finding sev-${f.severity}`}>
                    <span className={`badge sev-${f.severity}`}>{f.severity}</span> <strong>{f.location}</strong>
                    <p>{f.message}</p>
                    <p className="small muted">Printed: {f.reported} · Recomputed: {f.recomputed}</p>
                  </li>
                ))}
              </ul>
            )}
            <details>
              <summary>All {p.checks.length} checks: what was evaluated</summary>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={`Checks of ${p.id}`}>
                <table className="checks">
                  <thead><tr><th>Check</th><th className="right">Evaluated</th><th className="right">Consistent</th><th className="right">Errors</th><th className="right">Warnings</th><th className="right">Notes</th></tr></thead>
                  <tbody>
                    {p.checks.map((c: any) => (
                      <tr key={c.check}><td>{c.title}</td><td className="right">{c.evaluated}</td><td className="right">{c.consistent}</td><td className={`right${c.errors ? ' sev-error' : ''}`}>{c.errors}</td><td className={`right${c.warnings ? ' sev-warning' : ''}`}>{c.warnings}</td><td className="right">{c.infos}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </article>
        );
      })}
    </div>
  );
}
