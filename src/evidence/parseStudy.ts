/**
 * Validates one study record of the evidence registry (src/evidence/studies/<id>.json). Every
 * refusal names the file and the field path ("cutoffs[0].direction must be '>' or '>='"), so a
 * mistyped registry file fails at load time (and in the test) rather than in a patient's report.
 *
 * @example
 * parseStudy(JSON.parse(readFileSync('src/evidence/studies/yu2023.json', 'utf8')), 'yu2023.json').cutoffs[0].value // 405.08
 */
import { dataError } from '../errors.js';
import { calcMessages as M } from '../messages/calc.js';
import type { StudyRecord } from './types.js';

const MARKERS = ['SII', 'NLR', 'PLR', 'AFP', 'SII+AFP'];
const DIRECTIONS = ['>', '>='];
const GROUPS = ['high-high', 'high-low', 'low-high', 'low-low'];

type Json = Record<string, unknown>;

export function parseStudy(json: unknown, where: string): StudyRecord {
  const fail = (field: string, problem: string): never => {
    throw dataError(M.studyField(where, field, problem));
  };
  const obj = (v: unknown, field: string): Json => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'must be an object.');
    return v as Json;
  };
  const str = (o: Json, k: string, field: string, nullable = false): void => {
    const v = o[k];
    if (nullable && v === null) return;
    if (typeof v !== 'string' || v.trim() === '') fail(`${field}${k}`, nullable ? 'must be text or null.' : 'must be non-empty text.');
  };
  const num = (o: Json, k: string, field: string, opts: { nullable?: boolean; optional?: boolean } = {}): void => {
    const v = o[k];
    if (opts.optional && v === undefined) return;
    if (opts.nullable && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${field}${k}`, 'must be a finite number.');
  };
  const arr = (o: Json, k: string, field: string, nonEmpty = false): unknown[] => {
    const v = o[k];
    if (!Array.isArray(v) || (nonEmpty && v.length === 0)) fail(`${field}${k}`, nonEmpty ? 'must be a non-empty list.' : 'must be a list.');
    return v as unknown[];
  };
  const location = (v: unknown, field: string): void => {
    const l = obj(v, field);
    str(l, 'section', `${field}.`);
    if (l.file !== undefined && l.file !== 'paper' && l.file !== 'abstract') fail(`${field}.file`, "must be 'paper' or 'abstract'.");
    if (l.row !== undefined) str(l, 'row', `${field}.`);
  };
  const reported = (v: unknown, field: string): void => {
    const r = obj(v, field);
    str(r, 'quantity', `${field}.`);
    str(r, 'about', `${field}.`);
    for (const k of ['value', 'lower', 'upper', 'sd', 'se']) num(r, k, `${field}.`, { optional: true });
    if (r.value === undefined && typeof r.p !== 'string') fail(`${field}.value`, 'is required unless a P value is given.');
    if (r.p !== undefined) str(r, 'p', `${field}.`);
    if ((r.lower === undefined) !== (r.upper === undefined)) fail(`${field}.lower`, 'and upper must be given together.');
    if (typeof r.lower === 'number' && typeof r.upper === 'number' && r.lower > r.upper) fail(`${field}.lower`, 'must not exceed upper.');
    location(r.location, `${field}.location`);
  };

  const s = obj(json, '(top level)');
  for (const k of ['id', 'citation', 'title', 'setting', 'design', 'population']) str(s, k, '');
  for (const k of ['doi', 'country', 'period']) str(s, k, '', true);
  num(s, 'n', '');
  if (!Number.isInteger(s.n) || (s.n as number) < 1) fail('n', 'must be a positive whole number.');
  num(s, 'events', '', { nullable: true });
  const src = obj(s.source, 'source');
  str(src, 'paper', 'source.');
  str(src, 'abstract', 'source.', true);
  arr(s, 'counts', '', true).forEach((c, i) => reported(c, `counts[${i}]`));
  const t = obj(s.treatment, 'treatment');
  str(t, 'description', 'treatment.');
  arr(t, 'tags', 'treatment.', true).forEach((x, i) => typeof x === 'string' || fail(`treatment.tags[${i}]`, 'must be text.'));
  const e = obj(s.endpoint, 'endpoint');
  for (const k of ['name', 'horizon', 'analysis']) str(e, k, 'endpoint.');
  if (e.type !== 'binary' && e.type !== 'time-to-event') fail('endpoint.type', "must be 'binary' or 'time-to-event'.");
  const ap = obj(s.applicability, 'applicability');
  if (ap.endpointKind !== 'recurrence' && ap.endpointKind !== 'survival') fail('applicability.endpointKind', "must be 'recurrence' or 'survival'.");
  const cls = arr(ap, 'childPughClasses', 'applicability.', true);
  cls.forEach((c, i) => ['A', 'B', 'C'].includes(c as string) || fail(`applicability.childPughClasses[${i}]`, "must be 'A', 'B' or 'C'."));
  num(ap, 'maxTumourSizeCm', 'applicability.', { nullable: true });
  location(ap.location, 'applicability.location');
  arr(s, 'markers', '', true).forEach((m, i) => {
    const o = obj(m, `markers[${i}]`);
    for (const k of ['marker', 'definition', 'timing']) str(o, k, `markers[${i}].`);
  });
  arr(s, 'cutoffs', '', true).forEach((c, i) => {
    const f = `cutoffs[${i}]`;
    const o = obj(c, f);
    if (!MARKERS.includes(o.marker as string) || o.marker === 'SII+AFP') fail(`${f}.marker`, `must be one of ${MARKERS.slice(0, 4).join(', ')}.`);
    num(o, 'value', `${f}.`);
    if (!DIRECTIONS.includes(o.direction as string)) fail(`${f}.direction`, "must be '>' or '>='.");
    if (typeof o.unit !== 'string') fail(`${f}.unit`, 'must be text (empty for a ratio).');
    str(o, 'chosenBy', `${f}.`);
    location(o.location, `${f}.location`);
    const fi = obj(o.findings, `${f}.findings`);
    str(fi, 'high', `${f}.findings.`);
    str(fi, 'low', `${f}.findings.`);
    if (o.caveats !== undefined) arr(o, 'caveats', `${f}.`).forEach((x, j) => typeof x === 'string' || fail(`${f}.caveats[${j}]`, 'must be text.'));
  });
  if (s.combined !== undefined) {
    const c = obj(s.combined, 'combined');
    if (c.marker !== 'SII+AFP') fail('combined.marker', "must be 'SII+AFP'.");
    for (const part of ['sii', 'afp']) {
      const p = obj(c[part], `combined.${part}`);
      num(p, 'value', `combined.${part}.`);
      if (!DIRECTIONS.includes(p.direction as string)) fail(`combined.${part}.direction`, "must be '>' or '>='.");
      location(p.location, `combined.${part}.location`);
    }
    location(c.location, 'combined.location');
    const fi = obj(c.findings, 'combined.findings');
    for (const g of GROUPS) str(fi, g, 'combined.findings.');
  }
  arr(s, 'reported', '', true).forEach((r, i) => reported(r, `reported[${i}]`));
  if (s.model !== null) {
    const m = obj(s.model, 'model');
    if (m.kind !== 'logistic' && m.kind !== 'cox') fail('model.kind', "must be 'logistic' or 'cox'.");
    location(m.location, 'model.location');
    arr(m, 'terms', 'model.', true).forEach((x, i) => {
      const o = obj(x, `model.terms[${i}]`);
      str(o, 'term', `model.terms[${i}].`);
      num(o, 'coef', `model.terms[${i}].`, { nullable: true });
      location(o.location, `model.terms[${i}].location`);
    });
    num(m, 'intercept', 'model.', { nullable: true });
    if (m.intercept !== null) location(m.interceptLocation, 'model.interceptLocation');
    for (const k of ['interceptOrBaselineGiven', 'allCoefficientsGiven', 'binaryTerms']) if (typeof m[k] !== 'boolean') fail(`model.${k}`, 'must be true or false.');
    str(m, 'note', 'model.');
  }
  arr(s, 'caveats', '').forEach((x, i) => typeof x === 'string' || fail(`caveats[${i}]`, 'must be text.'));
  return json as StudyRecord;
}
