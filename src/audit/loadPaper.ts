/**
 * Reading paper files (YAML or JSON) into validated `PaperDoc`s, keeping every number as printed:
 * a non-integer number's source text replaces its value ("2.750" stays "2.750", not 2.75), so the
 * checks know its rounding. Built-in papers (the seeds) ship as src/audit/papers/<id>.yaml.
 *
 * @example
 * parsePaper('id: x\ntitle: X\ngroups: [{id: a, label: A, n: 10}]\n', 'x.yaml').groups[0].n // 10
 */
import { existsSync, readFileSync } from 'node:fs';
import { visit } from 'yaml';
import { dataError } from '../errors.js';
import { auditMessages } from '../messages/index.js';
import { specLocator } from '../study/specLocator.js';
import type { PaperDoc } from './types.js';
import { validatePaper } from './validatePaper.js';

/** The built-in (seed) papers, in the order `--paper all` audits them. */
export const BUILTIN_PAPERS = ['deng2025', 'yu2023', 'hong2021'] as const;
export type BuiltinPaper = (typeof BUILTIN_PAPERS)[number];

/** Parses and validates the text of a paper file (pure apart from reading the committed schema). */
export function parsePaper(text: string, file: string): PaperDoc {
  if (text.trim() === '') throw dataError(auditMessages.fileEmpty(file));
  const loc = specLocator(file, text);
  const doc = loc.doc;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? (e.pos ? text.slice(0, e.pos[0]).split('\n').length : null);
    throw dataError(auditMessages.yamlSyntax(file, line, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'number' || !node.range) return;
      const src = text.slice(node.range[0], node.range[1]).trim();
      if (!/^[+-]?\d+$/.test(src) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(src)) node.value = src;
    },
  });
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw dataError(auditMessages.notAMapping(file));
  return validatePaper(data, loc);
}

/** Reads and validates a paper file from disk. */
export function loadPaperFile(path: string, shownAs = path): PaperDoc {
  if (!existsSync(path)) throw dataError(auditMessages.fileMissing(shownAs));
  return parsePaper(readFileSync(path, 'utf8'), shownAs);
}

/** The file of a built-in paper. */
export function builtinPaperUrl(id: BuiltinPaper): URL {
  return new URL(`../../src/audit/papers/${id}.yaml`, import.meta.url);
}

/** A built-in paper, parsed and validated. */
export function builtinPaper(id: BuiltinPaper): PaperDoc {
  return parsePaper(readFileSync(builtinPaperUrl(id), 'utf8'), `${id}.yaml`);
}
