/**
 * The SQL path where the data live (issue #14 items 2–3): a long source in a DuckDB database, a
 * Parquet file or PostgreSQL is derived as SQL in that engine — the same SQL text as for a CSV
 * file — and the whole results bundle is the JavaScript path's, byte for byte (the same rows read,
 * the same hash of them, the same values, notes and flow). Text columns and typed columns (DATE,
 * DOUBLE) both; examples/deng2025 and a generated export with every trap. A source that fails in
 * the engine falls back to JavaScript, whose message the user gets, and no note or message carries
 * a connection string.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import Papa from 'papaparse';
import { analyzeStudy } from '../../../src/analysis/analyzeStudy.js';
import { loadStudy } from '../../../src/cohort/loadStudy.js';
import { toJson } from '../../../src/cli/output.js';
import { STUDY, writeCohort } from '../../helpers/longExport.js';
import { pgSchema, pgTable } from '../../helpers/pgTable.js';
import { sameBundle } from '../../helpers/sameBundle.js';

const EX = resolve('examples/deng2025');
const DENG = readFileSync(join(EX, 'study.yaml'), 'utf8');
const DENG_LONG = '  - { id: draws, file: draws.csv, format: long, idColumn: id, dateColumn: draw_date }\n';
const GEN_LONG = '  - { id: draws, file: draws.csv, format: long, idColumn: id, dateColumn: draw_date }\n';
const dir = mkdtempSync(join(tmpdir(), 'siilab-dbsql-'));

/** deng2025's spec (patients from cohort.csv) or the generated one, with the long source replaced. */
function spec(name: string, long: string, generated = false): string {
  const text = generated ? STUDY(', timeVarying: [SII]', ', mixedUnits: convert') : DENG;
  expect(text).toContain(generated ? GEN_LONG : DENG_LONG);
  const path = join(dir, generated ? 'gen' : '.', name);
  writeFileSync(path, text.replace(generated ? GEN_LONG : DENG_LONG, `  - { id: draws, ${long}, format: long, idColumn: id, dateColumn: draw_date }\n`));
  return path;
}

let fileBundle: string;

beforeAll(async () => {
  for (const f of ['cohort.csv', 'draws.csv']) copyFileSync(join(EX, f), join(dir, f));
  const gen = join(dir, 'gen');
  mkdirSync(gen);
  writeCohort(gen, 3, 300, '235000');
  const inst = await DuckDBInstance.create(join(dir, 'lab.duckdb'));
  const con = await inst.connect();
  await con.run(`CREATE SCHEMA hosp`);
  await con.run(`CREATE TABLE hosp.draws AS SELECT * FROM read_csv('${join(dir, 'draws.csv')}')`); // typed: DATE, DOUBLE
  await con.run(`CREATE TABLE draws_text AS SELECT * FROM read_csv('${join(dir, 'draws.csv')}', all_varchar = true)`);
  await con.run(`CREATE TABLE gen_draws AS SELECT * FROM read_csv('${join(gen, 'draws.csv')}', all_varchar = true)`);
  await con.run(`COPY hosp.draws TO '${join(dir, 'draws.parquet')}' (FORMAT parquet)`);
  con.closeSync();
  inst.closeSync();
  fileBundle = toJson((await analyzeStudy(join(EX, 'study.yaml'), { engine: 'js' })).bundle);
}, 120_000);

describe('DuckDB databases and Parquet: derived in embedded DuckDB = JavaScript, byte for byte', () => {
  test('a typed DuckDB table (DATE, DOUBLE) through a query', async () => {
    const b = await sameBundle(spec('duck-typed.yaml', 'duckdb: lab.duckdb, query: "SELECT * FROM hosp.draws"'), 'duckdb');
    expect(b.inputs[1]).toMatchObject({ file: 'lab.duckdb', query: 'SELECT * FROM hosp.draws', rows: 1180 });
    // The same analyses as from the CSV file (only the inputs record differs).
    const fromFile = JSON.parse(fileBundle);
    expect(JSON.parse(toJson(b)).analyses).toEqual(fromFile.analyses);
  }, 60_000);

  test('a text DuckDB table', async () => {
    await sameBundle(spec('duck-text.yaml', 'duckdb: lab.duckdb, table: draws_text'), 'duckdb');
  }, 60_000);

  test('a Parquet file', async () => {
    const b = await sameBundle(spec('parquet.yaml', 'parquet: draws.parquet'), 'duckdb');
    expect(b.inputs[1].file).toBe('draws.parquet');
    expect(b.inputs[1].query).toBeUndefined();
  }, 60_000);

  test('the generated export with every trap, from a DuckDB table', async () => {
    const b = await sameBundle(spec('gen-duck.yaml', 'duckdb: ../lab.duckdb, table: gen_draws', true), 'duckdb');
    expect(b.flow.excluded.length).toBeGreaterThan(10);
    expect((b.flow.dataNotes ?? []).map((n) => n.kind)).toEqual(expect.arrayContaining(['mixed-units-converted', 'missing-code', 'zero']));
  }, 60_000);

  test('a query DuckDB refuses: the JavaScript path runs and gives its message', async () => {
    const path = spec('duck-bad.yaml', 'duckdb: lab.duckdb, table: no_such_table');
    const refusal = (engine: 'js' | 'duckdb') => loadStudy(path, { engine }).then(() => 'no refusal', (e: Error) => e.message);
    const js = await refusal('js');
    expect(js).toMatch(/field sources\[1\]\.table: lab\.duckdb: the database could not be read: .*no_such_table/);
    expect(await refusal('duckdb')).toBe(js);
  });
});

const PG = process.env.SIILAB_TEST_PG_URL || null;
if (PG) {
  describe('PostgreSQL: derived in the database = JavaScript, byte for byte', () => {
    const { client, schema } = pgSchema(PG, 'siilab_sql', async (c, sc) => {
      for (const [table, file] of [['draws', join(dir, 'draws.csv')], ['gen_draws', join(dir, 'gen', 'draws.csv')]]) {
        await pgTable(c, `${sc}.${table}`, Papa.parse<string[]>(readFileSync(file, 'utf8').trim(), { skipEmptyLines: true }).data);
      }
      await c.query(`CREATE TABLE ${sc}.typed AS SELECT id, CAST(draw_date AS date) AS draw_date, CAST(months AS integer) AS months,
        CAST(neutrophils AS float8) AS neutrophils, CAST(lymphocytes AS numeric) AS lymphocytes, CAST(platelets AS float8) AS platelets, CAST(afp AS float8) AS afp FROM ${sc}.draws`);
    });

    test('deng2025 from a text table, and the analyses of the CSV file', async () => {
      const b = await sameBundle(spec('pg-text.yaml', `postgres: "$SIILAB_TEST_PG_URL", table: ${schema}.draws`), 'postgres');
      expect(b.inputs[1]).toMatchObject({ file: '$SIILAB_TEST_PG_URL', query: `SELECT * FROM "${schema}"."draws"`, rows: 1180 });
      expect(JSON.parse(toJson(b)).analyses).toEqual(JSON.parse(fileBundle).analyses);
      expect(toJson(b)).not.toContain(PG);
    }, 60_000);

    test('deng2025 from typed columns (date, float8, numeric, integer) through a query', async () => {
      await sameBundle(spec('pg-typed.yaml', `postgres: "$SIILAB_TEST_PG_URL", query: "SELECT * FROM ${schema}.typed ORDER BY id, draw_date"`), 'postgres');
    }, 60_000);

    test('the generated export with every trap', async () => {
      const b = await sameBundle(spec('gen-pg.yaml', `postgres: "$SIILAB_TEST_PG_URL", table: ${schema}.gen_draws`, true), 'postgres');
      expect(b.flow.excluded.length).toBeGreaterThan(10);
      expect(b.warnings.some((w) => w.includes('not in patients.csv'))).toBe(true);
    }, 60_000);

    // Only on the private server scripts/ensure-postgres.sh starts (roles and databases are made and dropped).
    test.skipIf(!PG.includes('127.0.0.1:54329'))('a role that may not create temporary tables: derived in JavaScript, saying why, the same bundle', async () => {
      const db = `siilab_notemp_${process.pid}`;
      const role = `siilab_reader_${process.pid}`;
      await client.query(`CREATE DATABASE ${db}`);
      const admin = new pg.Client({ connectionString: PG.replace(/\/[^/]*$/, `/${db}`) });
      await admin.connect();
      try {
        await admin.query(`REVOKE TEMP ON DATABASE ${db} FROM PUBLIC; CREATE ROLE ${role} LOGIN; CREATE SCHEMA lab; GRANT USAGE ON SCHEMA lab TO ${role}`);
        await pgTable(admin, 'lab.draws', Papa.parse<string[]>(readFileSync(join(dir, 'draws.csv'), 'utf8').trim(), { skipEmptyLines: true }).data);
        await admin.query(`GRANT SELECT ON lab.draws TO ${role}`);
        process.env.SIILAB_TEST_RO_URL = PG.replace(/\/\/[^@/]*@/, `//${role}@`).replace(/\/[^/]*$/, `/${db}`);
        const path = spec('pg-notemp.yaml', 'postgres: "$SIILAB_TEST_RO_URL", table: lab.draws');
        const sql = await analyzeStudy(path, { engine: 'duckdb' });
        expect(sql.derivedIn.engine).toBe('js');
        expect(sql.derivedIn.note).toMatch(/^the derivations could not run in the database \$SIILAB_TEST_RO_URL: permission denied to create temporary tables/);
        expect(sql.derivedIn.note).not.toContain(process.env.SIILAB_TEST_RO_URL);
        expect(toJson(sql.bundle)).toBe(toJson((await analyzeStudy(path, { engine: 'js' })).bundle));
      } finally {
        await admin.end();
        delete process.env.SIILAB_TEST_RO_URL;
        await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => {});
        await client.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
      }
    }, 60_000);

    test('a query PostgreSQL refuses: the JavaScript path runs and gives its message; the URL is never shown', async () => {
      const path = spec('pg-bad.yaml', `postgres: "$SIILAB_TEST_PG_URL", query: "SELECT * FROM ${schema}.nothing_here"`);
      const refusal = (engine: 'js' | 'duckdb') => loadStudy(path, { engine }).then(() => 'no refusal', (e: Error) => e.message);
      const js = await refusal('js');
      expect(js).toMatch(/\$SIILAB_TEST_PG_URL: the database could not be read: .*nothing_here/);
      expect(await refusal('duckdb')).toBe(js);
      expect(js).not.toContain(PG);
    });
  });
} else {
  describe.skip('PostgreSQL — skipped: no PostgreSQL (scripts/ensure-postgres.sh could not start one; set SIILAB_TEST_PG_URL)', () => {
    test('needs a server', () => {});
  });
}
