/**
 * A first study file from `siilab inspect`'s suggestions (what `siilab init` writes): sources,
 * the suggested mapping with units, SII (and NLR) per draw, a per-patient SII for long data, and
 * an overall-survival endpoint when the outcome columns allow one. Comments mark what to check.
 *
 * @example
 * specFromInspection(inspectTable(table), 'cohort.csv') // "# siilab study file …\nversion: 1\n…"
 */
import { basename, extname } from 'node:path';
import { Document, isMap, type YAMLMap } from 'yaml';
import type { InspectResult } from '../cohort/inspectTable.js';
import { INDEX_INPUTS } from '../cohort/drawIndex.js';
import { CANONICAL } from './canonical.js';
import type { ColumnMapping, Derivation, Endpoint, StudySpec } from './types.js';

export interface InitOptions {
  /** Whether blood draws precede the time origin (else a long file's per-patient SII is the first draw, not the baseline). */
  drawsBeforeOrigin?: boolean;
  /** Why the per-patient aggregate was chosen, written as a comment above the file (and shown by the web app). */
  aggregateNote?: string;
}

export function specFromInspection(r: InspectResult, dataPath: string, opts: InitOptions = {}): string {
  const mapped = new Set<string>(r.suggestions.map((s) => s.variable));
  const variables: Record<string, string | ColumnMapping> = {};
  for (const s of r.suggestions) {
    const m: ColumnMapping = { column: s.column };
    if (s.unit) m.unit = s.unit;
    if (s.variable === 'followUpTime' && !s.unit) m.unit = 'months';
    if (s.type !== CANONICAL[s.variable].type) m.type = s.type;
    variables[s.variable] = m.unit === undefined && m.type === undefined ? s.column : m;
  }
  const derived: Derivation[] = [];
  const can = (idx: keyof typeof INDEX_INPUTS) => INDEX_INPUTS[idx].some((alt) => alt.every((v) => mapped.has(v)));
  if (can('SII')) derived.push({ name: 'SII', index: 'SII' });
  if (can('NLR') && !mapped.has('nlr')) derived.push({ name: 'NLR', index: 'NLR' });
  const origin = mapped.has('treatmentDate') || mapped.has('baselineDate');
  const baseline = origin && opts.drawsBeforeOrigin !== false;
  if (r.format === 'long' && can('SII')) derived.push({ name: baseline ? 'SII_baseline' : 'SII_first', aggregate: baseline ? 'baseline' : 'first', of: 'SII' });
  const endpoints: Record<string, Endpoint> = {};
  if (mapped.has('death')) {
    if (mapped.has('followUpTime')) endpoints.os = { type: 'survival', events: ['death'], time: 'followUpTime' };
    else if (origin && (mapped.has('lastFollowUpDate') || mapped.has('deathDate'))) endpoints.os = { type: 'survival', events: ['death'] };
  }
  const rec = ['recurrence', 'metastasis'].filter((v) => mapped.has(v));
  if (rec.length && origin && (mapped.has('lastFollowUpDate') || rec.every((v) => mapped.has(`${v}Date`)))) endpoints.recurrence = { type: 'survival', events: rec };

  const source: StudySpec['sources'][number] = { file: dataPath };
  if (r.sheet && /\.xlsx?$|\.xlsm$/i.test(dataPath)) source.sheet = r.sheet;
  source.format = r.format;
  if (r.header === false) {
    source.header = false;
    // Names given with --columns are written out; V1…Vn are what the reader names them anyway.
    if (r.columns.some((c, j) => c.name !== `V${j + 1}`)) source.columns = r.columns.map((c) => c.name);
  }
  if (r.decimal === ',') source.decimal = ',';
  const spec: StudySpec = { version: 1, title: basename(dataPath, extname(dataPath)), sources: [source], variables };
  if (derived.length) spec.derived = derived;
  if (Object.keys(endpoints).length) spec.endpoints = endpoints;

  const doc = new Document(spec);
  doc.commentBefore =
    ` siilab study file written by 'siilab init' from ${dataPath}.\n` +
    ` Check every mapping and unit (the JSON Schema is schema/study.schema.json), then add the\n` +
    ` population, derived variables, endpoints, cut-offs and analyses your study needs.` +
    (opts.aggregateNote && r.format === 'long' ? `\n ${opts.aggregateNote}` : '');
  const vars = doc.get('variables', true) as YAMLMap;
  for (const s of r.suggestions) {
    const node = vars.get(s.variable, true) as { comment?: string; flow?: boolean } | undefined;
    if (!node) continue;
    if (isMap(node)) node.flow = true;
    const notes = [CANONICAL[s.variable].label];
    if (s.unitFrom === 'values') notes.push(`unit guessed from the values`);
    if (s.score < 1) notes.push('partial name match: check');
    if (s.note) notes.push(s.note);
    node.comment = ` ${notes.join('; ')}`;
  }
  for (const key of ['derived', 'endpoints']) {
    const seq = doc.get(key, true) as { items?: unknown[] } | undefined;
    for (const it of (seq?.items ?? []) as { value?: unknown; flow?: boolean }[]) {
      const node = (it as { value?: { flow?: boolean } }).value ?? it;
      if (isMap(node)) node.flow = true;
    }
  }
  return doc.toString({ lineWidth: 120 });
}
