/**
 * The HTTP API of `siilab serve`, typed. Same origin only; the access-token cookie (set by the
 * server when the page was opened with ?token=) travels with `credentials: 'same-origin'`.
 * Every failure becomes an ApiError carrying the server's `{error}` message.
 */
import type { ResultsBundle } from '../../src/analysis/bundle.js';
import type { InspectResult } from '../../src/cohort/inspectTable.js';

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly body: unknown = null) {
    super(message);
  }
}

export interface Cohort { id: string; name: string; createdAt: string; sha256: string; sizeBytes: number; inspect: InspectResult }
export interface Study { id: string; name: string; createdAt: string; cohortId: string | null; specYaml: string }
export interface Run { id: string; studyId: string; createdAt: string; status: string; error?: string | null }
export type PlainColumn = { kind: 'numeric'; values: (number | null)[]; unit?: string | null; label?: string } | { kind: 'categorical'; values: (string | null)[]; levels?: string[]; label?: string };
export type PlainEndpoint =
  | { kind: 'survival'; time: (number | null)[]; event: (number | null)[]; unit: string; label?: string }
  | { kind: 'competing'; time: (number | null)[]; status: (number | null)[]; unit: string; label?: string; events: string[]; competing: string[] }
  | { kind: 'binary'; values: (number | null)[]; label?: string };
export interface Dataset { n: number; ids: string[]; columns: Record<string, PlainColumn>; endpoints: Record<string, PlainEndpoint> }
export interface AuditResult { papers: any[]; findings: any[] }

async function call<T>(method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method, body, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError('The siilab server does not answer; is `siilab serve` still running?', 0);
  }
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new ApiError(json?.error ?? `The server answered ${res.status} ${res.statusText}.`, res.status, json);
  return json as T;
}

const jsonBody = (x: unknown) => JSON.stringify(x);
const JSON_HEADERS = { 'content-type': 'application/json' };

export const api = {
  health: () => call<{ ok: boolean; version: string; store: string }>('GET', '/api/health'),
  demo: () => call<{ studyId: string | null; runId: string | null }>('GET', '/api/demo'),
  uploadCohort: (file: File) =>
    file.arrayBuffer().then((buf) =>
      call<{ cohort: Cohort; note?: string }>('POST', '/api/cohorts', buf, { 'content-type': 'application/octet-stream', 'x-file-name': file.name.replace(/[^\x20-\x7e]/g, '_') }),
    ),
  cohorts: () => call<{ cohorts: Cohort[] }>('GET', '/api/cohorts'),
  cohort: (id: string) => call<{ cohort: Cohort }>('GET', `/api/cohorts/${encodeURIComponent(id)}`),
  /** Corrections of row-level problems → a corrected copy as a new cohort. */
  fixCohort: (id: string, fixes: { row: number; column: string; value: string }[]) =>
    call<{ cohort: Cohort; note?: string }>('POST', `/api/cohorts/${encodeURIComponent(id)}/fixes`, jsonBody({ fixes }), JSON_HEADERS),
  firstSpec: (id: string) => call<{ specYaml: string; notes?: string[] }>('POST', `/api/cohorts/${encodeURIComponent(id)}/spec`, '{}', JSON_HEADERS),
  createStudy: (name: string, cohortId: string | null, specYaml: string) =>
    call<{ study: Study }>('POST', '/api/studies', jsonBody({ name, cohortId, specYaml }), JSON_HEADERS),
  studies: () => call<{ studies: Study[] }>('GET', '/api/studies'),
  study: (id: string) => call<{ study: Study; runs: Run[] }>('GET', `/api/studies/${encodeURIComponent(id)}`),
  runStudy: (id: string) => call<{ run: Run; bundle: ResultsBundle }>('POST', `/api/studies/${encodeURIComponent(id)}/runs`, '{}', JSON_HEADERS),
  /** Runs a study, reporting each pipeline step the server announces (NDJSON stream). */
  runStudyWithProgress: async (id: string, onStep: (step: string) => void): Promise<{ run: Run; bundle: ResultsBundle }> => {
    const res = await fetch(`/api/studies/${encodeURIComponent(id)}/runs?progress=ndjson`, { method: 'POST', body: '{}', headers: JSON_HEADERS, credentials: 'same-origin' });
    if (!res.ok || !res.body) return api.runStudy(id);
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (value) buf += dec.decode(value, { stream: true });
      let k: number;
      while ((k = buf.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buf.slice(0, k)) as { step?: string; error?: string; run?: Run; bundle?: ResultsBundle };
        buf = buf.slice(k + 1);
        if (msg.step) onStep(msg.step);
        else if (msg.error) throw new Error(msg.error);
        else if (msg.run && msg.bundle) return { run: msg.run, bundle: msg.bundle };
      }
      if (done) throw new Error('The server closed the connection before the analysis finished.');
    }
  },
  run: (id: string) => call<{ run: Run; bundle: ResultsBundle | null }>('GET', `/api/runs/${encodeURIComponent(id)}`),
  dataset: (id: string) => call<Dataset>('GET', `/api/runs/${encodeURIComponent(id)}/dataset`),
  auditPapers: () => call<AuditResult>('GET', '/api/audit/papers'),
  audit: (text: string) => call<AuditResult>('POST', '/api/audit', text, { 'content-type': 'text/plain' }),
};

export const runFileUrl = (runId: string, file: string) => `/api/runs/${encodeURIComponent(runId)}/${file}`;
