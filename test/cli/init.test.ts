import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { parseSpecText } from '../../src/study/parseSpec.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-init-'));
const csv = join(dir, 'cohort.csv');
writeFileSync(csv, [
  'Patient ID,Treatment date,NEUT,LYMPH,PLT,AFP,Death,Last follow-up date',
  'a,2020-01-05,4.1,1.2,180,12,1,2021-02-01',
  'b,2020-02-11,3.3,0.9,220,30,0,2022-03-01',
  'c,2020-03-20,5.0,1.5,150,800,1,2020-11-15',
  'd,2020-04-02,2.9,1.1,199,40,0,2022-05-20',
].join('\n'));

describe('siilab init', () => {
  test('writes a study file that validates and loads', async () => {
    const out = join(dir, 'study.yaml');
    const r = await runCli(['init', csv, '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('file: cohort.csv');
    expect(text).toContain('neutrophils: { column: NEUT, unit: 10^9/L }');
    expect(text).toContain('- { name: SII, index: SII }');
    expect(() => parseSpecText(out, text)).not.toThrow();
    const s = await loadStudy(out);
    expect(s.flow.analysed).toBe(4);
    const sii = s.dataset.columns.SII.values as Float64Array;
    expect(sii[0]).toBeCloseTo((180 * 4.1) / 1.2, 10);
    const os = s.dataset.endpoints.os;
    if (os.type !== 'survival') throw new Error();
    expect(os.time[0]).toBeCloseTo((Date.UTC(2021, 1, 1) - Date.UTC(2020, 0, 5)) / 86400000 / (365.25 / 12), 10);
  });
  test('refuses to overwrite without --force (exit 2), overwrites with it', async () => {
    const out = join(dir, 'keep.yaml');
    writeFileSync(out, 'mine\n');
    const r = await runCli(['init', csv, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists; use --force');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await runCli(['init', csv, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('version: 1');
  });
  test('--json reports the mapping; a missing data file is exit 3 and writes nothing', async () => {
    const out = join(dir, 'j.yaml');
    const r = await runCli(['init', csv, '--out', out, '--json']);
    expect(r.json().mapped.find((m: { variable: string }) => m.variable === 'platelets')).toEqual({ variable: 'platelets', column: 'PLT', unit: '10^9/L' });
    const bad = await runCli(['init', join(dir, 'none.csv'), '--out', join(dir, 'none.yaml')]);
    expect(bad.code).toBe(3);
    expect(existsSync(join(dir, 'none.yaml'))).toBe(false);
  });
});

describe('siilab init on word-coded columns', () => {
  test("a count written as words ('single'/'multiple') is mapped as a category and the file loads", async () => {
    const f = join(dir, 'words.csv');
    writeFileSync(f, 'id,lesions,PLT\na,single,200\nb,multiple,180\nc,single,150\n');
    const out = join(dir, 'words.yaml');
    expect((await runCli(['init', f, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('lesionCount: { column: lesions, type: category }');
    const s = await loadStudy(out);
    expect(s.dataset.columns.lesionCount).toMatchObject({ kind: 'label', levels: ['multiple', 'single'] });
  });
  test('a headerless, decimal-comma export: the study file says header: false, columns: and decimal: "," and loads', async () => {
    const f = join(dir, 'export.txt');
    writeFileSync(f, ['1;2020-01-05;4,1;1,2;180;1;2021-02-01', '2;2020-02-11;3,3;0,9;220;0;2022-03-01', '3;2020-03-20;5,0;1,5;150;1;2020-11-15'].join('\n'));
    const out = join(dir, 'export.yaml');
    const cols = 'Patient ID,Treatment date,NEUT,LYMPH,PLT,Death,Last follow-up date';
    const r = await runCli(['init', f, '--columns', cols, '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/header: false\n\s+columns:\n\s+- Patient ID\n\s+- Treatment date/);
    expect(text).toContain('decimal: ","');
    expect(text).toContain('neutrophils: { column: NEUT, unit: 10^9/L }');
    const s = await loadStudy(out);
    expect(s.flow.screened).toBe(3);
    expect(s.sourceRows).toEqual([3]);
    const v = await runCli(['init', f, '--no-header', '--out', join(dir, 'v.yaml')]);
    expect(v.code).toBe(0);
    const vt = readFileSync(join(dir, 'v.yaml'), 'utf8');
    expect(vt).toContain('header: false');
    expect(vt).not.toContain('columns:');
  });
});

