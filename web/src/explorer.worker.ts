/**
 * Web Worker of the cutoff explorer: holds the prepared data and answers each cutoff with curves
 * and statistics (lib/explorerCompute.ts), so the page never blocks while the slider moves.
 * Messages: {type:'prepare', input} → {type:'prepared', …}; {type:'cut', seq, cutoff} → {type:'result', seq, result, ms}.
 */
import { explore, prepareExplorer, type ExplorerInput, type Prepared } from './lib/explorerCompute.js';

let prepared: Prepared | null = null;
/** Results by cutoff for the current data (moving back along the slider redraws at once); cleared on prepare. */
const cache = new Map<number, ReturnType<typeof explore>>();
const CACHE_SIZE = 200;

self.onmessage = (ev: MessageEvent) => {
  const m = ev.data as { type: 'prepare'; input: ExplorerInput } | { type: 'cut'; seq: number; cutoff: number };
  try {
    if (m.type === 'prepare') {
      const t0 = performance.now();
      prepared = prepareExplorer(m.input);
      cache.clear();
      const p = prepared;
      const summary = { n: p.n, dropped: p.dropped, events: p.events, values: Array.from(p.values), cutoffs: Array.from(p.cutoffs), direction: p.direction, minShare: p.minShare, median: p.median, maxstat: p.maxstat, maxstatError: p.maxstatError, markerName: p.markerName, unit: p.unit };
      self.postMessage({ type: 'prepared', summary, ms: performance.now() - t0 });
    } else if (m.type === 'cut') {
      if (!prepared) throw new Error('The explorer has no data yet.');
      const t0 = performance.now();
      let result = cache.get(m.cutoff);
      if (!result) {
        result = explore(prepared, m.cutoff);
        if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(m.cutoff, result);
      }
      self.postMessage({ type: 'result', seq: m.seq, result, ms: performance.now() - t0 });
    }
  } catch (e) {
    self.postMessage({ type: 'error', seq: (m as { seq?: number }).seq ?? null, error: e instanceof Error ? e.message : String(e) });
  }
};
