import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonPieces } from '../../src/report/jsonPieces.js';
import { fileBytes, writeFilesAtomically, writeJsonFile, type FileContent } from '../../src/report/writeReport.js';
import { toJson } from '../../src/cli/output.js';
import { SiilabError } from '../../src/errors.js';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';

const joined = (v: unknown, indent?: number) => {
  const out: string[] = [];
  jsonPieces(v, (s) => out.push(s), indent);
  return out.join('');
};

describe('jsonPieces', () => {
  it('writes what JSON.stringify with siilab\'s replacer writes, piece by piece', () => {
    const v = {
      a: 1, b: -0, c: 1e-7, d: 2 ** 70, e: 'quote " back \\ newline \n tab \t é ✓ \u2028', f: true, g: null,
      h: [], i: {}, j: [1, [2, [3, {}]], { k: [] }], typed: Float64Array.of(1.5, -2), ints: Int32Array.of(3), bytes: Uint8Array.of(0, 255),
      skip: undefined, fn: () => 1, inArray: [undefined, () => 2, Symbol('x'), 4],
      date: new Date(Date.UTC(2021, 0, 2)), boxed: [new Number(3), new String('s'), new Boolean(false)],
      withToJson: { toJSON: (k: string) => ({ key: k }) }, hidden: { toJSON: () => undefined },
      'key "quoted"': { nested: { deeper: [0.1, 0.2] } },
    };
    expect(joined(v)).toBe(toJson(v));
    expect(joined(v, 4)).toBe(toJson(v, 4));
    expect(joined([])).toBe('[]');
    expect(joined('x')).toBe('"x"');
    expect(joined(3)).toBe('3');
  });

  it('refuses a non-finite number as toJson does, naming the field', () => {
    expect(() => joined({ hr: NaN })).toThrow(SiilabError);
    expect(() => joined({ hr: NaN })).toThrow(/'hr'/);
    expect(() => joined({ ci: [1, Infinity] })).toThrow(/'1'/);
    expect(() => toJson({ hr: NaN })).toThrow(/'hr'/);
  });

  it('equals toJson on the results bundle of an example study', async () => {
    const { bundle, model } = await analyzeStudy(join(__dirname, '..', '..', 'examples', 'deng2025', 'study.yaml'));
    expect(joined(bundle)).toBe(toJson(bundle));
    expect(joined(model)).toBe(toJson(model));
  }, 60_000);

  it('writeJsonFile writes the same bytes as toJson + newline, across its 1 MB buffer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-json-'));
    try {
      const big = { label: 'ü'.repeat(400_000), values: Float64Array.from({ length: 300_000 }, (_, i) => i / 7), long: 'x'.repeat(2_000_000) };
      writeJsonFile(join(dir, 'a.json'), big);
      const text = readFileSync(join(dir, 'a.json'), 'utf8');
      expect(text).toBe(toJson(big) + '\n');
      expect(new TextDecoder().decode(fileBytes({ json: big }))).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeFilesAtomically with a JSON file', () => {
  it('a non-finite number met while writing: the analysis error, and nothing written (no folder, no staging left)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-json-'));
    const out = join(dir, 'out');
    try {
      const files = new Map<string, FileContent>([['report.md', '# report\n'], ['results.json', { json: { analyses: [{ hr: 1.2 }, { hr: Infinity }] } }]]);
      let err: unknown;
      try {
        writeFilesAtomically(out, files);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SiilabError);
      expect((err as SiilabError).kind).toBe('analysis');
      expect((err as Error).message).toMatch(/non-finite number in output field 'hr'/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
