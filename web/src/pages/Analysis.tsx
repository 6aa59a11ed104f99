/**
 * Analysis page: choose the endpoint, markers, factors and analyses (with their horizons, knots,
 * bootstrap replicates and seed) → the study spec follows the form (and can be edited as YAML; the
 * form follows the YAML back, and keeps the analyses it cannot show) → run the pipeline on the server with visible progress → the results, rendered
 * from the bundle by the report's own builder (src/report/build/buildReport.ts: journal tables via
 * tableHtml, figures via kmSvg/rocSvg/forestSvg/flowSvg): baseline table, ROC curves and table,
 * Cox forest plots and tables, Kaplan–Meier curves with numbers at risk.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api.js';
import type { AppContext } from '../App.js';
import { buildReport } from '../../../src/report/build/buildReport.js';
import type { ReportSection } from '../../../src/report/document/reportDocument.js';
import { formContext, formFromSpecText, specInfo, writeAnalyses, type SpecInfo } from '../lib/spec.js';
import { APPLIES, unusedChoices, type AnalysisForm, type AnalysisParams, type AnalysisToggles, type EndpointType, type KeptAnalysis } from '../lib/analysisForm.js';
import type { InspectResult } from '../../../src/cohort/inspectTable.js';
import { ErrorBox, JournalTable, SvgFigure } from '../components.js';

/** What the server does in one request, in order (shown while it works; it does not report which step it is on). */
const STEPS = ['save the study', 'read the cohort and check every row', 'run the analyses', 'render the report (HTML, Word, Markdown, figures)'];

/** Each analysis the form offers: label, what it writes (shown as a hint). */
const ANALYSIS_LABELS: Record<keyof AnalysisToggles, { label: (type: EndpointType) => string; hint: (type: EndpointType) => string }> = {
  baselineTable: { label: () => 'Baseline table', hint: () => 'the factors by the first marker (high / low)' },
  roc: { label: () => 'ROC curves', hint: () => 'AUC of each marker, Youden cut-off' },
  regression: { label: (t) => (t === 'binary' ? 'Logistic regression' : 'Cox regression'), hint: () => 'markers and factors, univariable, then multivariable for P < 0.05' },
  km: { label: () => 'Kaplan–Meier curves', hint: () => 'overall and by each marker (split at its cut-off, median unless the spec sets one)' },
  maxstat: { label: () => 'Maximally selected cut-off', hint: () => 'maxstat log-rank with the corrected P' },
  timeRoc: { label: () => 'Time-dependent ROC', hint: () => 'AUC(t) of each marker at the horizons (IPCW, Uno), Harrell’s and Uno’s C' },
  splines: { label: () => 'Restricted cubic spline', hint: (t) => `shape of the marker’s ${t === 'binary' ? 'odds' : 'hazard'} ratio, nonlinearity test` },
  nomogram: { label: () => 'Nomogram', hint: () => 'points per predictor → survival at the horizons (usable on the Calculator page)' },
  calibration: { label: () => 'Calibration', hint: (t) => (t === 'binary' ? 'predicted vs observed by risk group, slope, ICI' : 'at the horizon: predicted vs observed by risk group, slope, ICI') },
  validation: { label: () => 'Bootstrap validation', hint: () => 'optimism-corrected C, calibration slope and Brier score (rms validate)' },
  decisionCurve: { label: () => 'Decision curve', hint: (t) => (t === 'binary' ? 'net benefit against treat all / none' : 'net benefit at the horizon against treat all / none') },
};
const MODEL_ANALYSES: (keyof AnalysisToggles)[] = ['nomogram', 'calibration', 'validation', 'decisionCurve'];

/** Number fields as typed (a half-typed "6, 12," must not be rewritten under the cursor). */
interface ParamText { horizons: string; horizon: string; knots: string; groups: string; bootstrap: string; seed: string }
const textOf = (p: AnalysisParams): ParamText => ({ horizons: p.horizons.join(', '), horizon: String(p.horizon), knots: String(p.knots), groups: String(p.calibrationGroups), bootstrap: String(p.bootstrap), seed: String(p.seed) });
const numberOf = (s: string): number => (s.trim() === '' ? NaN : Number(s.trim().replace(',', '.')));
const paramsOf = (p: AnalysisParams, t: ParamText): AnalysisParams => ({
  ...p,
  horizons: t.horizons.split(/[;,\s]+/).filter(Boolean).map(numberOf),
  horizon: numberOf(t.horizon),
  knots: numberOf(t.knots),
  calibrationGroups: numberOf(t.groups),
  bootstrap: numberOf(t.bootstrap),
  seed: numberOf(t.seed),
});

export function AnalysisPage({ ctx }: { ctx: AppContext }) {
  const study = ctx.sel.study;
  const [yaml, setYaml] = useState(study?.specYaml ?? '');
  const [cohort, setCohort] = useState<InspectResult | null>(null);
  const [form, setForm] = useState<AnalysisForm | null>(null);
  const [text, setText] = useState<ParamText | null>(null);
  const [kept, setKept] = useState<KeptAnalysis[]>([]);
  const [replaced, setReplaced] = useState<KeptAnalysis[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<{ t0: number; step: number; label?: string } | null>(null);
  const [, tick] = useState(0);
  const timer = useRef<number | null>(null);
  const touched = useRef(false);
  /** The spec's analyses the form does not show, as found when the form was last read from the YAML (kept through every form change). */
  const keptRef = useRef<KeptAnalysis[] | null>(null);

  /** The form read from a spec (an earlier run's, the Cohort page's, or the YAML as edited). */
  const readForm = (specText: string, inspect: InspectResult | null) => {
    try {
      const r = formFromSpecText(specText, inspect);
      keptRef.current = r.kept;
      setForm(r.form);
      setText(textOf(r.form.params));
      setKept(r.kept);
      setReplaced([]);
      setFormError(null);
    } catch {
      /* invalid YAML: said below the editor */
    }
  };
  useEffect(() => {
    const specText = study?.specYaml ?? '';
    setYaml(specText);
    touched.current = false;
    const known = ctx.sel.cohort && ctx.sel.cohort.id === study?.cohortId ? ctx.sel.cohort.inspect : null;
    setCohort(known);
    readForm(specText, known);
    if (!known && study?.cohortId) {
      // The follow-up length (default horizons) and the cohort size (knots, risk groups) come from the cohort profile.
      api.cohort(study.cohortId).then(({ cohort: c }) => {
        setCohort(c.inspect);
        if (!touched.current) readForm(specText, c.inspect);
      }).catch(() => undefined);
    }
  }, [study?.id]);
  const info = useMemo(() => {
    try {
      return { info: specInfo(yaml), error: null };
    } catch (e) {
      return { info: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [yaml]);

  const choiceOf = (f: AnalysisForm, t: ParamText | null) => ({ ...f, params: t ? paramsOf(f.params, t) : f.params });
  /** The form changed: its analyses are written into the spec at once (what you see in the YAML is what runs). */
  const update = (f: AnalysisForm, t: ParamText | null = text) => {
    touched.current = true;
    if (form && t && f.endpoint !== form.endpoint && info.info) {
      // Another endpoint: its own default horizons (another time unit or follow-up), unless the user typed some.
      const ctxOf = formContext(info.info, cohort);
      const before = ctxOf.horizons(form.endpoint);
      const after = ctxOf.horizons(f.endpoint);
      if (t.horizons === before.horizons.join(', ')) t = { ...t, horizons: after.horizons.join(', ') };
      if (t.horizon === String(before.horizon)) t = { ...t, horizon: String(after.horizon) };
    }
    setForm(f);
    setText(t);
    try {
      const choice = choiceOf(f, t);
      const w = writeAnalyses(yaml, choice, cohort, keptRef.current);
      setYaml(w.yaml);
      setKept(w.kept);
      setReplaced(w.replaced);
      setFormError(null);
    } catch (e) {
      setFormError(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const generate = () => {
    if (form) update(form);
  };
  const run = async () => {
    if (!study) return;
    setError(null);
    const t0 = performance.now();
    setRunning({ t0, step: 0 });
    timer.current = window.setInterval(() => tick((x) => x + 1), 200);
    try {
      // The ticked markers, factors and analyses are what runs: written into the spec first (the spec's other analyses kept).
      const spec = form ? writeAnalyses(yaml, choiceOf(form, text), cohort, keptRef.current).yaml : yaml;
      setYaml(spec);
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
          {info.info && form && text && (
            <AnalysisFormView
              info={info.info}
              form={form}
              text={text}
              horizonsReason={formContext(info.info, cohort).horizons(form.endpoint) as { reason?: string }}
              onChange={update}
              toggle={toggle}
            />
          )}
          <ErrorBox error={formError} testId="form-error" />
          {form && info.info && (() => {
            const type = info.info.endpoints.find((e) => e.name === form.endpoint)?.type ?? 'survival';
            const unused = unusedChoices(form, type);
            return unused.length > 0 && (
              <div className="note" role="status" data-testid="unused-choices">
                {unused.map((u) => <p key={u}>{u}</p>)}
              </div>
            );
          })()}
          {kept.length > 0 && (
            <div className="note kept" data-testid="kept-analyses">
              The spec has {kept.length === 1 ? 'an analysis' : `${kept.length} analyses`} this form does not show; {kept.length === 1 ? 'it is' : 'they are'} kept and run as written (edit them in the YAML below):
              <ul>{kept.map((k, i) => <li key={i}><code>{k.description}</code></li>)}</ul>
            </div>
          )}
          {replaced.length > 0 && (
            <p className="note" data-testid="replaced-analyses">
              The form's baseline table replaces the one written in the spec ({replaced.map((k) => k.description).join('; ')}); untick “Baseline table” to keep the spec's.
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={generate} disabled={!form || !!running} data-testid="generate-spec">Write these analyses into the spec</button>
            <span className="muted small">The spec below follows the form as you tick; opening an earlier run fills the form from its spec.</span>
          </div>
          <details className="spec-editor" open={false}>
            <summary>Study spec (YAML) — edit freely (the form follows when you leave the editor); the server checks it and names the field and line of any problem</summary>
            <label className="visually-hidden" htmlFor="spec-yaml">Study spec</label>
            <textarea id="spec-yaml" spellCheck={false} value={yaml} onChange={(e) => setYaml(e.target.value)} onBlur={() => readForm(yaml, cohort)} rows={22} />
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

/** The form: endpoint, markers, factors, analyses that apply to the endpoint's type, their settings. */
function AnalysisFormView({ info, form, text, horizonsReason, onChange, toggle }: {
  info: SpecInfo;
  form: AnalysisForm;
  text: ParamText;
  horizonsReason: { reason?: string };
  onChange: (f: AnalysisForm, t?: ParamText) => void;
  toggle: (list: string[], v: string) => string[];
}) {
  const ep = info.endpoints.find((e) => e.name === form.endpoint);
  const type: EndpointType = ep?.type ?? 'survival';
  const applies = APPLIES[type];
  const unit = type === 'survival' ? ep?.unit ?? 'months' : '';
  const on = (k: keyof AnalysisToggles) => form.analyses[k] && applies.includes(k);
  const set = (patch: Partial<AnalysisForm>) => onChange({ ...form, ...patch });
  const setText = (k: keyof ParamText, v: string) => onChange(form, { ...text, [k]: v });
  const candidates = [...new Set([...form.markers, ...form.factors, ...form.params.modelPredictors])];
  const needsModel = MODEL_ANALYSES.some(on);
  const numberField = (k: keyof ParamText, label: string, hint: string, used: boolean, inputMode: 'decimal' | 'numeric' = 'numeric') => (
    <label className={`field${used ? '' : ' unused'}`}>
      <span>{label}</span>
      <input name={`param-${k}`} inputMode={inputMode} autoComplete="off" value={text[k]} onChange={(e) => setText(k, e.target.value)} aria-describedby={`hint-param-${k}`} />
      <small id={`hint-param-${k}`} className="hint">{hint}</small>
    </label>
  );
  return (
    <>
      <div className="choose">
        <fieldset>
          <legend>Endpoint</legend>
          {info.endpoints.length === 0 && <p className="muted">The spec defines no endpoint: map death and follow-up time (Cohort page) or add one below.</p>}
          {info.endpoints.map((e) => (
            <label key={e.name} className="check">
              <input type="radio" name="endpoint" value={e.name} checked={form.endpoint === e.name} onChange={() => set({ endpoint: e.name })} /> {e.name} <small className="muted">({e.type})</small>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Markers</legend>
          {info.markers.map((m) => (
            <div key={m} className="marker-choice">
              <label className="check">
                <input type="checkbox" checked={form.markers.includes(m)} onChange={() => set({ markers: toggle(form.markers, m) })} aria-describedby={info.markerNotes[m] ? `marker-note-${m}` : undefined} /> {m}
              </label>
              {info.markerNotes[m] && <small className="hint" id={`marker-note-${m}`} data-testid="marker-note">{info.markerNotes[m]}</small>}
            </div>
          ))}
        </fieldset>
        <fieldset className="factors">
          <legend>Factors (baseline table, regression)</legend>
          <div className="factor-list">
            {[...info.factors, ...form.factors.filter((f) => !info.factors.includes(f))].map((m) => (
              <label key={m} className="check">
                <input type="checkbox" checked={form.factors.includes(m)} onChange={() => set({ factors: toggle(form.factors, m) })} /> {m}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="choose-analyses">
        <fieldset className="analyses" data-testid="analysis-choices">
          <legend>Analyses <small className="muted">({type} endpoint)</small></legend>
          <ul className="analysis-list">
            {applies.map((k) => (
              <li key={k}>
                <label className="check">
                  <input type="checkbox" name={`analysis-${k}`} checked={form.analyses[k]} onChange={() => set({ analyses: { ...form.analyses, [k]: !form.analyses[k] } })} />
                  {ANALYSIS_LABELS[k].label(type)}
                </label>
                <small className="hint">{ANALYSIS_LABELS[k].hint(type)}</small>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="settings" data-testid="analysis-settings">
          <legend>Settings</legend>
          <div className="field-grid">
            {type === 'survival' && numberField('horizons', `Horizons (${unit})`, `time-dependent ROC, nomogram; default ${horizonsReason.reason ?? '1, 3 and 5 years'}`, on('timeRoc') || on('nomogram'), 'decimal')}
            {type === 'survival' && numberField('horizon', `Horizon (${unit})`, 'calibration, validation (Brier score), decision curve', on('calibration') || on('validation') || on('decisionCurve'), 'decimal')}
            <label className={`field${on('splines') ? '' : ' unused'}`}>
              <span>Spline of</span>
              <select name="param-spline-marker" value={form.params.splineMarker} onChange={(e) => set({ params: { ...form.params, splineMarker: e.target.value } })}>
                {[...new Set([...form.markers, ...info.markers])].map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
              <small className="hint">the marker entered as a restricted cubic spline</small>
            </label>
            {numberField('knots', 'Knots', '3–7 at Harrell’s quantiles (3 for small cohorts)', on('splines'))}
            {numberField('groups', 'Calibration groups', 'risk groups by quantiles of predicted risk', on('calibration'))}
            {numberField('bootstrap', 'Bootstrap replicates (B)', '200 or more for a paper', on('validation'))}
            {numberField('seed', 'Seed', 'the same seed gives the same result', on('validation'))}
          </div>
          <fieldset className={`model-predictors${needsModel ? '' : ' unused'}`}>
            <legend>Prognostic model <small className="muted">(nomogram, calibration, validation, decision curve; markers continuous)</small></legend>
            <div className="factor-list">
              {candidates.map((v) => (
                <label key={v} className="check">
                  <input type="checkbox" name={`predictor-${v}`} aria-label={`${v} (model predictor)`} checked={form.params.modelPredictors.includes(v)} onChange={() => set({ params: { ...form.params, modelPredictors: toggle(form.params.modelPredictors, v) } })} /> {v}
                </label>
              ))}
              {candidates.length === 0 && <span className="muted small">Tick markers or factors first.</span>}
            </div>
          </fieldset>
        </fieldset>
      </div>
    </>
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
