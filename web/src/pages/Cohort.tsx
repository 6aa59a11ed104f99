/**
 * Cohort page: drag-and-drop (or choose) a CSV/TSV/XLSX file → the server stores it and answers
 * with `siilab inspect`'s profile (types, missing share, ranges, suggested mapping with unit
 * guesses) → the user checks the mapping → "Check the data" saves a study with that mapping and
 * runs it: the validation report (excluded patients with their spreadsheet rows, warnings) and the
 * participant-flow figure (the report's flowSvg) come from that run.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type Cohort } from '../api.js';
import type { AppContext } from '../App.js';
import { CANONICAL_NAMES } from '../../../src/study/canonical.js';
import { variableUnits } from '../../../src/cohort/variableUnits.js';
import { flowFigureData } from '../../../src/report/build/figureAdapters.js';
import { flowSvg } from '../../../src/report/figures/flowSvg.js';
import { sig } from '../../../src/report/text/formatNumber.js';
import { canonicalLabel, mappingFromInspect, specWithMapping, type Mapping } from '../lib/spec.js';
import { ErrorBox, Progress, SvgFigure } from '../components.js';
import { CellProblems } from './CellProblems.js';
import { allExcludedForBaseline, switchToFirstDraw } from '../lib/firstDrawFix.js';
import { derivationText, derivedMarkers } from '../lib/derivedMarkers.js';

const range = (c: Cohort['inspect']['columns'][number]): string => {
  if (c.levels && (c.type === 'binary' || c.type === 'category' || c.type === 'text'))
    return c.levels.slice(0, 4).map((l) => `${l.level} (${l.n})`).join(', ') + (c.distinct > 4 ? ` … ${c.distinct} levels` : '');
  if (c.min === null) return '—';
  const f = (x: number | string | null) => (typeof x === 'number' ? sig(x, 4) : String(x));
  return `${f(c.min)} – ${f(c.max)} (median ${f(c.median)})`;
};

export function CohortPage({ ctx }: { ctx: AppContext }) {
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [mapping, setMappingState] = useState<{ of: string; m: Mapping } | null>(null);
  const [baseSpec, setBaseSpec] = useState<string | null>(null);
  const [specNotes, setSpecNotes] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const cohort = ctx.sel.cohort;
  // The mapping belongs to one cohort: a newly opened cohort is drawn only once its own mapping is made.
  const current = cohort && mapping?.of === cohort.id ? mapping.m : null;
  const setMapping = (f: (m: Mapping | null) => Mapping) => setMappingState((s) => (s ? { of: s.of, m: f(s.m) } : s));

  useEffect(() => {
    api.cohorts().then((r) => setCohorts(r.cohorts)).catch(() => undefined);
  }, [cohort?.id]);
  useEffect(() => {
    if (!cohort) return;
    setMappingState({ of: cohort.id, m: mappingFromInspect(cohort.inspect) });
    setBaseSpec(null);
    setSpecNotes([]);
    api.firstSpec(cohort.id).then((r) => { setBaseSpec(r.specYaml); setSpecNotes(r.notes ?? []); }).catch((e) => setError(e.message));
  }, [cohort?.id]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNote(null);
    setBusy(`Reading ${file.name}…`);
    try {
      const { cohort, note } = await api.uploadCohort(file);
      setNote(note ?? null);
      ctx.setCohort(cohort);
      ctx.setStudy(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };

  const fixCells = async (fixes: { row: number; column: string; value: string }[]) => {
    if (!cohort) return;
    setError(null);
    setBusy(`Correcting ${fixes.length} cell${fixes.length === 1 ? '' : 's'}…`);
    try {
      const r = await api.fixCohort(cohort.id, fixes);
      setNote(r.note ?? `Corrected copy saved as ${r.cohort.name}; the problems left are listed below.`);
      ctx.setCohort(r.cohort);
      ctx.setStudy(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const check = async (spec: string | null = baseSpec) => {
    if (!cohort || !current || !spec) return;
    setError(null);
    setBusy('Saving the mapping and checking every row…');
    try {
      const yaml = specWithMapping(spec, current, cohort.name.replace(/\.[^.]+$/, ''));
      const { study } = await api.createStudy(cohort.name.replace(/\.[^.]+$/, ''), cohort.id, yaml);
      ctx.setStudy(study);
      try {
        const { run, bundle } = await api.runStudyWithProgress(study.id, (step) => setBusy(`Checking every row: ${step}…`));
        ctx.setRun(run, bundle);
      } catch (e) {
        ctx.setRun(null, null);
        throw e;
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  // The validation of this cohort's own latest check (never a stale run of another study).
  const bundle = ctx.sel.study && ctx.sel.study.cohortId === cohort?.id && ctx.sel.run?.studyId === ctx.sel.study.id && !ctx.sel.demo ? ctx.sel.bundle : null;
  const validationRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (bundle) validationRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [bundle]);
  const flowSvgText = useMemo(() => (bundle ? flowSvg(flowFigureData(bundle.flow, 'Participant flow')) : null), [bundle]);

  return (
    <div className="page cohort">
      <h1>Cohort</h1>
      <p className="lead">Upload a CSV, TSV or Excel file with one row per patient (or one row per blood draw). It is stored in this computer's siilab database only.</p>
      <div
        className={`dropzone${dragging ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void upload(e.dataTransfer.files[0]); }}
      >
        <p>Drop the file here, or</p>
        <label className="button">
          Choose a file…
          <input ref={input} type="file" className="visually-hidden" data-testid="cohort-file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => upload(e.target.files?.[0])} />
        </label>
        {cohorts.length > 0 && (
          <label className="previous">
            or open an earlier upload
            <select value={cohort?.id ?? ''} onChange={(e) => { const c = cohorts.find((x) => x.id === e.target.value); if (c) { ctx.setCohort(c); ctx.setStudy(null); } }}>
              <option value="">—</option>
              {cohorts.map((c) => <option key={c.id} value={c.id}>{c.name} ({new Date(c.createdAt).toLocaleString()})</option>)}
            </select>
          </label>
        )}
      </div>
      <Progress text={busy} testId="cohort-progress" />
      {note && <p className="note" role="status" data-testid="cohort-note">{note}</p>}
      <ErrorBox error={error} testId="cohort-error">
        {allExcludedForBaseline(error) && baseSpec && switchToFirstDraw(baseSpec) && (
          <div className="actions">
            <button type="button" className="primary" data-testid="use-first-draw" disabled={!!busy}
              onClick={() => { const next = switchToFirstDraw(baseSpec)!; setBaseSpec(next); void check(next); }}>
              Use each patient's first draw instead and check again
            </button>
          </div>
        )}
      </ErrorBox>
      {cohort && current && (
        <>
          <CellProblems problems={cohort.inspect.problems ?? []} onFix={fixCells} busy={!!busy} />
          <section className="panel">
            <h2>{cohort.name}</h2>
            <p className="muted">
              {cohort.inspect.rows} rows, {cohort.inspect.columns.length} columns, {cohort.inspect.format === 'long' ? `long format (${cohort.inspect.patients ?? '?'} patients)` : 'one row per patient'};{' '}
              {(cohort.sizeBytes / 1024).toFixed(1)} kB, SHA-256 {cohort.sha256.slice(0, 12)}…
            </p>
            {specNotes.map((n) => <p key={n} className="note" data-testid="spec-note">{n}</p>)}
            <h3>Column mapping</h3>
            <p className="muted small">Suggestions come from the column names and values (the same code as <code>siilab inspect</code>). Check each one and its unit.</p>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Column mapping">
              <table className="mapping" data-testid="mapping">
                <thead>
                  <tr><th>Column</th><th>Type</th><th>Missing</th><th>Values</th><th>Use as</th><th>Unit</th></tr>
                </thead>
                <tbody>
                  {cohort.inspect.columns.map((c) => {
                    const m = current[c.name];
                    const sugg = cohort.inspect.suggestions.find((s) => s.column === c.name);
                    const vu = m.target && m.target !== 'covariate' ? variableUnits(m.target) : null;
                    const set = (patch: Partial<typeof m>) => setMapping((mm) => ({ ...mm!, [c.name]: { ...m, ...patch } }));
                    return (
                      <tr key={c.name} className={m.target ? '' : 'unused'}>
                        <th scope="row">{c.name}</th>
                        <td>{c.type}</td>
                        <td className="right">{(100 * c.missingShare).toFixed(0)} %</td>
                        <td className="values">{range(c)}</td>
                        <td>
                          <select aria-label={`Use column ${c.name} as`} value={m.target} onChange={(e) => set({ target: e.target.value as typeof m.target, unit: null })}>
                            <option value="">not used</option>
                            <option value="covariate">covariate “{m.name}”</option>
                            {CANONICAL_NAMES.map((v) => <option key={v} value={v}>{canonicalLabel(v)} ({v})</option>)}
                          </select>
                          {sugg?.note && m.target === sugg.variable && !(m.unit && !sugg.unit && /unit/.test(sugg.note)) && <div className="caveat small">{sugg.note}</div>}
                        </td>
                        <td>
                          {vu && vu.choices.length > 1 ? (
                            <select aria-label={`Unit of ${c.name}`} value={m.unit ?? vu.canonical} onChange={(e) => set({ unit: e.target.value })}>
                              {vu.choices.map((u) => <option key={u} value={u}>{vu.label(u) || u || 'no unit'}</option>)}
                            </select>
                          ) : vu?.canonical ? <span>{vu.label(vu.canonical)}</span> : <span className="muted">—</span>}
                          {sugg?.unitFrom && m.target === sugg.variable && m.unit === sugg.unit && <div className="muted small">guessed from the {sugg.unitFrom}</div>}
                          {sugg && !sugg.unit && m.target === sugg.variable && m.unit && <div className="caveat small">assumed: check it</div>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <MarkerList mapping={current} />
            <div className="actions">
              <button type="button" className="primary" onClick={() => void check()} disabled={!baseSpec || !!busy} data-testid="check-data">Check the data</button>
              <span className="muted small">Saves a study with this mapping and checks every row; nothing is analysed yet.</span>
            </div>
          </section>
          {bundle && (
            <section className="panel" data-testid="validation" ref={validationRef} aria-live="polite">
              <h2>Validation</h2>
              <p>
                {bundle.flow.screened} patients in the file, <strong>{bundle.flow.analysed} analysable</strong>
                {bundle.flow.excluded.length ? `, ${bundle.flow.excluded.length} excluded (listed below with their rows)` : ', none excluded'}.
              </p>
              <div className="two-col">
                {flowSvgText && <SvgFigure svg={flowSvgText} caption="Participant flow" maxWidth={520} />}
                <div>
                  {bundle.warnings.length > 0 && (
                    <>
                      <h3>Warnings</h3>
                      <ul className="warnings">{bundle.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
                    </>
                  )}
                  {bundle.flow.excluded.length > 0 && (
                    <div className="table-wrap scroll" tabIndex={0} role="region" aria-label="Excluded patients">
                      <table className="problems">
                        <thead><tr><th>Patient</th><th>Reason</th><th>Detail</th><th>Row(s)</th></tr></thead>
                        <tbody>
                          {bundle.flow.excluded.slice(0, 200).map((e) => (
                            <tr key={e.id}><td>{e.id}</td><td>{e.label}</td><td>{e.detail}</td><td className="right">{e.rows.map((r) => r.row).join(', ')}</td></tr>
                          ))}
                        </tbody>
                      </table>
                      {bundle.flow.excluded.length > 200 && <p className="muted small">First 200 of {bundle.flow.excluded.length}; the report lists all.</p>}
                    </div>
                  )}
                </div>
              </div>
              <div className="actions">
                <button type="button" className="primary" onClick={() => ctx.go('analysis')}>Choose the analyses →</button>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** SII, NLR and PLR as the mapping gives them, each with its formula and columns (or what it needs). */
function MarkerList({ mapping }: { mapping: Mapping }) {
  const columnOf: Record<string, string> = {};
  for (const [column, c] of Object.entries(mapping)) if (c.target && c.target !== 'covariate' && !(c.target in columnOf)) columnOf[c.target] = column;
  const ways = derivedMarkers(columnOf);
  return (
    <div className="derived-markers" data-testid="derived-markers">
      <h3>Markers from this mapping</h3>
      <ul>
        {ways.map((d) => (
          <li key={d.index} data-marker={d.index} className={d.available ? 'available' : 'unavailable'}>
            {d.available ? <>{derivationText(d)}{d.recorded ? `: the marker “${d.marker}”` : ''}</> : <><strong>{d.index}</strong>: {derivationText(d)}</>}
          </li>
        ))}
      </ul>
      <p className="muted small">The available ones are offered as markers on the Analysis page; no YAML needed.</p>
    </div>
  );
}
