/**
 * Analysis page: choose the endpoint, markers and factors → the study spec is generated (and can be
 * edited as YAML) → run the pipeline on the server with visible progress → the results, rendered
 * from the bundle by the report's own builder (src/report/build/buildReport.ts: journal tables via
 * tableHtml, figures via kmSvg/rocSvg/forestSvg/flowSvg): baseline table, ROC curves and table,
 * Cox forest plots and tables, Kaplan–Meier curves with numbers at risk.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api.js';
import type { AppContext } from '../App.js';
import { buildReport } from '../../../src/report/build/buildReport.js';
import type { ReportSection } from '../../../src/report/document/reportDocument.js';
import { specInfo, specWithAnalyses } from '../lib/spec.js';
import { ErrorBox, JournalTable, SvgFigure } from '../components.js';

/** What the server does in one request, in order (shown while it works; it does not report which step it is on). */
const STEPS = ['save the study', 'read the cohort and check every row', 'run the analyses', 'render the report (HTML, Word, Markdown, figures)'];

export function AnalysisPage({ ctx }: { ctx: AppContext }) {
  const study = ctx.sel.study;
  const [yaml, setYaml] = useState(study?.specYaml ?? '');
  const [endpoint, setEndpoint] = useState('');
  const [markers, setMarkers] = useState<string[]>([]);
  const [factors, setFactors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<{ t0: number; step: number; label?: string } | null>(null);
  const [, tick] = useState(0);
  const timer = useRef<number | null>(null);

  useEffect(() => {
    setYaml(study?.specYaml ?? '');
  }, [study?.id]);
  const info = useMemo(() => {
    try {
      return { info: specInfo(yaml), error: null };
    } catch (e) {
      return { info: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [yaml]);
  useEffect(() => {
    if (!info.info) return;
    const i = info.info;
    setEndpoint((e) => (i.endpoints.some((x) => x.name === e) ? e : i.endpoints[0]?.name ?? ''));
    setMarkers((m) => (m.length ? m.filter((x) => i.markers.includes(x)) : i.markers.filter((x) => x === 'SII' || x.startsWith('SII_')).slice(0, 1).concat(i.markers.length && !i.markers.some((x) => x.startsWith('SII')) ? [i.markers[0]] : [])));
    setFactors((f) => f.filter((x) => i.factors.includes(x)));
  }, [info.info?.endpoints.length, info.info?.markers.join(), info.info?.factors.join()]);

  const toggle = (list: string[], set: (x: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const generate = () => {
    setError(null);
    try {
      setYaml(specWithAnalyses(yaml, { endpoint, markers, factors }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const run = async () => {
    if (!study) return;
    setError(null);
    const t0 = performance.now();
    setRunning({ t0, step: 0 });
    timer.current = window.setInterval(() => tick((x) => x + 1), 200);
    try {
      // A spec without analyses (as the Cohort page saves it) gets the chosen ones written in first.
      let spec = yaml;
      if (!/^analyses\s*:/m.test(spec)) {
        spec = specWithAnalyses(spec, { endpoint, markers, factors });
        setYaml(spec);
      }
      const name = (info.info?.title || study.name).slice(0, 180);
      const { study: s } = await api.createStudy(name, study.cohortId, spec);
      setRunning({ t0, step: 1 });
      ctx.setStudy(s);
      const { run, bundle } = await api.runStudyWithProgress(s.id, (label) => setRunning({ t0, step: 1, label }));
      ctx.setRun(run, bundle);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (timer.current) window.clearInterval(timer.current);
      setRunning(null);
    }
  };

  const bundle = ctx.sel.bundle;
  const report = useMemo(() => {
    if (!bundle) return null;
    try {
      return buildReport(bundle);
    } catch {
      return null;
    }
  }, [bundle]);
  const results = report?.sections.filter((s) => !['summary', 'methods'].includes(s.id)) ?? [];
  const summary = report?.sections.find((s) => s.id === 'summary');

  return (
    <div className="page analysis">
      <h1>Analysis</h1>
      {!study && <p className="lead">Upload a cohort and check its data first (Cohort page), or look at the demo run below.</p>}
      {study && (
        <section className="panel">
          <h2>Study: {study.name}</h2>
          {info.info && (
            <div className="choose">
              <fieldset>
                <legend>Endpoint</legend>
                {info.info.endpoints.length === 0 && <p className="muted">The spec defines no endpoint: map death and follow-up time (Cohort page) or add one below.</p>}
                {info.info.endpoints.map((e) => (
                  <label key={e.name} className="check">
                    <input type="radio" name="endpoint" value={e.name} checked={endpoint === e.name} onChange={() => setEndpoint(e.name)} /> {e.name} <small className="muted">({e.type})</small>
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>Markers</legend>
                {info.info.markers.map((m) => (
                  <label key={m} className="check">
                    <input type="checkbox" checked={markers.includes(m)} onChange={() => toggle(markers, setMarkers, m)} /> {m}
                  </label>
                ))}
              </fieldset>
              <fieldset className="factors">
                <legend>Factors (baseline table, Cox model)</legend>
                <div className="factor-list">
                  {info.info.factors.map((m) => (
                    <label key={m} className="check">
                      <input type="checkbox" checked={factors.includes(m)} onChange={() => toggle(factors, setFactors, m)} /> {m}
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={generate} disabled={!info.info || !!running} data-testid="generate-spec">Write these analyses into the spec</button>
            <span className="muted small">Baseline table by the first marker; {info.info?.endpoints.find((e) => e.name === endpoint)?.type === 'binary' ? 'ROC curves and logistic regression' : 'Cox models, Kaplan–Meier curves by each marker (split at its median unless the spec sets a cut-off) and the maximally selected cut-off'}.</span>
          </div>
          <details className="spec-editor" open={false}>
            <summary>Study spec (YAML) — edit freely; the server checks it and names the field and line of any problem</summary>
            <label className="visually-hidden" htmlFor="spec-yaml">Study spec</label>
            <textarea id="spec-yaml" spellCheck={false} value={yaml} onChange={(e) => setYaml(e.target.value)} rows={22} />
          </details>
          <ErrorBox error={info.error ? `The spec is not valid YAML: ${info.error}` : null} />
          <div className="actions">
            <button type="button" className="primary" onClick={run} disabled={!!running || !yaml.trim()} data-testid="run-analysis">Run the analysis</button>
            {running && (
              <div className="run-progress" role="status" aria-live="polite" data-testid="run-progress">
                <progress aria-label="Analysis running" />
                <span>
                  {running.step === 0 ? 'Saving and checking the spec…' : running.label ? `The server is running: ${running.label}…` : `The server is working: ${STEPS.slice(1).join(', then ')}.`}
                </span>
                <span className="muted">{((performance.now() - running.t0) / 1000).toFixed(1)} s</span>
              </div>
            )}
          </div>
          <ErrorBox error={error} testId="analysis-error" />
        </section>
      )}
      {bundle && report && (
        <section className="results" aria-label="Results" data-testid="results">
          <h2>{report.title}</h2>
          <p className="muted">{report.subtitle}{ctx.sel.demo ? ' — the preloaded demo run' : ''}</p>
          {report.banner && <p className="banner">{report.banner}</p>}
          {summary && <div className="panel summary">{summary.blocks.map((b, k) => (b.kind === 'paragraph' ? <p key={k}>{b.text}</p> : null))}</div>}
          <nav className="toc" aria-label="Result sections">
            {results.map((s) => <a key={s.id} href={`#${s.id}`} onClick={(e) => { e.preventDefault(); document.getElementById(s.id)?.scrollIntoView({ behavior: 'smooth' }); (document.getElementById(s.id) as HTMLElement | null)?.focus(); }}>{s.heading}</a>)}
          </nav>
          {results.map((s) => <Section key={s.id} s={s} />)}
          <p className="muted small">{report.provenance}</p>
        </section>
      )}
    </div>
  );
}

/** Screen width of a report figure: single-column figures ~520 px, double ~1000 px, the flow diagram smaller. */
export const figureWidthPx = (id: string, widthMm: number): number => (id === 'figure-flow' ? 440 : widthMm > 100 ? 1000 : 540);

function Section({ s }: { s: ReportSection }) {
  return (
    <section className="panel result-section" id={s.id} tabIndex={-1} aria-labelledby={`${s.id}-h`}>
      <h3 id={`${s.id}-h`}>{s.heading}</h3>
      <div className="blocks">
        {s.blocks.map((b, k) => {
          if (b.kind === 'table') return <JournalTable key={k} table={b.table} />;
          if (b.kind === 'figure') return <SvgFigure key={k} svg={b.figure.svg} caption={b.figure.caption} id={b.figure.id} maxWidth={figureWidthPx(b.figure.id, b.figure.widthMm)} minWidth={b.figure.widthMm >= 150 ? 860 : undefined} />;
          if (b.kind === 'list') return <ul key={k} className="warnings">{b.items.map((x, j) => <li key={j}>{x}</li>)}</ul>;
          return <p key={k} className={b.style === 'warning' ? 'caveat' : ''}>{b.text}</p>;
        })}
      </div>
    </section>
  );
}
