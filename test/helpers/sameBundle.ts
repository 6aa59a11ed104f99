/**
 * A study on both derivation paths: run with `engine: 'js'` and with `engine: 'duckdb'`, requires
 * that the SQL path ran in `engine` (DuckDB, or the PostgreSQL database of a postgres: source) and
 * that the two results bundles are one text; returns the bundle.
 */
import { expect } from 'vitest';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { toJson } from '../../src/cli/output.js';
import type { ResultsBundle } from '../../src/analysis/bundle.js';

export async function sameBundle(specPath: string, engine: 'duckdb' | 'postgres'): Promise<ResultsBundle> {
  const js = await analyzeStudy(specPath, { engine: 'js' });
  const sql = await analyzeStudy(specPath, { engine: 'duckdb' });
  expect(sql.derivedIn).toEqual({ engine, note: null });
  expect(js.derivedIn.engine).toBe('js');
  expect(toJson(sql.bundle)).toBe(toJson(js.bundle));
  return js.bundle;
}
