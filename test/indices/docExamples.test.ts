/**
 * Runs the @example of every file in src/indices, src/units, src/evidence and src/model: each line
 * `expression // expected` (the expected value may continue on following `//` lines, and a trailing
 * parenthetical remark is ignored) is evaluated with the exports of those modules in scope, after
 * the example's earlier statements. "…" in an expected string means "contains these fragments";
 * "throws …" means the expression must throw a message containing the fragments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIRS = ['src/indices', 'src/units', 'src/evidence', 'src/model'];
const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts')).map((f) => join(d, f)));

interface Assertion { file: string; setup: string; expr: string; expected: string }

function examples(file: string): Assertion[] {
  const src = readFileSync(file, 'utf8');
  const m = /@example\n([\s\S]*?)\*\//.exec(src);
  if (!m) return [];
  const lines = m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).filter((l) => !l.startsWith('```'));
  const out: Assertion[] = [];
  let setup = '';
  let pending = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cm = /^(.*?)\s*\/\/\s?(.*)$/.exec(line);
    if (!cm || line.trim() === '') {
      pending += (pending ? '\n' : '') + line;
      if (/;\s*$/.test(pending)) {
        setup += pending + '\n';
        pending = '';
      }
      continue;
    }
    const code = (pending ? pending + '\n' : '') + cm[1];
    let expected = cm[2];
    while (i + 1 < lines.length && /^\s*\/\/\s/.test(lines[i + 1]) ) expected += ' ' + lines[++i].replace(/^\s*\/\/\s*/, '');
    pending = '';
    if (code.trim() === '') continue;
    out.push({ file, setup, expr: code.trim(), expected: expected.trim() });
  }
  return out;
}

const all = files.flatMap(examples);

async function scope(): Promise<Record<string, unknown>> {
  const s: Record<string, unknown> = { readFileSync };
  for (const f of files) Object.assign(s, await import(`../../${f.replace(/\.ts$/, '.js')}`));
  return s;
}

function evalExpected(text: string): { ok: true; value: unknown } | { ok: false } {
  for (const t of [text, text.replace(/\s*\([^()]*\)\s*$/, '')]) {
    try {
      return { ok: true, value: new Function(`return (${t});`)() };
    } catch {
      /* try without the remark */
    }
  }
  return { ok: false };
}

describe('@example outputs are real', () => {
  it('there are examples to run', () => expect(all.length).toBeGreaterThan(40));
  for (const a of all) {
    it(`${a.file}: ${a.expr.split('\n').pop()}`, async () => {
      const s = await scope();
      const run = () => new Function(...Object.keys(s), `${a.setup}\nreturn (${a.expr});`)(...Object.values(s));
      if (a.expected.startsWith('throws')) {
        const frags = a.expected.replace(/^throws\s*/, '').replace(/^"|"$/g, '').split('…').map((x) => x.trim()).filter(Boolean);
        let msg = '';
        try {
          run();
        } catch (e) {
          msg = (e as Error).message;
        }
        for (const f of frags) expect(msg).toContain(f);
        expect(msg).not.toBe('');
        return;
      }
      const got = run();
      if (a.expected.includes('…')) {
        // Truncated numbers ([0.0049176…]): the printed digits are a prefix of the value.
        if (Array.isArray(got) && got.every((x) => typeof x === 'number')) {
          const nums = a.expected.match(/-?\d+\.\d+(?=…)/g) ?? [];
          expect(nums.length).toBe(got.length);
          nums.forEach((p, k) => expect(String(got[k]).startsWith(p), `${got[k]} vs ${p}…`).toBe(true));
          return;
        }
        // Otherwise every fragment between the "…" must appear in the value (spaces and quotes ignored).
        const norm = (x: string) => x.replace(/[\s'"]/g, '');
        const text = norm(typeof got === 'string' ? got : JSON.stringify(got));
        const frags = a.expected.replace(/\s*\([^()]*\)\s*$/, '').split('…').map(norm).filter((f) => f.length > 2);
        expect(frags.length).toBeGreaterThan(0);
        for (const f of frags) expect(text).toContain(f.replace(/^[,[{]+/, '').replace(/[,\]}]+$/, ''));
        return;
      }
      const e = evalExpected(a.expected);
      expect(e.ok, `cannot read the expected value '${a.expected}'`).toBe(true);
      if (!e.ok) return;
      if (typeof e.value === 'number' && typeof got === 'number') expect(got).toBeCloseTo(e.value, 12);
      else expect(got).toEqual(e.value);
    });
  }
});
