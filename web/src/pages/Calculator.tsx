/**
 * Calculator page: one patient's counts (with units) → the indices as you type, one card per study
 * in the evidence registry with the patient's category and what that study found (hong2021's
 * SII × AFP four groups included), and a probability only from a loaded model file, with its
 * provenance. Runs src/evidence/calculate.ts in the browser, the same code as `siilab calc`.
 */
import { Suspense, lazy, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { calculate, type CalcResult, type EvidenceEntry } from '../../../src/evidence/calculate.js';
import { parseModelFile, type ModelFile } from '../../../src/model/modelFile.js';
import { ASCITES, ENCEPHALOPATHY, type Ascites, type Encephalopathy } from '../../../src/indices/childPugh.js';
import { UNITS, type Quantity } from '../../../src/units/units.js';
import type { RawLabInputs } from '../../../src/units/normaliseInputs.js';
import { sig } from '../../../src/report/text/formatNumber.js';
import { ErrorBox, recordTiming } from '../components.js';
import { forPage } from '../lib/forPage.js';
// A patient on the nomogram of one's own run (loaded when the page shows, outside the main bundle).
const ModelNomogram = lazy(() => import('./ModelNomogram.js').then((m) => ({ default: m.ModelNomogram })));

type Field = { key: keyof RawLabInputs; label: string; quantity: Quantity; hint?: string };
const FIELDS: readonly Field[] = [
  { key: 'neutrophils', label: 'Neutrophils', quantity: 'count' },
  { key: 'lymphocytes', label: 'Lymphocytes', quantity: 'count' },
  { key: 'platelets', label: 'Platelets', quantity: 'count' },
  { key: 'monocytes', label: 'Monocytes', quantity: 'count', hint: 'for SIRI and PIV' },
  { key: 'wbc', label: 'White cells', quantity: 'count', hint: 'for dNLR, or with the %' },
  { key: 'neutrophilPct', label: 'Neutrophils %', quantity: 'percent', hint: 'with white cells, instead of the count' },
  { key: 'lymphocytePct', label: 'Lymphocytes %', quantity: 'percent', hint: 'with white cells, instead of the count' },
  { key: 'afp', label: 'AFP', quantity: 'afp', hint: 'for the SII × AFP groups' },
  { key: 'albumin', label: 'Albumin', quantity: 'albumin', hint: 'for ALBI and Child–Pugh' },
  { key: 'bilirubin', label: 'Bilirubin', quantity: 'bilirubin', hint: 'for ALBI and Child–Pugh' },
  { key: 'inr', label: 'INR', quantity: 'ratio', hint: 'for Child–Pugh' },
];
const UNIT_QUANTITIES: readonly Quantity[] = ['count', 'percent', 'afp', 'albumin', 'bilirubin'];
const QUANTITY_LABEL: Partial<Record<Quantity, string>> = { count: 'Cell count unit', percent: 'Differential unit', afp: 'AFP unit', albumin: 'Albumin unit', bilirubin: 'Bilirubin unit' };

const num = (x: number | null | undefined, d = 4) => (x === null || x === undefined ? '—' : sig(x, d));

function parseField(s: string): number | null | 'bad' {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : 'bad';
}

export function CalculatorPage() {
  const [values, setValues] = useState<Record<string, string>>({ neutrophils: '', lymphocytes: '', platelets: '' });
  const [units, setUnits] = useState<Partial<Record<Quantity, string>>>({ count: '10^9/L', percent: '%', afp: 'ng/mL', albumin: 'g/L', bilirubin: 'umol/L' });
  const [endpoint, setEndpoint] = useState<'' | 'recurrence' | 'survival'>('');
  const [cpClass, setCpClass] = useState<'' | 'A' | 'B' | 'C'>('');
  const [tumour, setTumour] = useState('');
  const [treatment, setTreatment] = useState('');
  const [ascites, setAscites] = useState<Ascites | ''>('');
  const [enceph, setEnceph] = useState<Encephalopathy | ''>('');
  const [model, setModel] = useState<{ file: string; model: ModelFile } | null>(null);
  const [modelError, setModelError] = useState<string | null>(null);
  const t0 = useRef<number | null>(null);

  const outcome = useMemo((): { result: CalcResult | null; error: string | null; modelError: string | null } => {
    const raw: RawLabInputs = {};
    for (const f of FIELDS) {
      const v = parseField(values[f.key] ?? '');
      if (v === 'bad') return { result: null, error: `${f.label}: "${values[f.key]}" is not a number.`, modelError: null };
      raw[f.key] = v;
    }
    const has = (k: keyof RawLabInputs) => raw[k] !== null && raw[k] !== undefined;
    if (!(has('neutrophils') || (has('wbc') && has('neutrophilPct'))) || !(has('lymphocytes') || (has('wbc') && has('lymphocytePct'))) || !has('platelets'))
      return { result: null, error: null, modelError: null };
    const size = parseField(tumour);
    if (size === 'bad') return { result: null, error: `Tumour size: "${tumour}" is not a number.`, modelError: null };
    const input = {
      raw, units, treatment: treatment || null, ascites: ascites || null, encephalopathy: enceph || null, model,
      endpoint: endpoint || null, childPughClass: cpClass || null, tumourSizeCm: size,
    };
    const msg = (e: unknown) => forPage(e instanceof Error ? e.message : String(e));
    try {
      return { result: calculate(input), error: null, modelError: null };
    } catch (e) {
      if (!model) return { result: null, error: msg(e), modelError: null };
      // The patient is fine but the model cannot be applied (e.g. it needs a value not given): say so beside the model.
      try {
        return { result: calculate({ ...input, model: null }), error: null, modelError: msg(e) };
      } catch (e2) {
        return { result: null, error: msg(e2), modelError: null };
      }
    }
  }, [values, units, treatment, ascites, enceph, model, endpoint, cpClass, tumour]);

  useLayoutEffect(() => {
    if (t0.current !== null) {
      recordTiming('calculator', performance.now() - t0.current);
      t0.current = null;
    }
  });
  const set = (k: string, v: string) => {
    t0.current = performance.now();
    setValues((s) => ({ ...s, [k]: v }));
  };

  const onModel = async (file: File | undefined) => {
    setModelError(null);
    if (!file) return setModel(null);
    try {
      const text = await file.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${file.name}: not a JSON file (a siilab model file is JSON).`);
      }
      setModel({ file: file.name, model: parseModelFile(json, file.name) });
    } catch (e) {
      setModel(null);
      setModelError(e instanceof Error ? e.message : String(e));
    }
  };

  const r = outcome.result;
  return (
    <div className="page calculator">
      <h1>Calculator</h1>
      <p className="lead">One patient's blood counts → SII and its relatives, read against each seed study. Nothing is sent anywhere: the calculation runs in this browser.</p>
      <div className="calc-grid">
        <form className="panel calc-form" onSubmit={(e) => e.preventDefault()} aria-label="Patient values">
          <fieldset>
            <legend>Units</legend>
            <div className="unit-row">
              {UNIT_QUANTITIES.map((q) => (
                <label key={q}>
                  {QUANTITY_LABEL[q]}
                  <select value={units[q]} onChange={(e) => { t0.current = performance.now(); setUnits((u) => ({ ...u, [q]: e.target.value })); }}>
                    {Object.entries(UNITS[q].units).map(([k, u]) => (
                      <option key={k} value={k}>{u.label}</option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Laboratory values</legend>
            <div className="field-grid">
              {FIELDS.map((f) => (
                <label key={f.key} className="field">
                  <span>
                    {f.label}
                    {f.quantity !== 'ratio' && <small> ({UNITS[f.quantity].units[units[f.quantity] ?? UNITS[f.quantity].canonical]?.label.replace(/ \(0–1\)$/, '')})</small>}
                  </span>
                  <input
                    name={f.key}
                    inputMode="decimal"
                    autoComplete="off"
                    value={values[f.key] ?? ''}
                    onChange={(e) => set(f.key, e.target.value)}
                    aria-describedby={f.hint ? `hint-${f.key}` : undefined}
                  />
                  {f.hint && <small id={`hint-${f.key}`} className="hint">{f.hint}</small>}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Clinical</legend>
            <div className="field-grid">
              <label className="field">
                <span>Treatment</span>
                <input name="treatment" value={treatment} placeholder="e.g. TACE, hepatectomy, sorafenib" onChange={(e) => { t0.current = performance.now(); setTreatment(e.target.value); }} />
              </label>
              <label className="field">
                <span>Outcome asked about</span>
                <select value={endpoint} onChange={(e) => setEndpoint(e.target.value as typeof endpoint)}>
                  <option value="">not given</option>
                  <option value="recurrence">recurrence</option>
                  <option value="survival">survival</option>
                </select>
              </label>
              <label className="field">
                <span>Child–Pugh class</span>
                <select value={cpClass} onChange={(e) => setCpClass(e.target.value as typeof cpClass)}>
                  <option value="">not given (computed when possible)</option>
                  <option value="A">A</option>
                  <option value="B">B</option>
                  <option value="C">C</option>
                </select>
              </label>
              <label className="field">
                <span>Largest tumour <small>(cm)</small></span>
                <input name="tumourSize" inputMode="decimal" autoComplete="off" value={tumour} onChange={(e) => { t0.current = performance.now(); setTumour(e.target.value); }} />
              </label>
              <label className="field">
                <span>Ascites</span>
                <select value={ascites} onChange={(e) => setAscites(e.target.value as Ascites | '')}>
                  <option value="">not given</option>
                  {ASCITES.map((a) => <option key={a} value={a}>{a}</option>)}
                </select>
              </label>
              <label className="field">
                <span>Encephalopathy</span>
                <select value={enceph} onChange={(e) => setEnceph(e.target.value as Encephalopathy | '')}>
                  <option value="">not given</option>
                  {ENCEPHALOPATHY.map((a) => <option key={a} value={a}>{a}</option>)}
                </select>
              </label>
              <label className="field">
                <span>Model file <small>(optional)</small></span>
                <input type="file" data-testid="model-file" accept=".json,application/json" onChange={(e) => onModel(e.target.files?.[0])} />
              </label>
            </div>
          </fieldset>
          <ErrorBox error={modelError} testId="model-error" />
        </form>

        <section className="panel calc-out" aria-live="polite" aria-label="Indices">
          <h2>Indices</h2>
          <ErrorBox error={outcome.error} testId="calc-error" />
          {!r && !outcome.error && <p className="muted">Enter neutrophils, lymphocytes and platelets (or white cells with the differential %).</p>}
          {r && <Indices r={r} />}
          {r && <ModelBox r={r} model={model?.file ?? null} error={outcome.modelError} />}
          {r && r.warnings.length > 0 && (
            <ul className="warnings">{r.warnings.map((w, i) => <li key={i}>{forPage(w)}</li>)}</ul>
          )}
        </section>
      </div>
      {r && <StudyCards evidence={r.evidence} />}
      <Suspense fallback={null}><ModelNomogram /></Suspense>
    </div>
  );
}

function Indices({ r }: { r: CalcResult }) {
  const i = r.indices;
  const rows: [string, number | null, string][] = [
    ['SII', i.sii, 'platelets × neutrophils / lymphocytes (10⁹/L)'],
    ['NLR', i.nlr, 'neutrophils / lymphocytes'],
    ['PLR', i.plr, 'platelets / lymphocytes'],
    ['dNLR', i.dnlr, 'neutrophils / (white cells − neutrophils)'],
    ['SIRI', i.siri, 'neutrophils × monocytes / lymphocytes'],
    ['PIV', i.piv, 'neutrophils × platelets × monocytes / lymphocytes'],
    ['ALBI', i.albi, `0.66·log₁₀ bilirubin − 0.085·albumin${i.albiGrade ? ` · grade ${i.albiGrade}` : ''}`],
  ];
  return (
    <dl className="indices" data-testid="indices">
      {rows.map(([k, v, d]) => (
        <div key={k} className={v === null ? 'idx missing' : 'idx'} data-index={k}>
          <dt>{k}</dt>
          <dd><span className="value">{num(v)}</span><small>{d}</small></dd>
        </div>
      ))}
      {i.childPugh && (
        <div className="idx" data-index="Child–Pugh">
          <dt>Child–Pugh</dt>
          <dd><span className="value">{i.childPugh.score} ({i.childPugh.class})</span><small>score (class)</small></dd>
        </div>
      )}
    </dl>
  );
}

function ModelBox({ r, model, error }: { r: CalcResult; model: string | null; error: string | null }) {
  const f = r.model.fromFile;
  return (
    <div className="model-box" data-testid="model">
      <h3>Probability</h3>
      {error && <p className="error" role="alert">Model {model}: {error}</p>}
      {f && f.probability !== null && (
        <p className="prob">
          {f.outcome.description}{f.outcome.horizon ? ` (${f.outcome.horizon})` : ''}: <strong>{sig(100 * f.probability, 3)} %</strong>
        </p>
      )}
      {f?.survival?.map((s) => (
        <p key={s.time} className="prob">{f.outcome.description} by {s.time} {f.timeUnit ?? ''}: risk <strong>{sig(100 * s.risk, 3)} %</strong></p>
      ))}
      {f && (
        <p className="muted">
          From model file {f.file} (siilab {f.siilabVersion}), fitted on {f.createdFrom.file} (n = {f.createdFrom.n}, {f.createdFrom.events} events,
          SHA-256 {f.createdFrom.sha256.slice(0, 12)}…).
        </p>
      )}
      {r.model.note && <p className="muted">{forPage(r.model.note)}</p>}
    </div>
  );
}

function categoryText(e: EvidenceEntry): string {
  if (!e.category) return 'no category';
  if (e.marker === 'SII+AFP') return e.category.split('-').map((x, i) => `${i ? 'AFP' : 'SII'} ${x}`).join(', ');
  return e.category;
}

function entryTitle(e: EvidenceEntry): string {
  const dir = (d: string) => (d === '>' ? '>' : '≥');
  if (e.marker === 'SII+AFP') {
    const c = e.cutoff as { sii: number; afp: number };
    const d = e.direction as { sii: string; afp: string };
    return `SII ${dir(d.sii)} ${c.sii} × AFP ${dir(d.afp)} ${c.afp} ng/mL`;
  }
  return `${e.marker} ${dir(e.direction as string)} ${e.cutoff}${e.unit && e.unit !== '10^9/L' ? ' ' + e.unit : ''}`;
}

function entryValue(e: EvidenceEntry): string {
  if (e.value === null) return '';
  if (typeof e.value === 'number') return `patient ${num(e.value)}`;
  return `patient SII ${num(e.value.sii)}, AFP ${num(e.value.afp)}`;
}

function StudyCards({ evidence }: { evidence: readonly EvidenceEntry[] }) {
  const byStudy = new Map<string, EvidenceEntry[]>();
  for (const e of evidence) byStudy.set(e.study, [...(byStudy.get(e.study) ?? []), e]);
  return (
    <section aria-label="What the seed studies found">
      <h2>What the seed studies found</h2>
      <div className="cards">
        {[...byStudy].map(([id, entries]) => {
          const first = entries[0];
          // The patient-specific ones (treatment, outcome, Child–Pugh class differ from the study) are shown open beside each category.
          const general = (e: EvidenceEntry) => e.caveats.filter((c) => !e.applicability.includes(c));
          const shared = general(first).filter((c) => entries.every((e) => general(e).includes(c)));
          return (
            <article key={id} className="card study-card" data-study={id} aria-labelledby={`study-${id}`}>
              <h3 id={`study-${id}`}>{id}</h3>
              <p className="citation">{first.citation}</p>
              <dl className="facts">
                <dt>Patients</dt><dd>{first.population}</dd>
                <dt>Treatment</dt><dd>{first.treatment}</dd>
                <dt>Endpoint</dt><dd>{first.endpoint}</dd>
              </dl>
              <ul className="entries">
                {entries.map((e, k) => (
                  <li key={k} className="entry" data-marker={e.marker}>
                    <div className="entry-head">
                      <span className="cut">{entryTitle(e)}</span>
                      <span className={`badge cat-${e.category ?? 'none'}`} data-testid="category">{categoryText(e)}</span>
                    </div>
                    {e.applicability.length > 0 && (
                      <ul className="applicability" data-testid="applicability" aria-label={`Does ${id}'s finding apply to this patient?`}>
                        {e.applicability.map((c, j) => <li key={j}>{forPage(c)}</li>)}
                      </ul>
                    )}
                    {e.value !== null && <div className="muted small">{entryValue(e)}</div>}
                    {e.finding && <p className="finding">{e.finding}</p>}
                    {e.chosenBy && <p className="muted small">Cut-off: {e.chosenBy}.</p>}
                    {general(e).filter((c) => !shared.includes(c)).map((c, j) => <p key={j} className="caveat small">{forPage(c)}</p>)}
                  </li>
                ))}
              </ul>
              {shared.length > 0 && (
                <details>
                  <summary>Caveats ({shared.length})</summary>
                  <ul className="caveats">{shared.map((c, j) => <li key={j}>{forPage(c)}</li>)}</ul>
                </details>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
