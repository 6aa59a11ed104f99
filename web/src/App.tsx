/**
 * The application shell: a header with the six pages (hash routes, so reload and back work without
 * server routes), the shared selection (current cohort, study and run; the preloaded demo run until
 * the user makes their own) and the page area.
 */
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { api, type Cohort, type Run, type Study } from './api.js';
import type { ResultsBundle } from '../../src/analysis/bundle.js';
import { CalculatorPage } from './pages/Calculator.js';
// The other pages load when first opened (the calculator, the first page, is in the main bundle).
const CohortPage = lazy(() => import('./pages/Cohort.js').then((m) => ({ default: m.CohortPage })));
const AnalysisPage = lazy(() => import('./pages/Analysis.js').then((m) => ({ default: m.AnalysisPage })));
const ExplorerPage = lazy(() => import('./pages/Explorer.js').then((m) => ({ default: m.ExplorerPage })));
const AuditPage = lazy(() => import('./pages/Audit.js').then((m) => ({ default: m.AuditPage })));
const ReportsPage = lazy(() => import('./pages/Reports.js').then((m) => ({ default: m.ReportsPage })));

export const PAGES = [
  { id: 'calculator', label: 'Calculator' },
  { id: 'cohort', label: 'Cohort' },
  { id: 'analysis', label: 'Analysis' },
  { id: 'explorer', label: 'Cutoff explorer' },
  { id: 'audit', label: 'Audit' },
  { id: 'reports', label: 'Reports' },
] as const;
export type PageId = (typeof PAGES)[number]['id'];

/** What the pages share: the selected cohort, study and run (with its bundle). */
export interface Selection {
  cohort: Cohort | null;
  study: Study | null;
  run: Run | null;
  bundle: ResultsBundle | null;
  /** True while the selection is the preloaded demo. */
  demo: boolean;
}
export interface AppContext {
  sel: Selection;
  setCohort: (c: Cohort | null) => void;
  setStudy: (s: Study | null) => void;
  setRun: (r: Run | null, b: ResultsBundle | null, demo?: boolean) => void;
  go: (p: PageId) => void;
}

/** The run named in the address (#/explorer?run=ID), or null. */
const runFromHash = (): string | null => new URLSearchParams(window.location.hash.replace(/^[^?]*\??/, '')).get('run');

const pageFromHash = (): PageId => {
  const h = window.location.hash.replace(/^#\/?/, '').replace(/\?.*$/, '');
  return (PAGES.find((p) => p.id === h)?.id ?? 'calculator') as PageId;
};

export function App() {
  const [page, setPage] = useState<PageId>(pageFromHash);
  const [sel, setSel] = useState<Selection>({ cohort: null, study: null, run: null, bundle: null, demo: false });
  const [health, setHealth] = useState<string>('');

  const selRun = useRef<string | null>(null);
  const openRun = useCallback((id: string) => {
    api.run(id).then(async ({ run, bundle }) => {
      const { study } = await api.study(run.studyId);
      setSel((s) => ({ ...s, study, run, bundle, demo: false }));
    }).catch(() => undefined);
  }, []);
  useEffect(() => {
    // A run named in a new address (a link, or the address bar) is opened as well.
    const on = () => {
      setPage(pageFromHash());
      const wanted = runFromHash();
      if (wanted && wanted !== selRun.current) openRun(wanted);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, [openRun]);
  // The current run is kept in the address, so a reload (or a shared link) opens the same run.
  useEffect(() => {
    selRun.current = sel.run?.id ?? null;
    if (!sel.run || sel.demo) return;
    const [path, query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
    const q = new URLSearchParams(query);
    if (q.get('run') === sel.run.id) return;
    q.set('run', sel.run.id);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/${path || 'calculator'}?${q}`);
  }, [sel.run, sel.demo]);
  useEffect(() => {
    // Once opened with ?token=, the server has set its cookie; drop the token from the address bar.
    if (new URLSearchParams(window.location.search).has('token')) history.replaceState(null, '', window.location.pathname + window.location.hash);
    api.health().then((h) => setHealth(`siilab ${h.version} · ${h.store === 'postgres' ? 'PostgreSQL' : 'SQLite'}`)).catch(() => setHealth('server not reachable'));
    // A run named in the address (#/explorer?run=ID) is opened; otherwise the preloaded demo run.
    const wanted = runFromHash();
    if (wanted) {
      openRun(wanted);
      return;
    }
    api.demo().then(async (d) => {
      if (!d.runId || !d.studyId) return;
      const [{ run, bundle }, { study }] = await Promise.all([api.run(d.runId), api.study(d.studyId)]);
      setSel((s) => (s.run ? s : { ...s, study, run, bundle, demo: true }));
    }).catch(() => undefined);
  }, []);

  const go = useCallback((p: PageId) => {
    window.location.hash = selRun.current && !selDemo.current ? `#/${p}?run=${encodeURIComponent(selRun.current)}` : `#/${p}`;
  }, []);
  const selDemo = useRef(false);
  selDemo.current = sel.demo;
  const firstPage = useRef(true);
  useEffect(() => {
    document.title = `${PAGES.find((p) => p.id === page)?.label} · siilab`;
    // After a page change (not on first load) focus goes to the page, so keyboard users start there.
    if (firstPage.current) firstPage.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [page]);

  const ctx: AppContext = {
    sel,
    setCohort: (cohort) => setSel((s) => ({ ...s, cohort })),
    setStudy: (study) => setSel((s) => ({ ...s, study })),
    setRun: (run, bundle, demo = false) => setSel((s) => ({ ...s, run, bundle, demo })),
    go,
  };

  return (
    <>
      {/* The routes are in the hash: following "#main" would leave the page, so the link moves the focus instead. */}
      <a className="skip" href="#main" data-testid="skip-link" onClick={(e) => { e.preventDefault(); const m = document.getElementById('main'); m?.focus({ preventScroll: true }); m?.scrollIntoView({ block: 'start' }); }}>Skip to content</a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">SII</span>
          <span>
            <strong>siilab</strong>
            <small>inflammation-based prognosis in liver cancer · data stay on this machine</small>
          </span>
        </div>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <a href={sel.run && !sel.demo ? `#/${p.id}?run=${encodeURIComponent(sel.run.id)}` : `#/${p.id}`} aria-current={p.id === page ? 'page' : undefined}>{p.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {page === 'calculator' && <CalculatorPage />}
        <Suspense fallback={<p className="progress" role="status"><progress /> Loading the page…</p>}>
          {page === 'cohort' && <CohortPage ctx={ctx} />}
          {page === 'analysis' && <AnalysisPage ctx={ctx} />}
          {page === 'explorer' && <ExplorerPage ctx={ctx} />}
          {page === 'audit' && <AuditPage />}
          {page === 'reports' && <ReportsPage ctx={ctx} />}
        </Suspense>
      </main>
      <footer className="foot">
        <span>{health}</span>
        {sel.run && (
          <span>
            Current run: {sel.bundle?.title ?? sel.study?.name ?? sel.run.id}
            {sel.demo ? ' (demo, simulated cohort)' : ''}
          </span>
        )}
      </footer>
    </>
  );
}
