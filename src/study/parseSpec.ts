/**
 * Reads a study file's text: YAML syntax errors and schema problems become one message with the
 * file, line and field; on success the typed spec and its locator (for later messages) are returned.
 *
 * @example
 * parseSpecText('study.yaml', 'version: 1\nsources: [{file: a.csv}]\nvariables: {patientId: id}\n').spec.sources[0].file // 'a.csv'
 */
import { checkSources } from './checkSources.js';
import { readFile } from 'node:fs/promises';
import { dataError } from '../errors.js';
import { studyMessages } from '../messages/index.js';
import { specLocator, type SpecLocator } from './specLocator.js';
import type { StudySpec } from './types.js';
import { validateSpec } from './validateSpec.js';
import { checkReferences } from './checkReferences.js';

export interface ParsedSpec {
  spec: StudySpec;
  loc: SpecLocator;
}

export function parseSpecText(file: string, text: string): ParsedSpec {
  if (text.trim() === '') throw dataError(studyMessages.specEmpty(file));
  const loc = specLocator(file, text);
  const err = loc.doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? (err.pos ? loc.lineOf(err.pos[0]) : null);
    throw dataError(studyMessages.yamlSyntax(file, line, err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  let data: unknown;
  try {
    data = loc.doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    // An alias bomb ("billion laughs") or an alias to nothing: the yaml library refuses it; so do we, as a data error.
    throw dataError(studyMessages.yamlSyntax(file, null, e instanceof Error ? e.message.split('\n')[0] : String(e)));
  }
  if (data === null || data === undefined) throw dataError(studyMessages.specEmpty(file));
  const spec = validateSpec(data, loc);
  checkSources(spec, loc);
  checkReferences(spec, loc);
  return { spec, loc };
}

export async function readSpecFile(file: string): Promise<ParsedSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw dataError(studyMessages.specMissing(file));
  }
  return parseSpecText(file, text);
}
