/**
 * Reads and validates a cohort profile (YAML). Every refusal names the file, the field path and
 * the YAML line.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, isMap, isSeq, type Node } from 'yaml';
import { dataError } from '../errors.js';
import { simulateMessages as M } from '../messages/index.js';
import type { CohortProfile } from './profile.js';

export function loadProfile(file: string): CohortProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw dataError(M.profileUnreadable(file, 'no such file'));
  }
  return parseProfile(file, text);
}

export function parseProfile(file: string, text: string): CohortProfile {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) throw dataError(M.profileUnreadable(file, doc.errors[0].message.split('\n')[0]));
  const lineOf = (path: (string | number)[]): number | null => {
    const node = doc.getIn(path, true) as Node | undefined;
    const off = node?.range?.[0];
    return off === undefined ? null : text.slice(0, off).split('\n').length;
  };
  const fail = (path: (string | number)[], problem: string): never => {
    throw dataError(M.profileField(file, path.join('.'), problem, lineOf(path)));
  };
  if (!isMap(doc.contents)) throw dataError(M.profileUnreadable(file, 'the top level must be a mapping'));
  const p = doc.toJS() as Record<string, any>;
  for (const k of ['id', 'title', 'groupBy']) if (typeof p[k] !== 'string' || !p[k]) fail([k], 'is required and must be text.');
  if (!Number.isInteger(p.seed)) fail(['seed'], 'must be an integer.');
  if (!isSeq(doc.get('groups')) || !p.groups.length) fail(['groups'], 'must list at least one group.');
  p.groups.forEach((g: any, i: number) => {
    if (typeof g?.label !== 'string') fail(['groups', i, 'label'], 'must be text (quote numbers: "1").');
    if (!Number.isInteger(g.n) || g.n < 1) fail(['groups', i, 'n'], 'must be a positive integer.');
  });
  const G = p.groups.length;
  const perGroup = (path: (string | number)[], v: any, positive: boolean) => {
    const arr = Array.isArray(v) ? v : [v];
    if (!arr.length || arr.length > G || !arr.every((x: any) => typeof x === 'number' && Number.isFinite(x) && (!positive || x > 0)))
      fail(path, `must be ${positive ? 'a positive number' : 'a number'} or a list of one per group (${G}).`);
  };
  const names = new Set<string>();
  (p.variables ?? []).forEach((v: any, i: number) => {
    const at = ['variables', i];
    if (typeof v?.name !== 'string') fail([...at, 'name'], 'is required.');
    if (names.has(v.name)) fail([...at, 'name'], `repeats '${v.name}'.`);
    names.add(v.name);
    if (v.type === 'categorical') {
      if (!Array.isArray(v.levels) || v.levels.length < 2) fail([...at, 'levels'], 'must list at least two levels.');
      v.levels = v.levels.map(String);
      if (!Array.isArray(v.counts) || v.counts.length !== G) fail([...at, 'counts'], `must have one row of counts per group (${G}).`);
      v.counts.forEach((row: any, g: number) => {
        if (!Array.isArray(row) || row.length !== v.levels.length || !row.every((c: any) => Number.isInteger(c) && c >= 0))
          fail([...at, 'counts', g], `must be ${v.levels.length} non-negative integers (one per level).`);
        const sum = row.reduce((a: number, b: number) => a + b, 0);
        if (sum !== p.groups[g].n) throw dataError(M.countsDoNotSum(file, v.name, p.groups[g].label, sum, p.groups[g].n));
      });
    } else if (v.type === 'normal' || v.type === 'lognormal') {
      perGroup([...at, 'mean'], v.mean, v.type === 'lognormal');
      perGroup([...at, 'sd'], v.sd, true);
    } else fail([...at, 'type'], "must be 'normal', 'lognormal' or 'categorical'.");
  });
  if (p.blood) {
    if (!names.has(p.blood.sii)) fail(['blood', 'sii'], `names '${p.blood.sii}', which is not a variable.`);
    perGroup(['blood', 'lymphocytes', 'mean'], p.blood.lymphocytes?.mean, true);
    perGroup(['blood', 'lymphocytes', 'sd'], p.blood.lymphocytes?.sd, true);
    if (p.blood.platelets?.variable !== undefined) {
      if (!names.has(p.blood.platelets.variable)) fail(['blood', 'platelets', 'variable'], 'is not a variable.');
    } else {
      perGroup(['blood', 'platelets', 'mean'], p.blood.platelets?.mean, true);
      perGroup(['blood', 'platelets', 'sd'], p.blood.platelets?.sd, true);
    }
  }
  (p.endpoints ?? []).forEach((e: any, i: number) => {
    const at = ['endpoints', i];
    if (typeof e?.name !== 'string') fail([...at, 'name'], 'is required.');
    if (!(e.horizon > 0)) fail([...at, 'horizon'], 'must be a positive number of months.');
    if (e.median === undefined && e.eventProportion === undefined && !e.eventGroups) fail(at, 'needs a median, an eventProportion or eventGroups.');
    if (e.eventProportion !== undefined && !(e.eventProportion > 0 && e.eventProportion < 1)) fail([...at, 'eventProportion'], 'must be between 0 and 1.');
    if (e.before !== undefined && !(p.endpoints ?? []).some((x: any) => x?.name === e.before)) fail([...at, 'before'], `names '${e.before}', which is not an endpoint.`);
    (e.effects ?? []).forEach((f: any, k: number) => {
      if (!names.has(f.variable) && f.variable !== p.groupBy) fail([...at, 'effects', k, 'variable'], `names '${f.variable}', which is not a variable.`);
      if (!(f.hazardRatio > 0)) fail([...at, 'effects', k, 'hazardRatio'], 'must be a positive number.');
    });
  });
  if (p.repeated && (!Array.isArray(p.repeated.schedule) || !(p.repeated.cv >= 0))) fail(['repeated'], 'needs a schedule (months) and a cv.');
  p.citation = p.citation ?? '';
  return p as CohortProfile;
}
