/**
 * Maps a path inside a parsed study file (e.g. ['variables', 'platelets', 'unit']) to its YAML
 * line, so every message can say "study.yaml, line 12, field variables.platelets.unit".
 *
 * @example
 * const loc = specLocator('study.yaml', 'version: 1\nsources:\n  - file: a.csv\n');
 * loc.line(['sources', 0, 'file']) // 3
 * loc.where(['sources', 0, 'file']) // "study.yaml, line 3, field sources[0].file"
 */
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { specWhere } from '../messages/index.js';

export type SpecPath = readonly (string | number)[];

export interface SpecLocator {
  readonly file: string;
  readonly doc: Document;
  /** 1-based line of the node at `path` (of its key when `key` is true), else of the nearest existing ancestor. */
  line(path: SpecPath, key?: boolean): number | null;
  /** "file, line N, field a.b[0].c" */
  where(path: SpecPath, key?: boolean): string;
  /** 1-based line of a character offset in the text. */
  lineOf(offset: number): number;
}

/** `a.b[0].c` */
export function fieldName(path: SpecPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

export function specLocator(file: string, text: string): SpecLocator {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | null => (offset === undefined ? null : lc.linePos(offset).line);
  function find(path: SpecPath, key: boolean): number | null {
    let node: unknown = doc.contents;
    let last: number | null = lineAt((node as Node | null)?.range?.[0]) ?? 1;
    for (let i = 0; i < path.length; i++) {
      const p = path[i];
      if (isMap(node)) {
        const pair = node.items.find((it) => (isScalar(it.key) ? String(it.key.value) : String(it.key)) === String(p));
        if (!pair) return last;
        const isLast = i === path.length - 1;
        if (isLast && key && isScalar(pair.key)) return lineAt(pair.key.range?.[0]) ?? last;
        const v = pair.value as Node | null;
        last = lineAt(v?.range?.[0]) ?? lineAt((pair.key as Node | null)?.range?.[0]) ?? last;
        node = v;
      } else if (isSeq(node) && typeof p === 'number') {
        const v = node.items[p] as Node | undefined;
        if (!v) return last;
        last = lineAt(v.range?.[0]) ?? last;
        node = v;
      } else return last;
    }
    return last;
  }
  return {
    file,
    doc,
    line: (path, key = false) => find(path, key),
    where: (path, key = false) => specWhere(file, find(path, key), fieldName(path)),
    lineOf: (offset) => lc.linePos(offset).line,
  };
}
