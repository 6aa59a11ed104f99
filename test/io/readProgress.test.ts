// Progress of a long read (src/io/readProgress.ts): silent unless asked or on a terminal, one line
// per update when asked off a terminal, and a closing line with the rows read.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProgress } from '../../src/io/readProgress.js';
import { readTable } from '../../src/io/readTable.js';
import { tableOptions } from '../../src/cli/args.js';

describe('readProgress', () => {
  it('progress: false and (off a terminal) null print nothing', () => {
    const lines: string[] = [];
    for (const p of [false, null]) {
      const r = readProgress('a.csv', 100, p, (s) => lines.push(s));
      expect(r.active).toBe(false);
      r.update('rows', 10, 0.5);
      r.done(20);
    }
    expect(lines).toEqual([]);
  });

  it('progress: true prints the phase, rows and share, then the rows read', () => {
    const lines: string[] = [];
    const r = readProgress('big.csv', 3 * 2 ** 20, true, (s) => lines.push(s));
    expect(r.active).toBe(true);
    r.update('bytes', 0, 0.5);
    r.done(1_234_567);
    expect(lines[0]).toBe('big.csv: reading 3 MB, 50% …\n');
    expect(lines[1]).toMatch(/^big\.csv: 1,234,567 rows read in \d+\.\d s\.\n$/);
  });

  it('readTable with progress: true reports the rows of the file read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-progress-'));
    const f = join(dir, 'x.csv');
    writeFileSync(f, 'a,b\n' + Array.from({ length: 2500 }, (_, i) => `${i},${i % 3}`).join('\n') + '\n');
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const t = await readTable(f, { progress: true });
      expect(t.columns).toEqual(['a', 'b']);
      const said = spy.mock.calls.map((c) => String(c[0])).join('');
      expect(said).toContain('2,500 rows read');
    } finally {
      spy.mockRestore();
    }
  });

  it('--progress and --no-progress reach readTable', () => {
    const a = (values: Record<string, unknown>) => ({ values, positionals: [] }) as never;
    expect(tableOptions('km', a({ progress: true })).progress).toBe(true);
    expect(tableOptions('km', a({ 'no-progress': true })).progress).toBe(false);
    expect(tableOptions('km', a({})).progress).toBe(null);
  });
});
