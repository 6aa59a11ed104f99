import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { parseDelimited } from '../../src/io/readTable.js';

describe('siilab simulate', () => {
  it('writes the wide cohort and the long draws, rescaled by --n, deterministic by --seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-sim-'));
    const r = await runCli(['simulate', 'examples/deng2025/profile.yaml', '--out', join(dir, 'c.csv'), '--long', join(dir, 'd.csv'), '--n', '400', '--seed', '7', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ profile: 'deng2025', n: 400, seed: 7 });
    const wide = parseDelimited('c.csv', readFileSync(join(dir, 'c.csv'), 'utf8'));
    expect(wide.rows.length).toBe(400);
    expect(parseDelimited('d.csv', readFileSync(join(dir, 'd.csv'), 'utf8')).columns).toEqual(['id', 'draw_date', 'months', 'neutrophils', 'lymphocytes', 'platelets', 'afp']);
    const again = await runCli(['simulate', 'examples/deng2025/profile.yaml', '--out', join(dir, 'c2.csv'), '--n', '400', '--seed', '7']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'c2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'c.csv'), 'utf8'));
  });
  it('refuses to overwrite without --force (2) and an invalid profile naming the field (3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-sim-'));
    writeFileSync(join(dir, 'c.csv'), 'x\n');
    expect((await runCli(['simulate', 'examples/hong2021/profile.yaml', '--out', join(dir, 'c.csv')])).code).toBe(2);
    writeFileSync(join(dir, 'p.yaml'), 'id: x\ntitle: t\nseed: 1\ngroupBy: g\ngroups:\n  - { label: "a", n: 0 }\n');
    const bad = await runCli(['simulate', join(dir, 'p.yaml'), '--out', join(dir, 'o.csv')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("field 'groups.0.n'");
  });
});
