/** The data-file options shared by every command that reads a file: --no-header, --columns, --decimal. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-args-'));
// time; event; marker; lymphocytes; platelets — no header row, decimal commas, ';'-separated.
const rows = Array.from({ length: 40 }, (_, i) => {
  const time = 1 + ((i * 37) % 53) / 2;
  const event = (i * 7) % 3 === 0 ? 1 : 0;
  const marker = 2 + ((i * 13) % 17) / 4 + event;
  return [time, event, marker, 1 + (i % 5) / 10, 150 + ((i * 11) % 90)].map((x) => String(x).replace('.', ',')).join(';');
});
const file = join(dir, 'export.txt');
writeFileSync(file, rows.join('\n') + '\n');

const commands: [string, string[]][] = [
  ['km', ['--time', 'V1', '--event', 'V2']],
  ['cox', ['--time', 'V1', '--event', 'V2', '--covariates', 'V3']],
  ['compare', ['--group', 'V2', '--vars', 'V3']],
  ['roc', ['--outcome', 'V2', '--markers', 'V3']],
  ['logit', ['--outcome', 'V2', '--covariates', 'V3']],
  ['indices', ['--neutrophils', 'V3', '--lymphocytes', 'V4', '--platelets', 'V5']],
  ['inspect', []],
];

describe('data-file options on every command that reads a file', () => {
  test.each(commands)('%s --no-header reads V1…Vn of a headerless decimal-comma file', async (cmd, opts) => {
    const bad = await runCli([cmd, file, ...opts]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('looks like data, not column names');
    const r = await runCli([cmd, file, '--no-header', ...opts, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const named = await runCli([cmd, file, '--columns', 'V1,V2,V3,V4,V5', ...opts, '--json']);
    expect(named.stdout).toBe(r.stdout);
    const dot = await runCli([cmd, file, '--no-header', '--decimal', '.', ...opts]);
    // Declared decimal points: '2,5' in a numeric option is refused, saying how to declare commas
    // (indices gives each row its reason; compare and logit read a text column as a category).
    if (cmd === 'km' || cmd === 'cox' || cmd === 'roc') {
      expect(dot.code).toBe(3);
      expect(dot.stderr).toMatch(/row \d+, column 'V\d': '\d+,\d+' is not a number with a decimal point; .*--decimal ,/);
    }
  });
  test('--decimal takes . or , only (exit 2)', async () => {
    const r = await runCli(['km', file, '--no-header', '--decimal', 'comma', '--time', 'V1', '--event', 'V2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("siilab km: --decimal must be '.' or ','");
  });
});
