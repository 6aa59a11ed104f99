import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { tableIndices } from '../../src/indices/tableIndices.js';

const CSV = join(__dirname, 'fixtures', 'counts.csv');
const MAP = ['--neutrophils', 'NEUT', '--lymphocytes', 'LYMPH', '--platelets', 'PLT'];

describe('tableIndices: the @example', () => {
  it('computes per row and gives a reason', () => {
    const r = tableIndices({ file: 'f.csv', sheet: null, columns: ['N', 'L', 'P'], rows: [['4', '2', '200'], ['4', '0', '200']] },
      { neutrophils: 'N', lymphocytes: 'L', platelets: 'P' }, '10^9/L');
    expect(r.rows.map((x) => x.sii)).toEqual([400, null]);
    expect(r.rows[1].reason).toMatch(/^lymphocytes = 0 10\^9\/L: the ratios \(SII, NLR, PLR, SIRI, PIV\) divide by/);
    expect(r.computed).toBe(1);
  });
});

describe('siilab indices', () => {
  it('every row: values, or a reason naming value, unit and column', async () => {
    const r = await runCli(['indices', CSV, ...MAP, '--monocytes', 'MONO', '--wbc', 'WBC', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ n: 7, computed: 2, countUnit: '10^9/L', indices: ['sii', 'nlr', 'plr', 'dnlr', 'siri', 'piv'] });
    const [p1, p2, p3, p4, p5, p6, p7] = j.rows;
    expect(p1.row).toBe(2);
    expect(p1.sii).toBeCloseTo(504, 10);
    expect(p1.siri).toBeCloseTo(4.2 * 0.6 / 1.5, 12);
    expect(p1.piv).toBeCloseTo(4.2 * 180 * 0.6 / 1.5, 9);
    expect(p1.dnlr).toBeCloseTo(4.2 / 2.8, 12);
    expect(p1.reason).toBeNull();
    expect(p2).toMatchObject({ sii: null, nlr: null, plr: null, dnlr: 4 / 2 });
    expect(p2.reason).toContain('lymphocytes = 0');
    expect(p3).toMatchObject({ sii: null, nlr: 2, plr: null });
    expect(p3.reason).toContain('platelets = 180000 10^9/L is outside the physiological range 1–3000 10^9/L. It looks like cells/µL');
    expect(p3.reason).toContain('pass --count-unit /uL');
    expect(p4).toMatchObject({ sii: null, nlr: null, plr: 100, reason: "column 'NEUT' is empty." });
    expect(p5.reason).toBe("column 'PLT': 'abc' is not a number.");
    expect(p5.nlr).toBe(1.5);
    expect(p6).toMatchObject({ sii: 1250, siri: null, piv: null, dnlr: null });
    expect(p6.reason).toContain("column 'MONO' is empty.");
    expect(p6.reason).toContain('white cells 4 × 10^9/L must exceed neutrophils 5');
    expect(p7.reason).toContain('neutrophils = -3 10^9/L is negative');
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });
  it('indices that need an unmapped column are left out without per-row reasons', async () => {
    const j = (await runCli(['indices', CSV, ...MAP, '--json'])).json();
    expect(j.indices).toEqual(['sii', 'nlr', 'plr']);
    expect(j.rows[0]).toEqual({ row: 2, sii: 504, nlr: j.rows[0].nlr, plr: 120, reason: null });
  });
  it('--count-unit /uL converts; a column in another unit gets a warning from guessUnit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-idx-'));
    const f = join(dir, 'ul.csv');
    writeFileSync(f, 'N,L,P\n4200,1500,180000\n3000,2000,210000\n');
    const j = (await runCli(['indices', f, '--neutrophils', 'N', '--lymphocytes', 'L', '--platelets', 'P', '--count-unit', '/uL', '--json'])).json();
    expect(j.countUnit).toBe('cells/µL');
    expect(j.rows[0].sii).toBeCloseTo(504, 9);
    expect(j.warnings).toEqual([]);
    const w = (await runCli(['indices', f, '--neutrophils', 'N', '--lymphocytes', 'L', '--platelets', 'P', '--json'])).json();
    expect(w.computed).toBe(0);
    expect(w.warnings[0]).toContain("column 'N' (neutrophils): the median 3600 cells/µL = 3.6 10^9/L is typical");
    expect(w.warnings[0]).toContain('pass --count-unit /uL if that is the unit.');
  });
  it('--out writes CSV with the index columns and formula-safe cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-idx-'));
    const out = join(dir, 'with_indices.csv');
    const r = await runCli(['indices', CSV, ...MAP, '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,NEUT,LYMPH,PLT,MONO,WBC,note,sii,nlr,plr,reason');
    expect(lines[1]).toBe('p1,4.2,1.5,180,0.6,7,ok,504,2.8000000000000003,120,');
    expect(lines[7]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[7].startsWith('p7,-3,')).toBe(true);
    const again = await runCli(['indices', CSV, ...MAP, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already; choose another --out or pass --force.');
    expect((await runCli(['indices', CSV, ...MAP, '--out', out, '--force'])).code).toBe(0);
  });
  it('readable text', async () => {
    const r = await runCli(['indices', CSV, ...MAP]);
    expect(r.stdout).toContain('2 of 7 rows with SII (counts in 10^9/L)');
    expect(r.stdout).toMatch(/row\s+SII\s+NLR\s+PLR\s+reason/);
  });
  it('refusals: missing option (2), unknown unit (2), missing column (3), missing file (3)', async () => {
    const a = await runCli(['indices', CSV, '--neutrophils', 'NEUT', '--lymphocytes', 'LYMPH']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--platelets is required');
    const b = await runCli(['indices', CSV, ...MAP, '--count-unit', 'per litre']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("--count-unit 'per litre' is not a unit siilab knows");
    const c = await runCli(['indices', CSV, '--neutrophils', 'NEU', '--lymphocytes', 'LYMPH', '--platelets', 'PLT']);
    expect(c.code).toBe(3);
    expect(c.stderr).toContain("no column 'NEU' (given by --neutrophils). Did you mean 'NEUT'?");
    const d = await runCli(['indices', 'nope.csv', ...MAP]);
    expect(d.code).toBe(3);
  });
});
