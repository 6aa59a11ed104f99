/**
 * The study-file validator compiled at build time (scripts/studyValidator.mjs: ajv's standalone
 * code) says valid exactly where the schema compiled at run time does, and is used only when it
 * was made from the current schema text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { precompiledValidator, specProblems } from '../../src/study/validateSpec.js';
import { studyValidatorSource } from '../../scripts/studyValidator.mjs';

// inside the repository, so that the generated code's requires of ajv's runtime resolve
mkdirSync('node_modules/.cache', { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/validator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const schemaText = readFileSync('schema/study.schema.json', 'utf8');

function written(name: string, source: string): URL {
  const file = join(dir, name);
  writeFileSync(file, source);
  return pathToFileURL(file);
}

describe('precompiledValidator', () => {
  const validate = precompiledValidator(written('current.cjs', studyValidatorSource(schemaText)))!;
  it('is used when made from the current schema', () => {
    expect(typeof validate).toBe('function');
  });
  it('agrees with the compiled schema on the examples and on broken study files', () => {
    const specs = ['deng2025', 'hong2021', 'yu2023'].map((e) => parse(readFileSync(`examples/${e}/study.yaml`, 'utf8')) as Record<string, unknown>);
    const broken = specs.flatMap((s) => [
      { ...s, version: 2 },
      { ...s, sources: undefined },
      { ...s, surprise: true },
      { ...s, variables: { ...(s.variables as object), platelets: { column: 7 } } },
      { ...s, analyses: { ...(s.analyses as object), km: [{ endpoint: 'os', by: 'SII' }] } },
      { ...s, derived: [{ name: 'X' }] },
    ]);
    for (const s of specs) expect([validate(s), specProblems(s).length]).toEqual([true, 0]);
    for (const s of broken) {
      const problems = specProblems(s).length;
      expect(problems).toBeGreaterThan(0);
      expect(validate(s)).toBe(false);
    }
  });
  it('is not used when made from another schema text (a stale build)', () => {
    const other = JSON.stringify({ ...JSON.parse(schemaText), description: 'an older schema' }, null, 2);
    expect(precompiledValidator(written('stale.cjs', studyValidatorSource(other)))).toBeNull();
    expect(precompiledValidator(pathToFileURL(join(dir, 'absent.cjs')))).toBeNull();
  });
  it.skipIf(!existsSync('dist/studyValidator.cjs'))('the build wrote it from the current schema (npm run build)', () => {
    expect(precompiledValidator(pathToFileURL(join(process.cwd(), 'dist/studyValidator.cjs')))).not.toBeNull();
  });
});
