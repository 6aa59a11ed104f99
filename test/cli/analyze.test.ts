/** siilab analyze / report / demo / simulate: outputs and refusals (exit codes, messages, nothing half-written). */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'siilab-cli-'));

describe('siilab analyze', () => {
  it('writes results.json and the report; a rerun is byte-identical', async () => {
    const out = tmp();
    const r = await runCli(['analyze', 'examples/hong2021/study.yaml', '--out', out, '--format', 'html,md', '--json']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
    expect(existsSync(join(out, 'report.docx'))).toBe(false);
    const first = readFileSync(join(out, 'results.json'), 'utf8');
    expect(JSON.parse(first).format).toBe('siilab-results');
    expect(readdirSync(join(out, 'figures')).some((f) => f.endsWith('.png'))).toBe(true);
    // The Markdown's images resolve: every image link names a file written beside it.
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const links = [...md.matchAll(/!\[(?:\\.|[^\]\\])*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(existsSync(join(out, l)), l).toBe(true);
    await runCli(['analyze', 'examples/hong2021/study.yaml', '--out', out, '--format', 'html']);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(first);
  }, 60000);
  it('refuses an unknown --format before reading anything, exit 2, and writes nothing', async () => {
    const out = join(tmp(), 'out');
    const r = await runCli(['analyze', 'examples/hong2021/study.yaml', '--out', out, '--format', 'html,pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("siilab analyze: --format must be one of html, docx, md, got 'pdf'.");
    expect(existsSync(out)).toBe(false);
  });
  it('refuses a misspelt column naming the spec field and line, exit 3, and writes nothing', async () => {
    const dir = tmp();
    copyFileSync('examples/hong2021/cohort.csv', join(dir, 'cohort.csv'));
    writeFileSync(join(dir, 'study.yaml'), readFileSync('examples/hong2021/study.yaml', 'utf8').replace('column: os_time', 'column: os_tiem'));
    const out = join(dir, 'out');
    const r = await runCli(['analyze', join(dir, 'study.yaml'), '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/os_tiem/);
    expect(r.stderr).toMatch(/line \d+/);
    expect(r.stderr.split('\n').filter(Boolean).length).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
  it('refuses a missing spec (3), a bad option (2) and a study with no events (4)', async () => {
    expect((await runCli(['analyze', 'nope.yaml'])).code).toBe(3);
    expect((await runCli(['analyze', 'examples/hong2021/study.yaml', '--ties', 'exact'])).code).toBe(2);
    expect((await runCli(['analyze', 'examples/hong2021/study.yaml', '--engine', 'spark'])).code).toBe(2);
    const dir = tmp();
    writeFileSync(join(dir, 'd.csv'), 'id,time,dead,x\nA,1,0,1\nB,2,0,2\nC,3,0,3\n');
    writeFileSync(join(dir, 'study.yaml'), 'version: 1\nsources: [{ file: d.csv }]\nvariables:\n  patientId: id\n  followUpTime: { column: time, unit: months }\n  death: dead\ncovariates:\n  x: x\nendpoints:\n  os: { type: survival, events: [death], time: followUpTime }\nanalyses:\n  km: [{ endpoint: os, by: [] }]\n');
    const r = await runCli(['analyze', join(dir, 'study.yaml'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/event/i);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('siilab report and demo', () => {
  it('re-renders a bundle; refuses a file that is not one', async () => {
    const out = tmp();
    await runCli(['analyze', 'examples/yu2023/study.yaml', '--out', out, '--format', 'md']);
    const r = await runCli(['report', join(out, 'results.json'), '--format', 'docx', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
    writeFileSync(join(out, 'x.json'), '{"a":1}');
    const bad = await runCli(['report', join(out, 'x.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('not a siilab results bundle');
    expect((await runCli(['report', join(out, 'results.json'), '--format', 'pdf'])).code).toBe(2);
  }, 60000);
  it('demo writes a labelled report with published vs reproduced numbers', async () => {
    const out = tmp();
    const r = await runCli(['demo', '--paper', 'hong2021', '--out', out, '--format', 'html', '--json']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'hong2021', 'report.html'), 'utf8');
    expect(html).toContain('SIMULATED DATA');
    expect(html).toContain('Published vs reproduced');
    expect(r.json().papers[0].comparison.find((c: any) => c.label.startsWith('Median OS')).reproduced).toBeGreaterThan(0);
    expect((await runCli(['demo', '--paper', 'smith2020'])).code).toBe(2);
  }, 60000);
});

describe('the HTML report is self-contained', () => {
  it('makes no external request: no src/href to another host, figures inline, a CSP that forbids it', async () => {
    const out = tmp();
    await runCli(['analyze', 'examples/deng2025/study.yaml', '--out', out, '--format', 'html']);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).toContain("default-src 'none'");
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/\bNaN\b|Infinity/);
  }, 60000);

  it('--progress: the phases of the SQL path, a line each when stderr is not a terminal; none with --json or --no-progress', async () => {
    const r = await runCli(['analyze', 'examples/deng2025/study.yaml', '--out', tmp(), '--format', 'md', '--engine', 'duckdb', '--progress']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    for (const phase of ['reading draws.csv into DuckDB…', "DuckDB: the distinct cells of 'id', 'draw_date', 'neutrophils', 'lymphocytes', 'platelets', 'afp'…", 'DuckDB: the draw table…', 'DuckDB: AFP_mean per patient over 1,180 draws…', 'writing the report…']) {
      expect(lines).toContain(`  ${phase}`);
    }
    for (const quiet of [['--json', '--progress'], ['--no-progress']]) {
      const q = await runCli(['analyze', 'examples/deng2025/study.yaml', '--out', tmp(), '--format', 'md', '--engine', 'duckdb', ...quiet]);
      expect(q.code).toBe(0);
      expect(q.stderr).not.toContain('the draw table');
    }
  }, 60000);

  it('--engine duckdb: deng2025 gives the same results.json; a wide study says on stderr why it ran in JavaScript', async () => {
    const a = tmp();
    const b = tmp();
    expect((await runCli(['analyze', 'examples/deng2025/study.yaml', '--out', a, '--format', 'md'])).code).toBe(0);
    const r = await runCli(['analyze', 'examples/deng2025/study.yaml', '--out', b, '--format', 'md', '--engine', 'duckdb']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('ran in JavaScript');
    expect(readFileSync(join(b, 'results.json'), 'utf8')).toBe(readFileSync(join(a, 'results.json'), 'utf8'));
    const w = await runCli(['analyze', 'examples/hong2021/study.yaml', '--out', tmp(), '--format', 'md', '--engine', 'duckdb']);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('Derivations ran in JavaScript, not as SQL: the SQL path takes one long source (this study has 0).');
  }, 60000);
});
