/**
 * Cutoff explorer: a slider over the marker's distinct values; at every move the worker returns the
 * Kaplan–Meier curves (the report's kmSvg), the log-rank P, the hazard ratio with its CI (Cox with
 * the split as the only covariate), group sizes, and sensitivity and specificity. The maximally
 * selected cutoff and its Lausen–Schumacher corrected P are computed once and shown beside the
 * naive P, because a cutoff picked by eye or by search looks better than it is.
 *
 * One convention with the analysis and the report: "high" is ≥ the cutoff (or > when the study's
 * spec declares direction '>' for the marker); the cutoff is printed as the report prints it
 * (cutoffText, 6 significant digits); the slider, a typed value, the median and the study's own
 * cut-off set the same state, so the same value gives the same groups. Only markers are listed
 * (not follow-up times, event indicators or dates).
 */
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, type Dataset } from '../api.js';
import type { AppContext } from '../App.js';
import { sliderIndex, type ExploreResult, type MaxstatSummary } from '../lib/explorerCompute.js';
import { formatP } from '../../../src/report/format/numbers.js';
import { sig } from '../../../src/report/text/formatNumber.js';
import { cutoffText } from '../../../src/analysis/cutoffText.js';
import { competingCauseNames } from '../../../src/analysis/competingCauseNames.js';
import { isMarkerColumn } from '../lib/explorerMarkers.js';
import { ErrorBox, SvgFigure, recordTiming } from '../components.js';

interface Summary {
  n: number;
  dropped: number;
  events: number;
  values: number[];
  cutoffs: number[];
  direction: '>=' | '>';
  minShare: number;
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
  const [cutoff, setCutoff] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<ExploreResult | null>(null);
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [lastMs, setLastMs] = useState<{ worker: number; total: number } | null>(null);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const busy = useRef(false);
  const pending = useRef<{ seq: number; cutoff: number } | null>(null);
  const started = useRef(new Map<number, number>());
  const toRecord = useRef<{ t0: number; worker: number } | null>(null);
  const startAt = useRef<number | null>(null);

  useEffect(() => {
    setDs(null);
    setLoadError(null);
    if (!runId) return;
    api.dataset(runId).then(setDs).catch((e) => setLoadError(e.message));
  }, [runId]);

  const bundle = ctx.sel.bundle;
  const numeric = useMemo(() => (ds ? Object.entries(ds.columns).filter(([k, c]) => c.kind === 'numeric' && isMarkerColumn(k, c.values, (bundle?.spec as Parameters<typeof isMarkerColumn>[2]) ?? null)).map(([k]) => k) : []), [ds, bundle]);
  /** The study's own cut-off of this marker (the analysis and report use it), if the spec declares one. */
  const studyCut = useMemo(() => bundle?.cutoffs.find((c) => c.variable === marker) ?? null, [bundle, marker]);
  // survival and competing-risks endpoints (the latter shown as cumulative incidence with Gray's test)
  const survival = useMemo(() => (ds ? Object.entries(ds.endpoints).filter(([, e]) => e.kind === 'survival' || e.kind === 'competing').map(([k]) => k) : []), [ds]);
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
        // Start at the study's cut-off when it has one for this marker, else the median.
        const start: number = startAt.current ?? m.summary.median;
        if (m.summary.cutoffs.length) {
          setCutoff(start);
          send(start);
        }
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
    if (!ep || (ep.kind !== 'survival' && ep.kind !== 'competing') || !col || col.kind !== 'numeric') return;
    // a competing-risks endpoint: "event" is the event of interest (the competing event censored, as a cause-specific analysis)
    const event = ep.kind === 'competing' ? ep.status.map((v) => (v === null ? null : v === 1 ? 1 : 0)) : ep.event;
    const competing = ep.kind === 'competing' ? { status: ep.status, causes: competingCauseNames(ep.events, ep.competing) } : null;
    let outcome: (number | null)[] | null = null;
    let outcomeName: string | null = null;
    if (accuracyOf.startsWith('binary:')) {
      const b = ds.endpoints[accuracyOf.slice(7)];
      if (b?.kind === 'binary') {
        outcome = b.values;
        outcomeName = accuracyOf.slice(7);
      }
    } else {
      outcome = event;
      outcomeName = `event (${endpoint})`;
    }
    setSummary(null);
    setResult(null);
    setCutoff(null);
    startAt.current = studyCut && Number.isFinite(studyCut.value) ? studyCut.value : null;
    const minShare = ((bundle?.spec as { cutoffs?: Record<string, { minShare?: number }> } | undefined)?.cutoffs?.[marker])?.minShare;
    worker.current.postMessage({
      type: 'prepare',
      input: { time: ep.time, event, marker: col.values, outcome, markerName: marker, endpoint, outcomeName, unit: ep.unit, direction: studyCut?.direction ?? '>=', minShare, competing },
    });
  }, [ds, marker, endpoint, accuracyOf, studyCut]);

  const cuts = summary?.cutoffs ?? [];
  const direction = summary?.direction ?? '>=';
  const op = direction === '>=' ? '≥' : '>';
  const maxIndex = Math.max(0, cuts.length - 1);
  const index = cutoff === null ? 0 : sliderIndex({ cutoffs: Float64Array.from(cuts), direction }, cutoff);
  /** Every control sets the cutoff value itself; the slider shows the position with the same groups. */
  const jumpTo = (v: number) => {
    if (!Number.isFinite(v)) return;
    setCutoff(v);
    send(v);
  };
  const move = (k: number) => jumpTo(cuts[Math.max(0, Math.min(maxIndex, k))]);

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
            {survival.map((m) => <option key={m} value={m}>{m}{ds?.endpoints[m]?.kind === 'competing' ? ' (competing risks)' : ''}</option>)}
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
      {summary && cuts.length >= 1 && cutoff !== null && (
        <div className="panel slider-panel">
          <label htmlFor="cutoff-slider" className="slider-label">
            Cutoff: {marker} {op} <strong data-testid="cutoff-value">{cutoffText(cutoff)}</strong> is “high”
            {studyCut ? " (the study's cut-off convention, as in the analysis and report)" : ' (the convention of the analysis and report)'}
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
            aria-valuetext={`${marker} ${op} ${cutoffText(cutoff)}`}
          />
          <div className="slider-scale" aria-hidden="true">
            <span>{cutoffText(cuts[0])}</span>
            <span>{cutoffText(cuts[cuts.length - 1])}</span>
          </div>
          <div className="jump">
            <label>
              Type a cutoff
              <input
                type="number" step="any" data-testid="cutoff-typed" value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter' && typed.trim() !== '') jumpTo(Number(typed)); }}
              />
            </label>
            <button type="button" data-testid="cutoff-apply" onClick={() => typed.trim() !== '' && jumpTo(Number(typed))}>Apply</button>
            {studyCut && Number.isFinite(studyCut.value) && (
              <button type="button" data-testid="cutoff-study" onClick={() => jumpTo(studyCut.value)}>Study cut-off ({studyCut.method}, {cutoffText(studyCut.value)})</button>
            )}
            <button type="button" data-testid="cutoff-median" onClick={() => jumpTo(summary.median)}>Median of these patients ({cutoffText(summary.median)})</button>
            {ms && <button type="button" onClick={() => jumpTo(ms.cutoff)}>Maximally selected ({op} {cutoffText(ms.cutoff)})</button>}
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
            <h2>At {marker} {op} {cutoffText(result.cutoff)}</h2>
            {result.smallGroup && (
              <p className="caveat" role="note" data-testid="small-group">
                Fewer than {Math.round(100 * (summary?.minShare ?? 0.1))} % of the patients are on one side of this cutoff ({Math.min(result.nLow, result.nHigh)} of {result.nLow + result.nHigh}): the estimates of that group are unstable.
              </p>
            )}
            <dl className="kv">
              <dt>Low / high</dt>
              <dd data-testid="group-sizes">{result.nLow} / {result.nHigh} patients ({result.eventsLow} / {result.eventsHigh} events)</dd>
              {result.cif?.gray.map((g) => (
                <Fragment key={g.cause}>
                  <dt>Gray&apos;s test, {g.label.toLowerCase()}</dt>
                  <dd data-testid={`gray-p-${g.cause}`} data-chisq={g.chisq}>χ² = {g.chisq.toFixed(2)}, {pText(g.p)}</dd>
                </Fragment>
              ))}
              <dt>{result.cif ? 'Log-rank, cause-specific' : 'Log-rank'}</dt>
              <dd data-testid="logrank-p" data-chisq={result.logRank?.chisq}>{result.logRank ? `χ² = ${result.logRank.chisq.toFixed(2)}, ${pText(result.logRank.p)}` : '—'}</dd>
              <dt>{result.cif ? 'Cause-specific hazard ratio, high vs low' : 'Hazard ratio, high vs low'}</dt>
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
                  Maximally selected cutoff <strong>{marker} {op} {cutoffText(ms.cutoff)}</strong> ({ms.nLow} / {ms.nHigh}
                  {direction === '>=' ? `; maxstat.test's estimate ${cutoffText(ms.estimate)} with ≤ estimate low` : ''}): naive {pText(ms.naiveP)},
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
          {result.cif ? (
            <div data-testid="explorer-cif">
              <p className="note">
                {endpoint} is a competing-risks endpoint: the curves are cumulative incidences (Aalen–Johansen), in which a competing event ends the risk of
                the event instead of being censored, as in the report&apos;s cumulative-incidence analysis. The log-rank test and hazard ratio above are cause-specific
                (the competing event censored).
              </p>
              {result.cif.figures.map((f) => (
                <SvgFigure key={f.cause} svg={f.svg} id={`explorer-cif-${f.cause}`} caption={`Cumulative incidence of ${f.label.toLowerCase()} by ${marker} ${op} ${cutoffText(result.cutoff)}, with numbers at risk and Gray's test.`} />
              ))}
            </div>
          ) : (
            <SvgFigure svg={result.svg} id="explorer-km" caption={`Kaplan–Meier curves of ${endpoint} by ${marker} ${op} ${cutoffText(result.cutoff)}, with numbers at risk.`} />
          )}
        </div>
      )}
    </div>
  );
}
