/**
 * bin/siilab.js, the installed command: it runs the bundle (scripts/bundle.mjs, made by `npm run
 * build`) in a child process with huge pages. The bundled command must write what the modules
 * write when run in this process, and pass on exit codes and messages.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'siilab-bin-'));
const bin = (args: string[]) => spawnSync(process.execPath, ['bin/siilab.js', ...args], { encoding: 'utf8' });

describe('bin/siilab.js', () => {
  it('runs the bundle, which is newer than the compiled modules (npm run build makes both)', () => {
    const bundle = statSync('dist/bundle/main.js', { throwIfNoEntry: false });
    expect(bundle, 'dist/bundle/main.js is missing: run npm run build').toBeDefined();
    expect(bundle!.mtimeMs).toBeGreaterThanOrEqual(statSync('dist/cli/main.js').mtimeMs);
  });

  it('the bundled analyze (its worker threads too) writes the same results.json and report as the modules', async () => {
    const a = tmp();
    const b = tmp();
    const r = bin(['analyze', 'examples/hong2021/study.yaml', '--out', a, '--format', 'md', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).analysed).toBe(58);
    expect((await runCli(['analyze', 'examples/hong2021/study.yaml', '--out', b, '--format', 'md'])).code).toBe(0);
    // hong2021 has a bootstrap validation: its replicates ran on the bundle's worker script
    const results = readFileSync(join(a, 'results.json'), 'utf8');
    expect(JSON.parse(results).analyses.some((x: { kind: string }) => x.kind === 'validation')).toBe(true);
    expect(results).toBe(readFileSync(join(b, 'results.json'), 'utf8'));
    expect(readFileSync(join(a, 'report.md'), 'utf8')).toBe(readFileSync(join(b, 'report.md'), 'utf8'));
  }, 60000);

  it('passes on exit codes and one-line messages: usage 2, data 3', () => {
    const usage = bin(['analyze', 'examples/hong2021/study.yaml', '--no-such-option']);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    const missing = bin(['km', 'no-such-file.csv', '--time', 't', '--event', 'e']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no-such-file\.csv/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('a reader that stops early (siilab km … --json | head) ends it quietly: exit 0, no stack trace', async () => {
    const csv = join(tmp(), 'big.csv');
    writeFileSync(csv, 'time,event\n' + Array.from({ length: 20000 }, (_, i) => `${(i * 0.37) % 100 + 0.1},${i % 3 ? 1 : 0}`).join('\n') + '\n');
    const child = spawn(process.execPath, ['bin/siilab.js', 'km', csv, '--time', 'time', '--event', 'event', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 30000);
});
