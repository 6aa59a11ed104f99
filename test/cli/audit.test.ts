import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

describe('siilab audit', () => {
  it('--paper all --json: papers and findings in the documented shape, exit 0', async () => {
    const r = await runCli(['audit', '--paper', 'all', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.papers.map((p: { id: string }) => p.id)).toEqual(['deng2025', 'yu2023', 'hong2021']);
    expect(Object.keys(j.papers[0]).sort()).toEqual(['checks', 'findings', 'id', 'title']);
    expect(Object.keys(j.findings[0]).sort()).toEqual(['check', 'location', 'message', 'paper', 'recomputed', 'reported', 'severity']);
    expect(j.papers[0].checks).toHaveLength(21);
  });
  it('default is every built-in paper; text grouped by paper and severity', async () => {
    const r = await runCli(['audit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deng2025 — ');
    expect(r.stdout).toContain('hong2021 — ');
    expect(r.stdout).toContain('Errors (numbers that cannot be reconciled):');
    expect(r.stdout).toContain('Warnings (likely reporting slips):');
    expect(r.stdout.indexOf('yu2023 — ')).toBeGreaterThan(r.stdout.indexOf('deng2025 — '));
  });
  it('audits a user file; an invalid one exits 3 naming the field and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-audit-'));
    const ok = join(dir, 'ok.yaml');
    writeFileSync(ok, 'id: mine\ntitle: Mine\ngroups:\n  - { id: a, label: A, n: 29 }\nproportions:\n  - { location: { table: T1 }, label: x, count: 12, n: 29, percent: 79.3 }\n');
    const r = await runCli(['audit', ok, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().findings.map((f: { check: string }) => f.check)).toEqual(['percent-of-count']);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: mine\ntitle: Mine\ngroups:\n  - { id: a, label: A, n: many }\n');
    const b = await runCli(['audit', bad]);
    expect(b.code).toBe(3);
    expect(b.stderr).toMatch(/bad\.yaml, line 4, field groups\[0\]\.n: expected a whole number, got 'many'/);
    const missing = await runCli(['audit', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(3);
  });
  it('usage errors exit 2', async () => {
    expect((await runCli(['audit', '--paper', 'smith2020'])).code).toBe(2);
    expect((await runCli(['audit', '--paper', 'yu2023', 'x.yaml'])).code).toBe(2);
    expect((await runCli(['audit', '--bogus'])).code).toBe(2);
    const h = await runCli(['audit', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--paper');
  });
});
