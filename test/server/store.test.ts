/**
 * The data layer against both databases: SQLite always; PostgreSQL when the test command's
 * scripts/ensure-postgres.sh found or started one (SIILAB_TEST_PG_URL), else skipped with the reason.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/server/db/openStore.js';
import type { Store } from '../../src/server/db/store.js';

const PG = process.env.SIILAB_TEST_PG_URL || null;

async function freshPg(): Promise<string> {
  // A new database per run so the migrations are exercised from scratch.
  const name = `siilab_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const c = new pg.Client({ connectionString: PG! });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return PG!.replace(/\/[^/]*$/, `/${name}`);
}

function suite(kind: 'sqlite' | 'postgres', open: () => Promise<{ store: Store; reopen: () => Promise<Store> }>) {
  describe(`store (${kind})`, () => {
    it('migrates once, stores and returns cohorts, studies, runs and reports, and survives a restart', async () => {
      const { store, reopen } = await open();
      expect(store.kind).toBe(kind);
      expect(await store.migrate()).toEqual([]); // already applied by openStore
      const content = new TextEncoder().encode('id,time,status\n1,5,1\n');
      await store.addCohort({ id: 'c1', name: 'a.csv', createdAt: '2026-01-01T00:00:00Z', sha256: 'x', sizeBytes: content.length, inspect: { columns: 3 } }, content);
      await store.addStudy({ id: 's1', name: 'S', createdAt: '2026-01-01T00:00:01Z', cohortId: 'c1', specYaml: 'version: 1' });
      await store.addRun({ id: 'r1', studyId: 's1', createdAt: '2026-01-01T00:00:02Z', status: 'done', error: null }, '{"a":1}');
      await store.putReport('r1', 'report.docx', new Uint8Array([0x50, 0x4b, 3, 4]));
      await store.putReport('r1', 'report.docx', new Uint8Array([0x50, 0x4b, 5, 6])); // replaced, not duplicated
      await store.close();
      const again = await reopen();
      expect((await again.getCohort('c1'))!.content).toEqual(content);
      expect((await again.listCohorts())[0]).toMatchObject({ id: 'c1', name: 'a.csv', sizeBytes: content.length, inspect: { columns: 3 } });
      expect(await again.getStudy('s1')).toMatchObject({ cohortId: 'c1', specYaml: 'version: 1' });
      expect(await again.listRuns('s1')).toEqual([{ id: 'r1', studyId: 's1', createdAt: '2026-01-01T00:00:02Z', status: 'done', error: null }]);
      expect(await again.getRunBundle('r1')).toBe('{"a":1}');
      expect(Array.from((await again.getReport('r1', 'report.docx'))!)).toEqual([0x50, 0x4b, 5, 6]);
      expect(await again.getReport('r1', 'report.html')).toBeNull();
      expect(await again.getStudy('nope')).toBeNull();
      await expect(again.addRun({ id: 'r2', studyId: 'missing', createdAt: 'x', status: 'done', error: null }, null)).rejects.toThrow();
      await again.close();
    });
  });
}

suite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-store-'));
  return { store: await openStore({ dataDir: dir }), reopen: () => openStore({ dataDir: dir }) };
});

if (PG) {
  suite('postgres', async () => {
    const url = await freshPg();
    return { store: await openStore({ dataDir: '/nonexistent', databaseUrl: url }), reopen: () => openStore({ dataDir: '/nonexistent', databaseUrl: url }) };
  });
} else {
  describe.skip('store (postgres) — skipped: no PostgreSQL (scripts/ensure-postgres.sh could not start one; set SIILAB_TEST_PG_URL)', () => {
    it('needs PostgreSQL', () => {});
  });
}
