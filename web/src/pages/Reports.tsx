/**
 * Reports page: the current run's report as HTML, Word and Markdown, the results bundle as JSON,
 * every figure as SVG and PNG (rendered by the server at print resolution), and a model file when
 * the bundle carries one.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, runFileUrl, type Run, type Study } from '../api.js';
import type { AppContext } from '../App.js';
import { buildReport } from '../../../src/report/build/buildReport.js';
import { SvgFigure } from '../components.js';

export function ReportsPage({ ctx }: { ctx: AppContext }) {
  const [studies, setStudies] = useState<Study[]>([]);
  const [runs, setRuns] = useState<Run[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = ctx.sel.run;
  const bundle = ctx.sel.bundle;

  useEffect(() => {
    api.studies().then((r) => setStudies(r.studies)).catch((e) => setError(e.message));
  }, [run?.id]);
  useEffect(() => {
    if (!ctx.sel.study) return setRuns([]);
    api.study(ctx.sel.study.id).then((r) => setRuns(r.runs)).catch(() => undefined);
  }, [ctx.sel.study?.id, run?.id]);

  const figures = useMemo(() => {
    if (!bundle) return [];
    try {
      return buildReport(bundle).sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b.figure] : [])));
    } catch {
      return [];
    }
  }, [bundle]);
  const model = (bundle as unknown as { model?: unknown } | null)?.model ?? null;
  const modelUrl = useMemo(() => (model ? URL.createObjectURL(new Blob([JSON.stringify(model, null, 2) + '\n'], { type: 'application/json' })) : null), [model]);

  const openStudy = async (id: string) => {
    setError(null);
    try {
      const { study, runs } = await api.study(id);
      ctx.setStudy(study);
      const last = runs.find((r) => r.status === 'done');
      if (last) {
        const { run, bundle } = await api.run(last.id);
        ctx.setRun(run, bundle);
      } else ctx.setRun(null, null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const openRun = async (id: string) => {
    const { run, bundle } = await api.run(id);
    ctx.setRun(run, bundle);
  };

  return (
    <div className="page reports">
      <h1>Reports</h1>
      <section className="panel">
        <h2>Study and run</h2>
        <div className="controls">
          <label>
            Study
            <select value={ctx.sel.study?.id ?? ''} onChange={(e) => openStudy(e.target.value)}>
              <option value="" disabled>—</option>
              {studies.map((s) => <option key={s.id} value={s.id}>{s.name} ({new Date(s.createdAt).toLocaleString()})</option>)}
            </select>
          </label>
          <label>
            Run
            <select value={run?.id ?? ''} onChange={(e) => openRun(e.target.value)}>
              <option value="" disabled>—</option>
              {runs.map((r) => <option key={r.id} value={r.id} disabled={r.status !== 'done'}>{new Date(r.createdAt).toLocaleString()} · {r.status}</option>)}
            </select>
          </label>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
      </section>
      {!run || run.status !== 'done' ? (
        <p className="lead">No finished run selected. Run an analysis on the Analysis page.</p>
      ) : (
        <>
          <section className="panel downloads" aria-label="Downloads">
            <h2>Report</h2>
            <ul className="download-list">
              <li><a className="button" href={runFileUrl(run.id, 'report.docx')} download data-testid="download-docx">Word (.docx)</a> <span className="muted small">editable tables, 300-dpi figures</span></li>
              <li><a className="button" href={runFileUrl(run.id, 'report.html')} download data-testid="download-html">HTML</a> <span className="muted small">one self-contained file</span></li>
              <li><a className="button" href={runFileUrl(run.id, 'report-md.zip')} download data-testid="download-md">Markdown (.zip)</a> <span className="muted small">report.md with its figures (PNG) in figures/</span></li>
              <li><a className="button" href={runFileUrl(run.id, 'results.json')} download data-testid="download-json">Results (JSON)</a> <span className="muted small">every number with its provenance</span></li>
              <li>
                {modelUrl ? <a className="button" href={modelUrl} download="siilab-model.json">Model file (JSON)</a> : <span className="muted">No model file in this run (the analyses it ran fit none).</span>}
              </li>
            </ul>
          </section>
          <section className="panel" aria-label="Figures">
            <h2>Figures</h2>
            <div className="table-wrap">
              <table className="figures-list">
                <thead><tr><th>Preview</th><th>Figure</th><th>SVG</th><th>PNG</th></tr></thead>
                <tbody>
                  {figures.map((f) => (
                    <tr key={f.id}>
                      <td className="thumb"><SvgFigure svg={f.svg} maxWidth={140} /></td>
                      <td>{f.caption}</td>
                      <td><a href={runFileUrl(run.id, `figures/${f.id}.svg`)} download={`${f.id}.svg`}>SVG</a></td>
                      <td><a href={runFileUrl(run.id, `figures/${f.id}.png`)} download={`${f.id}.png`}>PNG</a></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
