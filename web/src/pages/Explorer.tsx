/**
 * Cutoff explorer: a slider over the marker's distinct values; at every move the worker returns the
 * Kaplan–Meier curves (the report's kmSvg), the log-rank P, the hazard ratio with its CI (Cox with
 * the split as the only covariate), group sizes, and sensitivity and specificity. The maximally
 * selected cutoff and its Lausen–Schumacher corrected P are computed once and shown beside the
 * naive P, because a cutoff picked by eye or by search looks better than it is.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, type Dataset } from '../api.js';
import type { AppContext } from '../App.js';
import type { ExploreResult, MaxstatSummary } from '../lib/explorerCompute.js';
import { formatP } from '../../../src/report/format/numbers.js';
import { sig } from '../../../src/report/text/formatNumber.js';
import { ErrorBox, SvgFigure, recordTiming } from '../components.js';

interface Summary {
  n: number;
  dropped: number;
  events: number;
  values: number[];
  median: number;
  maxstat: MaxstatSummary | null;
  maxstatError: string | null;
  markerName: string;
  unit: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const pText = (p: number) => {
  const s = formatP(p);
  return s.startsWith('<') ? `P ${s}` : `P = ${s}`;
};

export function ExplorerPage({ ctx }: { ctx: AppContext }) {
  const runId = ctx.sel.run?.status === 'done' ? ctx.sel.run.id : null;
  const [ds, setDs] = useState<Dataset | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [marker, setMarker] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [accuracyOf, setAccuracyOf] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [index, setIndex] = useState(0);
  const [result, setResult] = useState<ExploreResult | null>(null);
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [lastMs, setLastMs] = useState<{ worker: number; total: number } | null>(null);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const busy = useRef(false);
  const pending = useRef<{ seq: number; cutoff: number } | null>(null);
  const started = useRef(new Map<number, number>());
  const toRecord = useRef<{ t0: number; worker: number } | null>(null);

  useEffect(() => {
    setDs(null);
    setLoadError(null);
    if (!runId) return;
    api.dataset(runId).then(setDs).catch((e) => setLoadError(e.message));
  }, [runId]);

  const numeric = useMemo(() => (ds ? Object.entries(ds.columns).filter(([, c]) => c.kind === 'numeric').map(([k]) => k) : []), [ds]);
  const survival = useMemo(() => (ds ? Object.entries(ds.endpoints).filter(([, e]) => e.kind === 'survival').map(([k]) => k) : []), [ds]);
  const binary = useMemo(() => (ds ? Object.entries(ds.endpoints).filter(([, e]) => e.kind === 'binary').map(([k]) => k) : []), [ds]);

  useEffect(() => {
    if (!ds) return;
    const preferred = ['SII', 'SII_baseline', 'SII_first', 'NLR'].find((m) => numeric.includes(m)) ?? numeric[0] ?? '';
    setMarker((m) => (numeric.includes(m) ? m : preferred));
    setEndpoint((e) => (survival.includes(e) ? e : survival[0] ?? ''));
    setAccuracyOf((a) => a || (binary[0] ? `binary:${binary[0]}` : 'event'));
  }, [ds, numeric, survival, binary]);

  // One worker per page visit.
  useEffect(() => {
    const w = new Worker(new URL('../explorer.worker.ts', import.meta.url), { type: 'module', name: 'siilab-explorer' });
    worker.current = w;
    w.onmessage = (ev: MessageEvent) => {
      const m = ev.data;
      if (m.type === 'prepared') {
        setSummary(m.summary);
        setWorkerError(null);
        const vals: number[] = m.summary.values;
        const start = m.summary.maxstat ? m.summary.median : m.summary.median;
        let k = vals.findIndex((v) => v >= start);
        if (k < 0 || k > vals.length - 2) k = Math.max(0, Math.floor((vals.length - 2) / 2));
        setIndex(k);
        send(vals[k]);
      } else if (m.type === 'result') {
        const t0 = started.current.get(m.seq);
        started.current.delete(m.seq);
        busy.current = false;
        if (pending.current) {
          const p = pending.current;
          pending.current = null;
          busy.current = true;
          w.postMessage({ type: 'cut', seq: p.seq, cutoff: p.cutoff });
        }
        if (m.seq === seq.current || !pending.current) {
          if (t0 !== undefined) toRecord.current = { t0, worker: m.ms };
          setResult(m.result);
        }
      } else if (m.type === 'error') {
        busy.current = false;
        setWorkerError(m.error);
      }
    };
    w.onerror = (e) => setWorkerError(`The explorer's worker failed: ${e.message}`);
    return () => w.terminate();
  }, []);

  // Measure move → redrawn curves and statistics (after React has committed the DOM).
  useLayoutEffect(() => {
    const r = toRecord.current;
    if (!r) return;
    toRecord.current = null;
    const total = performance.now() - r.t0;
    recordTiming('explorer', total);
    recordTiming('explorerWorker', r.worker);
    setLastMs({ worker: r.worker, total });
  }, [result]);

  const send = (cutoff: number) => {
    const w = worker.current;
    if (!w) return;
    const s = ++seq.current;
    started.current.set(s, performance.now());
    if (busy.current) {
      if (pending.current) started.current.delete(pending.current.seq);
      pending.current = { seq: s, cutoff };
      return;
    }
    busy.current = true;
    w.postMessage({ type: 'cut', seq: s, cutoff });
  };

  // (Re)prepare when the data or the choices change.
  useEffect(() => {
    if (!ds || !marker || !endpoint || !worker.current) return;
    const ep = ds.endpoints[endpoint];
    const col = ds.columns[marker];
    if (!ep || ep.kind !== 'survival' || !col || col.kind !== 'numeric') return;
    let outcome: (number | null)[] | null = null;
    let outcomeName: string | null = null;
    if (accuracyOf.startsWith('binary:')) {
      const b = ds.endpoints[accuracyOf.slice(7)];
      if (b?.kind === 'binary') {
        outcome = b.values;
        outcomeName = accuracyOf.slice(7);
      }
    } else {
      outcome = ep.event;
      outcomeName = `event (${endpoint})`;
    }
    setSummary(null);
    setResult(null);
    worker.current.postMessage({
      type: 'prepare',
      input: { time: ep.time, event: ep.event, marker: col.values, outcome, markerName: marker, endpoint, outcomeName, unit: ep.unit },
    });
  }, [ds, marker, endpoint, accuracyOf]);

  const values = summary?.values ?? [];
  const maxIndex = Math.max(0, values.length - 2);
  const cutoff = values[Math.min(index, maxIndex)];
  const move = (k: number) => {
    const kk = Math.max(0, Math.min(maxIndex, k));
    setIndex(kk);
    send(values[kk]);
  };
  const jumpTo = (v: number) => {
    let k = values.findIndex((x) => x >= v);
    if (k < 0) k = maxIndex;
    if (values[k] > v && k > 0) k--;
    move(k);
  };

  if (!runId) {
    return (
      <div className="page">
        <h1>Cutoff explorer</h1>
        <p className="lead">Run an analysis first (Cohort → Analysis); the explorer uses that run's patients.</p>
      </div>
    );
  }
  const ms = summary?.maxstat;
  return (
    <div className="page explorer">
      <h1>Cutoff explorer</h1>
      <p className="lead">
        Move the cutoff and watch the curves and statistics change. A cutoff chosen by looking at these numbers is optimistic: the corrected P of the
        maximally selected cutoff says how much.
      </p>
      <ErrorBox error={loadError} testId="explorer-error" />
      <div className="panel controls">
        <label>
          Marker
          <select value={marker} onChange={(e) => setMarker(e.target.value)}>
            {numeric.map((m) => <option key={m} value={m}>{ds?.columns[m]?.label ?? m}</option>)}
          </select>
        </label>
        <label>
          Survival endpoint
          <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)}>
            {survival.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label>
          Sensitivity and specificity for
          <select value={accuracyOf} onChange={(e) => setAccuracyOf(e.target.value)}>
            {binary.map((b) => <option key={b} value={`binary:${b}`}>{b} (binary endpoint)</option>)}
            <option value="event">event indicator of {endpoint || 'the endpoint'}</option>
          </select>
        </label>
      </div>
      {survival.length === 0 && ds && <p className="error" role="alert">This study has no survival endpoint to explore.</p>}
      <ErrorBox error={workerError} />
      {summary && values.length >= 2 && (
        <div className="panel slider-panel">
          <label htmlFor="cutoff-slider" className="slider-label">
            Cutoff: {marker} &gt; <strong data-testid="cutoff-value">{sig(cutoff, 4)}</strong> is “high”
          </label>
          <input
            id="cutoff-slider"
            data-testid="cutoff-slider"
            type="range"
            min={0}
            max={maxIndex}
            step={1}
            value={Math.min(index, maxIndex)}
            onChange={(e) => move(Number(e.target.value))}
            aria-valuetext={`${marker} cutoff ${sig(cutoff, 4)}`}
          />
          <div className="slider-scale" aria-hidden="true">
            <span>{sig(values[0], 4)}</span>
            <span>{sig(values[values.length - 1], 4)}</span>
          </div>
          <div className="jump">
            <label>
              Type a cutoff
              <input type="number" step="any" onKeyDown={(e) => { if (e.key === 'Enter') jumpTo(Number((e.target as HTMLInputElement).value)); }} />
            </label>
            <button type="button" onClick={() => jumpTo(summary.median)}>Median ({sig(summary.median, 4)})</button>
            {ms && <button type="button" onClick={() => jumpTo(ms.cutoff)}>Maximally selected ({sig(ms.cutoff, 4)})</button>}
          </div>
          <p className="muted small">
            {summary.n} patients with {marker} and {endpoint} ({summary.events} events){summary.dropped ? `; ${summary.dropped} without them left out` : ''}. Arrow keys move
            to the next distinct value; Page Up/Down jump further.
          </p>
        </div>
      )}
      {result && (
        <div className="explorer-out">
          <div className="stats panel" aria-live="polite" data-testid="explorer-stats">
            <h2>At {marker} &gt; {sig(result.cutoff, 4)}</h2>
            <dl className="kv">
              <dt>Low / high</dt>
              <dd data-testid="group-sizes">{result.nLow} / {result.nHigh} patients ({result.eventsLow} / {result.eventsHigh} events)</dd>
              <dt>Log-rank</dt>
              <dd data-testid="logrank-p">{result.logRank ? `χ² = ${result.logRank.chisq.toFixed(2)}, ${pText(result.logRank.p)}` : '—'}</dd>
              <dt>Hazard ratio, high vs low</dt>
              <dd data-testid="hr">{result.hr ? `${sig(result.hr.hr, 3)} (95% CI ${result.hr.lower === null ? '—' : sig(result.hr.lower, 3)}–${result.hr.upper === null ? '—' : sig(result.hr.upper, 3)}), ${pText(result.hr.p)}` : '—'}</dd>
              <dt>Sensitivity / specificity</dt>
              <dd data-testid="accuracy">
                {result.accuracy ? `${pct(result.accuracy.sensitivity)} / ${pct(result.accuracy.specificity)}` : '—'}
                <small className="muted"> “high” predicting {accuracyOf.startsWith('binary:') ? accuracyOf.slice(7) : `the event of ${endpoint}`}</small>
              </dd>
            </dl>
            {result.note && <p className="note">{result.note}</p>}
            <div className="optimism" data-testid="maxstat">
              <h3>The searched-for cutoff</h3>
              {ms ? (
                <p>
                  Maximally selected cutoff <strong>{marker} &gt; {sig(ms.cutoff, 4)}</strong> ({ms.nLow} / {ms.nHigh}): naive {pText(ms.naiveP)},
                  corrected <strong>{pText(ms.p)}</strong> (Lausen–Schumacher 1994, cutoffs searched between the {Math.round(100 * ms.minprop)}th and{' '}
                  {Math.round(100 * (1 - ms.minprop))}th percentiles).
                </p>
              ) : (
                <p className="muted">{summary?.maxstatError ?? 'Not available.'}</p>
              )}
              <p className="muted small">Any P you read off this slider is naive in the same way: it ignores that you chose the cutoff after looking.</p>
            </div>
            {lastMs && <p className="muted small timing">Computed in {lastMs.worker.toFixed(1)} ms; redrawn {lastMs.total.toFixed(1)} ms after the move.</p>}
          </div>
          <SvgFigure svg={result.svg} id="explorer-km" caption={`Kaplan–Meier curves of ${endpoint} by ${marker} at ${sig(result.cutoff, 4)}, with numbers at risk.`} />
        </div>
      )}
    </div>
  );
}
