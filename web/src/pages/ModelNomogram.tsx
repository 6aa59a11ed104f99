/**
 * Calculator: a patient on the nomogram of one's own study. Lists the finished runs whose spec has a
 * nomogram analysis (the server's studies and their runs), loads the chosen run's bundle, asks for
 * each predictor's value and shows the points per predictor, the total points and the predicted
 * survival at each horizon — computed by src/analysis/nomogramPatient.ts from the bundle's nomogram
 * (the numbers of the report's nomogram table), in this browser.
 */
import { useEffect, useMemo, useState } from 'react';
import { parse } from 'yaml';
import { api } from '../api.js';
import type { ResultsBundle } from '../../../src/analysis/bundle.js';
import type { Plain } from '../../../src/analysis/plain.js';
import type { NomogramAnalysisResult } from '../../../src/analysis/nomogramAnalysis.js';
import { nomogramFields, nomogramPatient } from '../../../src/analysis/nomogramPatient.js';
import { horizonLabel } from '../../../src/report/build/prognosticBlocks.js';
import { nomogramPatientMessages } from '../../../src/messages/index.js';
import { sig } from '../../../src/report/text/formatNumber.js';
import { ErrorBox } from '../components.js';

type Nomo = Plain<NomogramAnalysisResult>;
interface RunOption { runId: string; label: string }

/** Studies looked at for nomogram runs (the most recent first). */
const MAX_STUDIES = 30;

const hasNomogram = (specYaml: string): boolean => {
  try {
    const a = (parse(specYaml) as { analyses?: { nomogram?: unknown[] } } | null)?.analyses?.nomogram;
    return Array.isArray(a) && a.length > 0;
  } catch {
    return false;
  }
};

export function ModelNomogram() {
  const [runs, setRuns] = useState<RunOption[] | null>(null);
  const [runId, setRunId] = useState('');
  const [bundle, setBundle] = useState<ResultsBundle | null>(null);
  const [which, setWhich] = useState(0);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const { studies } = await api.studies();
      const withNomogram = studies.filter((s) => hasNomogram(s.specYaml)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_STUDIES);
      const lists = await Promise.all(withNomogram.map((s) => api.study(s.id).then((r) => r.runs.filter((x) => x.status === 'done').map((x) => ({ run: x, study: s }))).catch(() => [])));
      const opts = lists.flat().sort((a, b) => b.run.createdAt.localeCompare(a.run.createdAt)).map(({ run, study }) => ({ runId: run.id, label: `${study.name} — run of ${run.createdAt.slice(0, 16).replace('T', ' ')}` }));
      if (!live) return;
      setRuns(opts);
      if (opts.length) setRunId((r) => r || opts[0].runId);
    })().catch((e) => live && (setRuns([]), setError(e instanceof Error ? e.message : String(e))));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!runId) return setBundle(null);
    let live = true;
    setError(null);
    api.run(runId).then(({ bundle: b }) => {
      if (!live) return;
      setBundle(b);
      setWhich(0);
      setValues({});
    }).catch((e) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [runId]);

  const nomograms = useMemo(() => (bundle?.analyses ?? []).filter((a) => a.kind === 'nomogram') as unknown as Nomo[], [bundle]);
  const nomo = nomograms[which] ?? null;
  const fields = useMemo(() => (nomo ? nomogramFields(nomo) : []), [nomo]);
  const scored = useMemo(() => {
    if (!nomo) return null;
    const anyValue = fields.some((f) => (values[f.key] ?? '').trim() !== '');
    return anyValue ? nomogramPatient(nomo, values) : null;
  }, [nomo, fields, values]);

  return (
    <section className="panel model-nomogram" id="model-nomogram" aria-labelledby="model-nomogram-h" data-testid="model-nomogram">
      <h2 id="model-nomogram-h">Your study's nomogram</h2>
      <p className="muted small">A patient's points and predicted survival from the nomogram of a finished run (Analysis page: tick “Nomogram”). Computed in this browser from the run's results.</p>
      {runs === null && <p className="progress" role="status"><progress /> Looking for runs with a nomogram…</p>}
      {runs && runs.length === 0 && <p className="muted">{nomogramPatientMessages.noNomogram()}</p>}
      {runs && runs.length > 0 && (
        <div className="nomo-grid">
          <form className="nomo-form" onSubmit={(e) => e.preventDefault()} aria-label="Nomogram predictors">
            <label className="field">
              <span>Run</span>
              <select value={runId} onChange={(e) => setRunId(e.target.value)} data-testid="nomogram-run">
                {runs.map((r) => <option key={r.runId} value={r.runId}>{r.label}</option>)}
              </select>
            </label>
            {nomograms.length > 1 && (
              <label className="field">
                <span>Nomogram</span>
                <select value={which} onChange={(e) => { setWhich(Number(e.target.value)); setValues({}); }}>
                  {nomograms.map((n, k) => <option key={n.id} value={k}>{n.endpoint}: {n.nomogram.predictors.map((p) => p.label).join(', ')}</option>)}
                </select>
              </label>
            )}
            {nomo && (
              <div className="field-grid">
                {fields.map((f) => (
                  <label key={f.key} className="field">
                    <span>{f.label}{f.unit && <small> ({f.unit})</small>}</span>
                    {f.input === 'choice' ? (
                      <select name={`nomo-${f.key}`} value={values[f.key] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}>
                        <option value="">choose</option>
                        {f.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                      </select>
                    ) : (
                      <input name={`nomo-${f.key}`} inputMode="decimal" autoComplete="off" value={values[f.key] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} aria-describedby={`nomo-hint-${f.key}`} />
                    )}
                    <small id={`nomo-hint-${f.key}`} className="hint">{f.hint}</small>
                  </label>
                ))}
              </div>
            )}
          </form>
          <div className="nomo-out" aria-live="polite" data-testid="nomogram-result">
            {nomo && !scored && <p className="muted">Enter the patient's {fields.map((f) => f.label).join(', ')}.</p>}
            {scored && scored.errors.length > 0 && <ul className="warnings">{scored.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>}
            {scored?.result && (
              <>
                <table className="nomo-points">
                  <caption className="visually-hidden">Points per predictor</caption>
                  <thead><tr><th scope="col">Predictor</th><th scope="col">Patient</th><th scope="col" className="right">Points</th></tr></thead>
                  <tbody>
                    {scored.result.points.map((p) => <tr key={p.key}><td>{p.label}</td><td>{p.value}</td><td className="right">{p.points.toFixed(1)}</td></tr>)}
                    <tr className="total"><th scope="row">Total points</th><td /><td className="right" data-testid="nomogram-total">{scored.result.total.toFixed(1)}</td></tr>
                  </tbody>
                </table>
                <dl className="nomo-surv" data-testid="nomogram-survival">
                  {scored.result.survival.map((s) => (
                    <div key={s.horizon}>
                      <dt>{horizonLabel(s.horizon, nomo!.unit)}</dt>
                      <dd><strong>{sig(100 * s.surv, 3)} %</strong></dd>
                    </div>
                  ))}
                </dl>
                {scored.result.notes.length > 0 && <ul className="warnings">{scored.result.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
                <p className="muted small">
                  Cox model of {nomo!.endpoint} (n = {nomo!.n}, {nomo!.events} events{nomo!.concordance !== null ? `, C-index ${nomo!.concordance.toFixed(3)}` : ''}) from {bundle?.title}
                  {bundle?.simulated ? ' — simulated data' : ''}. Apparent performance: check its calibration and validation before using it for a patient.
                </p>
              </>
            )}
          </div>
        </div>
      )}
      <ErrorBox error={error} testId="nomogram-error" />
    </section>
  );
}
