/**
 * The analysis workers of this process (analysisWorker.ts: bootstrap replicates and whole analyses), kept after a run: a worker starts cold (thread start,
 * module load, then ~300 ms of JIT warm-up before its replicates run at full speed), so a second
 * validation in the same process (siilab serve, a study of several models) reuses warm ones. An
 * idle worker is unref'd (it never keeps the process alive) and holds no run's data beyond its
 * last one; one that failed is terminated, not returned.
 *
 * @example
 * const w = takeWorker(url); … releaseWorker(w); // idle, reused by the next takeWorker(url)
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The analysis worker (analysisWorker.ts), compiled; null if absent (the browser bundle). */
export function analysisWorkerUrl(): URL | null {
  return compiledWorkerUrl('./analysisWorker.js', import.meta.url);
}

/**
 * A worker script `name` next to the module at `from` (its import.meta.url), or the same file in
 * dist/ when running from src/ (tests); null if absent or not a file (the browser bundle).
 */
export function compiledWorkerUrl(name: string, from: string): URL | null {
  const here = new URL(name, from);
  if (here.protocol !== 'file:') return null;
  const path = fileURLToPath(here);
  if (existsSync(path)) return here;
  const dist = path.replace(`${sep}src${sep}`, `${sep}dist${sep}`);
  return dist !== path && existsSync(dist) ? pathToFileURL(dist) : null;
}

const idle: { url: string; worker: Worker }[] = [];
const MAX_IDLE = 8;

/** An idle worker of this script, or a new one; ref'd while in use. */
export function takeWorker(url: URL): Worker {
  const k = idle.findIndex((w) => w.url === url.href);
  if (k >= 0) {
    const w = idle.splice(k, 1)[0].worker;
    clearListeners(w);
    w.ref();
    return w;
  }
  return new Worker(url);
}

/** Back to the pool after a run (its listeners removed). */
export function releaseWorker(url: URL, w: Worker): void {
  clearListeners(w);
  if (idle.length >= MAX_IDLE) {
    void w.terminate();
    return;
  }
  w.on('error', () => discard(w));
  w.on('exit', () => discard(w));
  w.unref();
  idle.push({ url: url.href, worker: w });
}

function discard(w: Worker): void {
  const k = idle.findIndex((x) => x.worker === w);
  if (k >= 0) idle.splice(k, 1);
}

/** The run's listeners only: removeAllListeners() would also drop Node's own newListener hook, after which messages no longer arrive. */
function clearListeners(w: Worker): void {
  for (const e of ['message', 'error', 'exit']) w.removeAllListeners(e);
}

/**
 * Starts workers of `url` until `count` are idle, each sent `message` (e.g. to load its modules
 * while this thread resolves the cut-offs), so that the next takeWorker gets a warm one.
 */
export function warmWorkers(url: URL, count: number, message: unknown): void {
  for (let k = idle.filter((w) => w.url === url.href).length; k < count; k++) {
    const w = new Worker(url);
    w.postMessage(message);
    releaseWorker(url, w);
  }
}

/**
 * Ends every idle worker (a one-shot command, once its analyses are done: each worker's heap and
 * its last run's data would otherwise stay in the process's memory while the report is written).
 */
export async function closeIdleWorkers(): Promise<void> {
  const all = idle.splice(0, idle.length);
  await Promise.all(all.map(({ worker }) => {
    clearListeners(worker);
    return worker.terminate();
  }));
}

/** How many workers are idle in the pool (tests). */
export function idleWorkerCount(): number {
  return idle.length;
}
