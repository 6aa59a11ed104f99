// Study sources beyond files (issue #14 item 3): examples/deng2025 read from a DuckDB database
// (a table and a query), from Parquet, and from PostgreSQL (when scripts/ensure-postgres.sh gave one:
// SIILAB_TEST_PG_URL) gives the same analyses, cut-offs and participant flow as from its CSV files;
// the bundle records the SQL and a hash of the rows read, never a connection string; bad sources
// are refused with one message naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { parseSpecText } from '../../src/study/parseSpec.js';
import { readPostgres } from '../../src/io/readPostgres.js';
import { readDuckdb } from '../../src/io/readDuckdb.js';
import { runCli } from '../helpers/runCli.js';
import { pgSchema, pgTable } from '../helpers/pgTable.js';

const EX = resolve('examples/deng2025');
const SPEC = readFileSync(join(EX, 'study.yaml'), 'utf8');
const FILE_SOURCES = /sources:\n {2}- \{ id: patients, file: cohort.csv \}\n {2}- \{ id: draws, file: draws.csv, (format: long, idColumn: id, dateColumn: draw_date) \}\n/;
const dir = mkdtempSync(join(tmpdir(), 'siilab-dbsrc-'));

function specWith(sources: string, name: string): string {
  expect(SPEC).toMatch(FILE_SOURCES);
  const text = SPEC.replace(FILE_SOURCES, (_m, long) => sources.replace('LONG', long));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** What must not depend on where the rows came from. */
function comparable(b: Awaited<ReturnType<typeof analyzeStudy>>['bundle']) {
  return {
    analyses: b.analyses,
    cutoffs: b.cutoffs,
    warnings: b.warnings.map((w) => w.replace(/cohort\.csv|draws\.csv|lab\.duckdb|patients\.parquet|\$SIILAB_TEST_PG_URL/g, 'SRC')),
    flow: { ...b.flow, excluded: b.flow.excluded.map((e) => ({ ...e, rows: e.rows.map((r) => r.row) })) },
  };
}

let reference: ReturnType<typeof comparable>;

beforeAll(async () => {
  copyFileSync(join(EX, 'cohort.csv'), join(dir, 'cohort.csv'));
  copyFileSync(join(EX, 'draws.csv'), join(dir, 'draws.csv'));
  const inst = await DuckDBInstance.create(join(dir, 'lab.duckdb'));
  const con = await inst.connect();
  await con.run(`CREATE TABLE patients AS SELECT * FROM read_csv('${join(dir, 'cohort.csv')}')`);
  await con.run(`CREATE SCHEMA hosp; CREATE TABLE hosp.draws AS SELECT * FROM read_csv('${join(dir, 'draws.csv')}')`);
  await con.run(`COPY patients TO '${join(dir, 'patients.parquet')}' (FORMAT parquet)`);
  con.closeSync();
  inst.closeSync();
  reference = comparable((await analyzeStudy(specWith(SPEC.match(FILE_SOURCES)![0].replace(/format: long, idColumn: id, dateColumn: draw_date/, 'LONG'), 'files.yaml'))).bundle);
}, 120_000);

describe('DuckDB and Parquet sources', () => {
  it('a DuckDB table and a DuckDB query give the analyses of the CSV files', async () => {
    const path = specWith(
      `sources:\n  - { id: patients, duckdb: lab.duckdb, table: patients }\n  - { id: draws, duckdb: lab.duckdb, query: "SELECT * FROM hosp.draws ORDER BY id, draw_date", LONG }\n`,
      'duckdb.yaml',
    );
    const { bundle } = await analyzeStudy(path);
    expect(comparable(bundle)).toEqual(reference);
    expect(bundle.inputs.map((i) => [i.file, i.query])).toEqual([
      ['lab.duckdb', 'SELECT * FROM "patients"'],
      ['lab.duckdb', 'SELECT * FROM hosp.draws ORDER BY id, draw_date'],
    ]);
    expect(bundle.inputs[0].rows).toBe(reference.flow.screened);
    expect(bundle.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // The same rows give the same hash; other rows another.
    const again = await readDuckdb({ duckdb: join(dir, 'lab.duckdb'), table: 'patients', name: 'x' });
    // The comparison can fail: one patient fewer changes the flow and the analyses.
    const minus = specWith(`sources:\n  - { id: patients, duckdb: lab.duckdb, query: "SELECT * FROM patients WHERE id <> 'P0001'" }\n  - { id: draws, file: draws.csv, LONG }\n`, 'minus.yaml');
    const other = comparable((await analyzeStudy(minus)).bundle);
    expect(other.flow.screened).toBe(reference.flow.screened - 1);
    expect(other.analyses).not.toEqual(reference.analyses);
    expect(reference.analyses.length).toBeGreaterThan(5);
    const fewer = await readDuckdb({ duckdb: join(dir, 'lab.duckdb'), query: 'SELECT * FROM patients LIMIT 10', name: 'x' });
    expect(again.sha256).toBe(bundle.inputs[0].sha256);
    expect(fewer.sha256).not.toBe(bundle.inputs[0].sha256);
  }, 120_000);

  it('siilab analyze --threads N reads with N DuckDB threads; a bad N is a usage error', async () => {
    const path = specWith(`sources:\n  - { id: patients, duckdb: lab.duckdb, table: patients }\n  - { id: draws, file: draws.csv, LONG }\n`, 'threads.yaml');
    const r = await runCli(['analyze', path, '--threads', '1', '--format', 'md', '--out', join(dir, 'out-threads'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json().analysed).toBe(reference.flow.analysed);
    const bad = await runCli(['analyze', path, '--threads', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--threads must be a whole number of threads from 1 to 256, not 'many'");
  }, 120_000);

  it('a Parquet file gives the analyses of the CSV file', async () => {
    const path = specWith(`sources:\n  - { id: patients, parquet: patients.parquet }\n  - { id: draws, file: draws.csv, LONG }\n`, 'parquet.yaml');
    const { bundle } = await analyzeStudy(path);
    expect(comparable(bundle)).toEqual(reference);
    expect(bundle.inputs[0].file).toBe('patients.parquet');
    expect(bundle.inputs[0].query).toBeUndefined();
  }, 120_000);

  it('a query DuckDB refuses is a data error naming the source field', async () => {
    const path = specWith(`sources:\n  - { id: patients, duckdb: lab.duckdb, table: no_such_table }\n  - { id: draws, file: draws.csv, LONG }\n`, 'bad.yaml');
    await expect(analyzeStudy(path)).rejects.toThrow(/bad\.yaml, line \d+, field sources\[0\]\.table: lab\.duckdb: the database could not be read: .*no_such_table/);
  });
});

describe('source fields', () => {
  const spec = (src: string) => `version: 1\nsources:\n  - ${src}\nvariables: { patientId: id }\n`;
  const refuse = (src: string) => () => parseSpecText('s.yaml', spec(src));
  it('refuses a connection string, two places, a table and a query, a table of a file, a sheet of a database', () => {
    expect(refuse('{ postgres: "postgres://u:pw@localhost/db", table: t }')).toThrow(/field sources\[0\]\.postgres: write the name of an environment variable/);
    expect(refuse('{ file: a.csv, duckdb: b.duckdb, table: t }')).toThrow(/'file' and 'duckdb'; split it/);
    expect(refuse('{ duckdb: b.duckdb, table: t, query: "select 1" }')).toThrow(/needs 'table:' .* or 'query:' .*not both/);
    expect(refuse('{ duckdb: b.duckdb }')).toThrow(/needs 'table:'/);
    expect(refuse('{ file: a.csv, table: t }')).toThrow(/field sources\[0\]\.table: 'table:' belongs to 'duckdb:' and 'postgres:'/);
    expect(refuse('{ duckdb: b.duckdb, table: t, sheet: S }')).toThrow(/'sheet:' applies to CSV, TSV and XLSX files/);
    expect(refuse('{ id: x }')).toThrow(/say where the data are/);
    expect(() => parseSpecText('s.yaml', spec('{ postgres: "$DATABASE_URL", table: t }'))).not.toThrow();
    expect(() => parseSpecText('s.yaml', spec('{ postgres: "${PG}", query: "SELECT 1 AS id" }'))).not.toThrow();
  });

  it('an unset variable is named; a failing connection never prints the connection string', async () => {
    await expect(readPostgres({ variable: 'SIILAB_NO_SUCH_VAR', table: 't' }, {})).rejects.toThrow(/environment variable SIILAB_NO_SUCH_VAR is not set/);
    const secret = 'postgres://alice:s3cr3t-pw@127.0.0.1:1/nodb';
    const err = await readPostgres({ variable: 'PGX', table: 't' }, { PGX: secret }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^\$PGX: the database could not be read/);
    expect((err as Error).message).not.toContain('s3cr3t');
  });
});

const PG = process.env.SIILAB_TEST_PG_URL || null;
if (PG) {
  describe('PostgreSQL source', () => {
    const { schema } = pgSchema(PG, 'siilab_src', async (c, sc) => {
      for (const [table, file] of [['patients', 'cohort.csv'], ['draws', 'draws.csv']]) {
        await pgTable(c, `${sc}.${table}`, Papa.parse<string[]>(readFileSync(join(EX, file), 'utf8').trim(), { skipEmptyLines: true }).data);
      }
    });

    it('tables and a query on PostgreSQL give the analyses of the CSV files; the bundle names the variable, not the URL', async () => {
      const path = specWith(
        `sources:\n  - { id: patients, postgres: "$SIILAB_TEST_PG_URL", table: ${schema}.patients }\n  - { id: draws, postgres: "$SIILAB_TEST_PG_URL", query: "SELECT * FROM ${schema}.draws", LONG }\n`,
        'postgres.yaml',
      );
      const { bundle } = await analyzeStudy(path);
      expect(comparable(bundle)).toEqual(reference);
      expect(bundle.inputs.map((i) => i.file)).toEqual(['$SIILAB_TEST_PG_URL', '$SIILAB_TEST_PG_URL']);
      expect(bundle.inputs[0].query).toBe(`SELECT * FROM "${schema}"."patients"`);
      expect(JSON.stringify(bundle)).not.toContain(PG);
    }, 120_000);
  });
} else {
  describe.skip('PostgreSQL source — skipped: no PostgreSQL (scripts/ensure-postgres.sh could not start one; set SIILAB_TEST_PG_URL)', () => {
    it('needs a server', () => {});
  });
}
