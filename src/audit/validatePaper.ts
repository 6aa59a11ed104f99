/**
 * Validates a parsed paper file: first against the generated JSON Schema (schema/audit.schema.json,
 * with ajv), then its cross-references (group ids, variables, markers) and printed numbers. The
 * first problem becomes one message naming the file, YAML line and field (exit 3).
 *
 * @example
 * validatePaper(data, specLocator('p.yaml', text)) // throws "p.yaml, line 7, field groups[1].n: expected a whole number, got '110.5'."
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { dataError } from '../errors.js';
import { closestName } from '../io/closestName.js';
import { auditMessages } from '../messages/index.js';
import type { SpecLocator, SpecPath } from '../study/specLocator.js';
import { parsePrinted } from './printed.js';
import type { PaperDoc, Printed } from './types.js';

type SchemaNode = { [k: string]: unknown };

let cached: { root: SchemaNode; ajv: Ajv; validate: ValidateFunction; unions: Map<string, Map<string, string>> } | null = null;

/** The committed schema (what `npm run schema:audit` writes). */
export function auditSchema(): SchemaNode {
  return JSON.parse(readFileSync(new URL('../../schema/audit.schema.json', import.meta.url), 'utf8')) as SchemaNode;
}

/** Unions of objects told apart by `kind` (e.g. CovariateDistribution): kind → definition name. */
function kindUnions(root: SchemaNode): Map<string, Map<string, string>> {
  const defs = (root.definitions ?? {}) as Record<string, SchemaNode>;
  const out = new Map<string, Map<string, string>>();
  for (const [name, def] of Object.entries(defs)) {
    const any = def.anyOf as SchemaNode[] | undefined;
    if (!any) continue;
    const m = new Map<string, string>();
    for (const b of any) {
      const ref = typeof b.$ref === 'string' ? b.$ref.replace('#/definitions/', '') : null;
      const k = ref ? ((defs[ref]?.properties as Record<string, SchemaNode> | undefined)?.kind?.const as string | undefined) : undefined;
      if (ref && k) m.set(k, ref);
    }
    if (m.size === any.length) out.set(name, m);
  }
  return out;
}

function compiled() {
  if (cached) return cached;
  const root = auditSchema();
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  ajv.addSchema(root);
  cached = { root, ajv, validate: ajv.getSchema(String(root.$id))!, unions: kindUnions(root) };
  return cached;
}

export interface PaperProblem {
  path: SpecPath;
  atKey: boolean;
  message: (where: string) => string;
}

const toPath = (instancePath: string): (string | number)[] =>
  instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v));

function at(data: unknown, path: (string | number)[]): unknown {
  let x: unknown = data;
  for (const p of path) x = x && typeof x === 'object' ? (x as Record<string | number, unknown>)[p] : undefined;
  return x;
}

/**
 * Schema problems. Errors inside a union told apart by `kind` are replaced by the errors of the
 * member that `kind` names (or by one "kind not allowed" problem), not every member's complaints.
 */
export function schemaProblems(data: unknown): PaperProblem[] {
  const c = compiled();
  if (c.validate(data)) return [];
  let errs: ErrorObject[] = [...(c.validate.errors ?? [])];
  const out: PaperProblem[] = [];
  const unionPaths = [...new Set(errs.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath))];
  for (const up of unionPaths) {
    const kindConsts = errs
      .filter((e) => e.instancePath === `${up}/kind` && e.keyword === 'const')
      .map((e) => String((e.params as { allowedValue?: unknown }).allowedValue));
    const union = [...c.unions.values()].find((m) => kindConsts.length > 0 && kindConsts.every((k) => m.has(k)));
    if (!union) continue;
    errs = errs.filter((e) => e.instancePath !== up && !e.instancePath.startsWith(`${up}/`));
    const value = at(data, toPath(up)) as Record<string, unknown> | undefined;
    const kind = value && typeof value === 'object' ? value.kind : undefined;
    const def = typeof kind === 'string' ? union.get(kind) : undefined;
    if (!def) {
      out.push({ path: [...toPath(up), 'kind'], atKey: false, message: (w) => auditMessages.badEnum(w, String(kind), [...union.keys()]) });
      continue;
    }
    const sub = c.ajv.getSchema(`${String(c.root.$id)}#/definitions/${def}`)!;
    if (!sub(value)) errs.push(...(sub.errors ?? []).map((e) => ({ ...e, instancePath: up + e.instancePath })));
  }
  errs = errs.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  for (const e of errs) {
    const path = toPath(e.instancePath);
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        out.push({ path, atKey: false, message: (w) => auditMessages.required(w, String(p.missingProperty)) });
        break;
      case 'additionalProperties': {
        const name = String(p.additionalProperty);
        const allowed = Object.keys(((e.parentSchema as SchemaNode | undefined)?.properties as SchemaNode | undefined) ?? {});
        out.push({ path: [...path, name], atKey: true, message: (w) => auditMessages.unknownField(w, name, closestName(name, allowed), allowed) });
        break;
      }
      case 'enum':
        out.push({ path, atKey: false, message: (w) => auditMessages.badEnum(w, String(at(data, path)), (p.allowedValues as string[]).map(String)) });
        break;
      case 'const':
        break;
      case 'type': {
        const t = Array.isArray(p.type) ? (p.type as string[]).join(' or ') : String(p.type);
        const expected = t === 'integer' ? 'a whole number' : t === 'string or number' ? 'a printed number' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
        out.push({ path, atKey: false, message: (w) => auditMessages.badType(w, expected, show(at(data, path))) });
        break;
      }
      default:
        out.push({ path, atKey: false, message: (w) => auditMessages.badValue(w, e.message ?? 'invalid value') });
    }
  }
  return out;
}

/** Cross-references and printed numbers (after the schema passed). */
export function referenceProblems(doc: PaperDoc): PaperProblem[] {
  const out: PaperProblem[] = [];
  const groups = new Map(doc.groups.map((g) => [g.id, g]));
  const ids = [...groups.keys()];
  const group = (path: SpecPath, id: string, atKey = false) => {
    if (!groups.has(id)) out.push({ path, atKey, message: (w) => auditMessages.unknownGroup(w, id, ids) });
  };
  const printed = (path: SpecPath, v: Printed | undefined, lo = -Infinity, hi = Infinity) => {
    if (v === undefined) return;
    const x = parsePrinted(v);
    if (x === null) out.push({ path, atKey: false, message: (w) => auditMessages.notANumber(w, String(v)) });
    else if (x.value < lo || x.value > hi) out.push({ path, atKey: false, message: (w) => auditMessages.outOfRange(w, String(v), lo, hi) });
  };
  const seen = new Set<string>();
  doc.groups.forEach((g, i) => {
    if (seen.has(g.id)) out.push({ path: ['groups', i, 'id'], atKey: false, message: (w) => auditMessages.duplicateId(w, g.id) });
    seen.add(g.id);
    g.composedOf?.forEach((id, j) => group(['groups', i, 'composedOf', j], id));
  });
  doc.categorical?.forEach((r, i) => {
    r.groups.forEach((g, j) => group(['categorical', i, 'groups', j], g));
    r.levels.forEach((l, k) => {
      for (const [g, c] of Object.entries(l.counts)) {
        group(['categorical', i, 'levels', k, 'counts', g], g, true);
        const n = groups.get(g)?.n;
        if (n !== undefined && c > n) out.push({ path: ['categorical', i, 'levels', k, 'counts', g], atKey: false, message: (w) => auditMessages.countTooLarge(w, c, n) });
      }
      for (const [g, v] of Object.entries(l.percents ?? {})) {
        group(['categorical', i, 'levels', k, 'percents', g], g, true);
        printed(['categorical', i, 'levels', k, 'percents', g], v, 0, 100);
      }
    });
    printed(['categorical', i, 'test', 'statistic'], r.test?.statistic, 0);
    printed(['categorical', i, 'test', 'p'], r.test?.p, 0, 1);
  });
  doc.continuous?.forEach((r, i) => {
    r.groups.forEach((g, j) => group(['continuous', i, 'groups', j], g));
    for (const [g, s] of Object.entries(r.summaries)) {
      group(['continuous', i, 'summaries', g], g, true);
      printed(['continuous', i, 'summaries', g, 'mean'], s.mean);
      printed(['continuous', i, 'summaries', g, 'sd'], s.sd, 0);
    }
    printed(['continuous', i, 'test', 'statistic'], r.test?.statistic);
    printed(['continuous', i, 'test', 'p'], r.test?.p, 0, 1);
  });
  doc.proportions?.forEach((r, i) => printed(['proportions', i, 'percent'], r.percent, 0, 100));
  doc.roc?.forEach((r, i) => {
    group(['roc', i, 'positive'], r.positive);
    group(['roc', i, 'negative'], r.negative);
    for (const k of ['auc', 'p'] as const) printed(['roc', i, k], r[k], 0, 1);
    for (const k of ['sensitivity', 'specificity'] as const) printed(['roc', i, k], r[k], 0, r.scale === 'fraction' ? 1 : 100);
    printed(['roc', i, 'se'], r.se, 0);
    printed(['roc', i, 'youden'], r.youden, -100, 100);
    printed(['roc', i, 'cutoff'], r.cutoff);
    printed(['roc', i, 'ciLevel'], r.ciLevel, 0, 100);
    r.ci?.forEach((v, j) => printed(['roc', i, 'ci', j], v, 0, 1));
  });
  const variables = (doc.continuous ?? []).map((r) => r.variable);
  const markers = (doc.roc ?? []).map((r) => r.marker);
  doc.models?.forEach((m, i) => {
    if (m.eventGroup) group(['models', i, 'eventGroup'], m.eventGroup);
    if (m.nonEventGroup) group(['models', i, 'nonEventGroup'], m.nonEventGroup);
    printed(['models', i, 'ciLevel'], m.ciLevel);
    const terms: [SpecPath, NonNullable<PaperDoc['models']>[number]['terms'][number]][] = m.terms.map((t, j) => [['models', i, 'terms', j], t]);
    if (m.intercept) terms.push([['models', i, 'intercept'], m.intercept]);
    for (const [p, t] of terms) {
      printed([...p, 'beta'], t.beta);
      printed([...p, 'se'], t.se, 0);
      printed([...p, 'wald'], t.wald, 0);
      printed([...p, 'p'], t.p, 0, 1);
      printed([...p, 'ratio'], t.ratio, 0);
      t.ci?.forEach((v, j) => printed([...p, 'ci', j], v, 0));
      const c = t.covariate;
      if (!c) continue;
      if (c.kind === 'binary-counts') for (const g of Object.keys(c.counts)) group([...p, 'covariate', 'counts', g], g, true);
      if (c.kind === 'binary-proportions') for (const [g, v] of Object.entries(c.proportions)) { group([...p, 'covariate', 'proportions', g], g, true); printed([...p, 'covariate', 'proportions', g], v, 0, 1); }
      if ((c.kind === 'threshold' || c.kind === 'normal') && !variables.includes(c.variable)) out.push({ path: [...p, 'covariate', 'variable'], atKey: false, message: (w) => auditMessages.unknownVariable(w, c.variable, variables) });
      if (c.kind === 'threshold') printed([...p, 'covariate', 'threshold'], c.threshold);
      if (c.kind === 'roc-cutoff' && !markers.includes(c.marker)) out.push({ path: [...p, 'covariate', 'marker'], atKey: false, message: (w) => auditMessages.unknownMarker(w, c.marker, markers) });
    }
  });
  doc.survival?.forEach((r, i) => {
    printed(['survival', i, 'value'], r.value);
    r.ci?.forEach((v, j) => printed(['survival', i, 'ci', j], v));
  });
  doc.cutoffs?.forEach((c, i) => printed(['cutoffs', i, 'value'], c.value));
  doc.pValues?.forEach((c, i) => printed(['pValues', i, 'p'], c.p, 0, 1));
  return out;
}

/** Validates; returns the data typed as a PaperDoc or throws a data error (exit 3) naming file, line and field. */
export function validatePaper(data: unknown, loc: SpecLocator): PaperDoc {
  let problems = schemaProblems(data);
  if (problems.length === 0) problems = referenceProblems(data as PaperDoc);
  if (problems.length === 0) return data as PaperDoc;
  const sorted = problems.map((p) => ({ p, line: loc.line(p.path, p.atKey) ?? 0 })).sort((a, b) => a.line - b.line);
  const first = sorted[0].p;
  const extra = problems.length > 1 ? auditMessages.moreProblems(problems.length - 1) : '';
  throw dataError(first.message(loc.where(first.path, first.atKey)) + extra);
}
