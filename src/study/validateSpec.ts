/**
 * Validates a parsed study file against the generated JSON Schema (schema/study.schema.json) with
 * ajv, and turns the first problem into one message naming the file, YAML line and field.
 * Unions (a derivation is an index, an aggregate or a threshold) are explained against the branch
 * the user evidently meant (most keys in common), not as a list of every branch's complaints.
 *
 * @example
 * validateSpec(parsed, specLocator('study.yaml', text)) // throws: "study.yaml, line 4, field sources[0]: the field 'file' is required."
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { dataError } from '../errors.js';
import { closestName } from '../io/closestName.js';
import { studyMessages } from '../messages/index.js';
import type { SpecLocator } from './specLocator.js';
import type { StudySpec } from './types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type SchemaNode = { [k: string]: unknown };

let cached: { ajv: Ajv; root: SchemaNode; id: string; validate: ValidateFunction } | null = null;

const SCHEMA_URL = new URL('../../schema/study.schema.json', import.meta.url);

/** The committed schema (the file npm run schema writes). */
export function studySchema(): SchemaNode {
  return JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as SchemaNode;
}

let precompiledCache: ((data: unknown) => boolean) | null | undefined;

/**
 * The schema's validator compiled at build time (scripts/studyValidator.mjs → dist/studyValidator.cjs,
 * ajv's standalone code: no compiling at run time) when it was made from this schema text (its
 * SHA-256), else null: not built (the TypeScript sources under test), or built from another schema.
 */
export function precompiledValidator(url = new URL('../studyValidator.cjs', import.meta.url)): ((data: unknown) => boolean) | null {
  const own = url.href === new URL('../studyValidator.cjs', import.meta.url).href;
  if (own && precompiledCache !== undefined) return precompiledCache;
  let found: ((data: unknown) => boolean) | null = null;
  try {
    const mod = createRequire(import.meta.url)(fileURLToPath(url)) as ((data: unknown) => boolean) & { schemaHash?: string };
    const hash = createHash('sha256').update(readFileSync(SCHEMA_URL, 'utf8')).digest('hex');
    if (typeof mod === 'function' && mod.schemaHash === hash) found = mod;
  } catch {
    found = null; // not built: the schema is compiled
  }
  if (own) precompiledCache = found;
  return found;
}

function compiled() {
  if (cached) return cached;
  const root = studySchema();
  // ajv itself is loaded only here, for a study file that is not valid (or when not built)
  const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: false });
  const validate = ajv.compile(root);
  cached = { ajv, root, id: String(root.$id), validate };
  return cached;
}

export interface SpecProblem {
  path: (string | number)[];
  /** Point at the key (unknown field) rather than the value. */
  atKey: boolean;
  message: (where: string) => string;
}

/** Validates; returns the parsed value typed as a StudySpec or throws a data error (exit 3). */
export function validateSpec(data: unknown, loc: SpecLocator): StudySpec {
  const problems = specProblems(data);
  if (problems.length === 0) return data as StudySpec;
  const sorted = problems
    .map((p) => ({ p, line: loc.line(p.path, p.atKey) ?? 0 }))
    .sort((a, b) => a.line - b.line);
  const first = sorted[0].p;
  const extra = problems.length > 1 ? studyMessages.moreProblems(problems.length - 1) : '';
  throw dataError(first.message(loc.where(first.path, first.atKey)) + extra);
}

/** Every schema problem, unions resolved to the intended branch. */
export function specProblems(data: unknown): SpecProblem[] {
  // a valid file needs no compiled schema; one that is not is explained by the compiled schema
  if (precompiledValidator()?.(data)) return [];
  const c = compiled();
  if (c.validate(data)) return [];
  return explain(c.validate.errors ?? [], data as Json, []);
}

function pointerToPath(ptr: string): (string | number)[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function at(data: Json, path: (string | number)[]): Json | undefined {
  let v: Json | undefined = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, Json>)[p as string];
  }
  return v;
}

function resolveRef(s: SchemaNode): SchemaNode {
  const c = compiled();
  let node = s;
  for (let guard = 0; guard < 10 && typeof node.$ref === 'string'; guard++) {
    const ref = node.$ref as string;
    const ptr = ref.startsWith('#') ? ref.slice(1) : ref.slice(ref.indexOf('#') + 1);
    let n: unknown = c.root;
    for (const seg of ptr.split('/').filter(Boolean)) n = (n as SchemaNode)[seg];
    node = n as SchemaNode;
  }
  return node;
}

function describe(v: Json | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? `'${v}'` : String(v);
}

function scoreBranch(branch: SchemaNode, v: Json | undefined): number {
  const b = resolveRef(branch);
  const t = b.type;
  const jsType = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  const typeOk = (ty: unknown) => ty === jsType || (ty === 'integer' && jsType === 'number') || (ty === 'object' && jsType === 'object');
  if (t !== undefined && !(Array.isArray(t) ? t.some(typeOk) : typeOk(t))) return -1000;
  if (jsType !== 'object' || !b.properties) return 0;
  const keys = Object.keys(v as object);
  const props = Object.keys(b.properties as object);
  const req = (b.required as string[] | undefined) ?? [];
  let score = 0;
  for (const k of keys) score += props.includes(k) ? 2 : -1;
  for (const r of req) if (!keys.includes(r)) score -= 1;
  // A discriminating constant (type: survival) that matches counts for a lot.
  for (const [k, ps] of Object.entries(b.properties as Record<string, SchemaNode>)) {
    if ('const' in ps && keys.includes(k)) score += (v as Record<string, Json>)[k] === ps.const ? 10 : -10;
  }
  return score;
}

function explain(errors: ErrorObject[], data: Json, base: (string | number)[]): SpecProblem[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const under = (e: ErrorObject, u: ErrorObject) => e !== u && (e.instancePath === u.instancePath || e.instancePath.startsWith(u.instancePath + '/'));
  // Outermost unions only; their branch errors are replaced by a fresh explanation of the chosen branch.
  const outer = unions.filter((u) => !unions.some((o) => o !== u && under(u, o) && o.instancePath !== u.instancePath));
  const out: SpecProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    if (outer.some((u) => under(e, u) || e.instancePath === u.instancePath)) continue;
    out.push(problemOf(e, base));
  }
  const seen = new Set<string>();
  for (const u of outer) {
    if (seen.has(u.instancePath)) continue;
    seen.add(u.instancePath);
    const rel = pointerToPath(u.instancePath);
    const value = at(data, rel);
    const branches = u.schema as SchemaNode[];
    let best = 0;
    let bestScore = -Infinity;
    branches.forEach((b, k) => {
      const s = scoreBranch(b, value);
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    });
    const path = [...base, ...rel];
    if (bestScore <= -1000) {
      const kinds = branches.map((b) => describeSchema(resolveRef(b)));
      out.push({ path, atKey: false, message: (w) => studyMessages.badType(w, kinds.join(' or '), describe(value)) });
      continue;
    }
    const v = branchValidator(branches[best]);
    if (v(value)) continue;
    out.push(...explain(v.errors ?? [], value as Json, path));
  }
  return out;
}

const branchCache = new Map<string, ValidateFunction>();

/** A validator for one union branch: its local references made absolute to the study schema. */
function branchValidator(branch: SchemaNode): ValidateFunction {
  const c = compiled();
  const key = JSON.stringify(branch);
  let v = branchCache.get(key);
  if (!v) {
    const abs = JSON.parse(key, (k, val) => (k === '$ref' && typeof val === 'string' && val.startsWith('#') ? c.id + val : val)) as SchemaNode;
    v = c.ajv.compile(abs);
    branchCache.set(key, v);
  }
  return v;
}

function describeSchema(s: SchemaNode): string {
  if (s.type === 'string') return 'a text value';
  if (s.type === 'number' || s.type === 'integer') return 'a number';
  if (s.type === 'array') return 'a list';
  if (s.type === 'object' && s.properties) return `a mapping with ${Object.keys(s.properties as object).slice(0, 4).map((k) => `'${k}'`).join(', ')}`;
  return 'a mapping';
}

function problemOf(e: ErrorObject, base: (string | number)[]): SpecProblem {
  const path = [...base, ...pointerToPath(e.instancePath)];
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path, atKey: false, message: (w) => studyMessages.required(w, String(p.missingProperty)) };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = Object.keys(((e.parentSchema as SchemaNode | undefined)?.properties as object | undefined) ?? {});
      return {
        path: [...path, name],
        atKey: true,
        message: (w) => studyMessages.unknownField(w, name, closestName(name, allowed), allowed),
      };
    }
    case 'enum':
      return { path, atKey: false, message: (w) => studyMessages.badEnum(w, String(e.data), (p.allowedValues as unknown[]).map(String)) };
    case 'const':
      return { path, atKey: false, message: (w) => studyMessages.badEnum(w, String(e.data), [String(p.allowedValue)]) };
    case 'type':
      return { path, atKey: false, message: (w) => studyMessages.badType(w, typeWord(String(p.type)), describe(e.data as Json)) };
    default:
      return { path, atKey: false, message: (w) => studyMessages.badValue(w, e.message ?? e.keyword) };
  }
}

function typeWord(t: string): string {
  return (
    { string: 'a text value', number: 'a number', integer: 'a whole number', array: 'a list', object: 'a mapping', boolean: 'true or false' }[t] ??
    t.split(',').map(typeWord).join(' or ')
  );
}
