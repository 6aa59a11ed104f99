/**
 * Store over a minimal SQL driver, so SQLite and PostgreSQL share every query. Placeholders are
 * written `?` and turned into `$1, $2, …` for PostgreSQL by the driver.
 */
import { MIGRATIONS } from './migrations.js';
import type { CohortRecord, RunRecord, Store, StudyRecord } from './store.js';

export interface SqlDriver {
  readonly kind: 'sqlite' | 'postgres';
  readonly blobType: string;
  exec(sql: string): Promise<void>;
  run(sql: string, params: readonly unknown[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  transaction(fn: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const bytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? new Uint8Array(v) : new Uint8Array(Buffer.from(v as ArrayBuffer)));

export function sqlStore(db: SqlDriver): Store {
  const cohort = (r: any): CohortRecord => ({ id: r.id, name: r.name, createdAt: r.created_at, sha256: r.sha256, sizeBytes: Number(r.size_bytes), inspect: JSON.parse(r.inspect_json) });
  const study = (r: any): StudyRecord => ({ id: r.id, name: r.name, createdAt: r.created_at, cohortId: r.cohort_id ?? null, specYaml: r.spec_yaml });
  const run = (r: any): RunRecord => ({ id: r.id, studyId: r.study_id, createdAt: r.created_at, status: r.status, error: r.error ?? null });
  return {
    kind: db.kind,
    async migrate() {
      await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const done = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await db.transaction(async () => {
          await db.exec(m.sql.replaceAll('{{BLOB}}', db.blobType));
          await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
        });
        applied.push(m.version);
      }
      return applied;
    },
    async addCohort(c, content) {
      await db.run('INSERT INTO cohorts (id, name, created_at, sha256, size_bytes, content, inspect_json) VALUES (?, ?, ?, ?, ?, ?, ?)', [c.id, c.name, c.createdAt, c.sha256, c.sizeBytes, Buffer.from(content), JSON.stringify(c.inspect)]);
    },
    async listCohorts() {
      return (await db.all('SELECT id, name, created_at, sha256, size_bytes, inspect_json FROM cohorts ORDER BY created_at DESC, id')).map(cohort);
    },
    async getCohort(id) {
      const [r] = await db.all('SELECT * FROM cohorts WHERE id = ?', [id]);
      return r ? { ...cohort(r), content: bytes(r.content) } : null;
    },
    async addStudy(s) {
      await db.run('INSERT INTO studies (id, name, created_at, cohort_id, spec_yaml) VALUES (?, ?, ?, ?, ?)', [s.id, s.name, s.createdAt, s.cohortId, s.specYaml]);
    },
    async listStudies() {
      return (await db.all('SELECT * FROM studies ORDER BY created_at DESC, id')).map(study);
    },
    async getStudy(id) {
      const [r] = await db.all('SELECT * FROM studies WHERE id = ?', [id]);
      return r ? study(r) : null;
    },
    async addRun(r, bundleJson) {
      await db.run('INSERT INTO runs (id, study_id, created_at, status, bundle_json, error) VALUES (?, ?, ?, ?, ?, ?)', [r.id, r.studyId, r.createdAt, r.status, bundleJson, r.error]);
    },
    async listRuns(studyId) {
      const rows = studyId ? await db.all('SELECT id, study_id, created_at, status, error FROM runs WHERE study_id = ? ORDER BY created_at DESC, id', [studyId]) : await db.all('SELECT id, study_id, created_at, status, error FROM runs ORDER BY created_at DESC, id');
      return rows.map(run);
    },
    async getRun(id) {
      const [r] = await db.all('SELECT id, study_id, created_at, status, error FROM runs WHERE id = ?', [id]);
      return r ? run(r) : null;
    },
    async getRunBundle(id) {
      const [r] = await db.all<{ bundle_json: string | null }>('SELECT bundle_json FROM runs WHERE id = ?', [id]);
      return r?.bundle_json ?? null;
    },
    async putReport(runId, format, content) {
      await db.transaction(async () => {
        await db.run('DELETE FROM reports WHERE run_id = ? AND format = ?', [runId, format]);
        await db.run('INSERT INTO reports (run_id, format, content) VALUES (?, ?, ?)', [runId, format, Buffer.from(content)]);
      });
    },
    async getReport(runId, format) {
      const [r] = await db.all('SELECT content FROM reports WHERE run_id = ? AND format = ?', [runId, format]);
      return r ? bytes(r.content) : null;
    },
    close: () => db.close(),
  };
}
