/**
 * Checks what the schema cannot: every name a study file uses (in derivations, endpoints,
 * population, cut-offs and analyses) is defined, sources exist, names are unique, long data
 * has a draw date and date arithmetic has a time origin. Each refusal names the field and line.
 *
 * @example
 * checkReferences(spec, loc) // throws "study.yaml, line 20, field endpoints.os.events[0]: no variable 'deth' …"
 */
import { dataError } from '../errors.js';
import { closestName } from '../io/closestName.js';
import { competingMessages, studyMessages } from '../messages/index.js';
import type { SpecLocator, SpecPath } from './specLocator.js';
import { asMapping, specNames } from './specNames.js';
import type { Candidate, StudySpec } from './types.js';
import { isCanonical } from './canonical.js';

export function checkReferences(spec: StudySpec, loc: SpecLocator): void {
  const names = specNames(spec);
  const known = [...names.variables.keys()];
  const fail = (path: SpecPath, msg: (w: string) => string, key = false): never => {
    throw dataError(msg(loc.where(path, key)));
  };
  const variable = (name: string, path: SpecPath) => {
    if (!names.variables.has(name)) fail(path, (w) => studyMessages.unknownVariable(w, name, closestName(name, known)));
  };
  const dateVar = (name: string, path: SpecPath) => {
    variable(name, path);
    if (!names.dates.has(name)) fail(path, (w) => studyMessages.notADate(w, name));
  };
  const endpoint = (name: string, path: SpecPath) => {
    if (!names.endpoints.includes(name)) fail(path, (w) => studyMessages.unknownEndpoint(w, name, names.endpoints));
  };
  const defaultOrigin = names.dates.has('treatmentDate') ? 'treatmentDate' : names.dates.has('baselineDate') ? 'baselineDate' : null;

  // Sources.
  const ids = names.sources;
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) fail(['sources', i, 'id'], (w) => studyMessages.duplicateName(w, id));
  });
  spec.sources.forEach((s, i) => {
    if (s.format === 'long') {
      if (!s.dateColumn && !spec.variables.drawDate) fail(['sources', i], (w) => studyMessages.noDateColumn(w));
      if (!s.idColumn && !spec.variables.patientId) fail(['sources', i], (w) => studyMessages.noPatientId(w));
    }
  });
  if (spec.sources.length > 1 && !spec.variables.patientId) fail(['variables'], (w) => studyMessages.noPatientId(w));
  const checkMapping = (m: string | undefined | object, path: SpecPath) => {
    if (m === undefined) return;
    const src = asMapping(m as never).source;
    if (src !== undefined && !ids.includes(src)) fail([...path, 'source'], (w) => studyMessages.unknownSource(w, src, ids));
  };
  for (const [k, m] of Object.entries(spec.variables)) checkMapping(m, ['variables', k]);
  for (const [k, m] of Object.entries(spec.covariates ?? {})) {
    if (isCanonical(k)) fail(['covariates', k], (w) => studyMessages.duplicateName(w, k), true);
    checkMapping(m, ['covariates', k]);
  }

  // Derivations: unique names, inputs defined.
  const taken = new Set<string>([...Object.keys(spec.variables), ...Object.keys(spec.covariates ?? {})]);
  (spec.derived ?? []).forEach((d, i) => {
    if (taken.has(d.name)) fail(['derived', i, 'name'], (w) => studyMessages.duplicateName(w, d.name));
    taken.add(d.name);
    if ('of' in d) variable(d.of, ['derived', i, 'of']);
    if ('aggregate' in d) {
      if (d.origin) dateVar(d.origin, ['derived', i, 'origin']);
      else if ((d.aggregate === 'baseline' || d.window) && !defaultOrigin)
        fail(['derived', i], (w) => studyMessages.noOrigin(w, `the ${d.aggregate} of ${d.of}`));
    }
  });

  // Endpoints.
  for (const [name, e] of Object.entries(spec.endpoints ?? {})) {
    const p = ['endpoints', name];
    e.events.forEach((ev, j) => variable(ev, [...p, 'events', j]));
    if (e.eventDates) {
      if (e.eventDates.length !== e.events.length) fail([...p, 'eventDates'], (w) => studyMessages.eventDatesLength(w, e.events.length, e.eventDates!.length));
      e.eventDates.forEach((d, j) => dateVar(d, [...p, 'eventDates', j]));
    }
    if (e.endDate) dateVar(e.endDate, [...p, 'endDate']);
    if (e.origin) dateVar(e.origin, [...p, 'origin']);
    if (e.type === 'competing') {
      e.competing.forEach((ev, j) => {
        variable(ev, [...p, 'competing', j]);
        if (e.events.includes(ev)) fail([...p, 'competing', j], (w) => competingMessages.eventAlsoCompeting(w, ev));
      });
      if (e.competingDates) {
        if (e.competingDates.length !== e.competing.length) fail([...p, 'competingDates'], (w) => competingMessages.competingDatesLength(w, e.competing.length, e.competingDates!.length));
        e.competingDates.forEach((d, j) => dateVar(d, [...p, 'competingDates', j]));
      }
      if (e.competingTime !== undefined) {
        if (e.time === undefined) fail([...p, 'competingTime'], (w) => competingMessages.competingTimeWithoutTime(w));
        variable(e.competingTime, [...p, 'competingTime']);
      }
    }
    const usesTime = e.type !== 'binary' && e.time !== undefined;
    if (e.type !== 'binary' && e.time) variable(e.time, [...p, 'time']);
    const needsDates = !usesTime && (e.type !== 'binary' || e.within !== undefined);
    if (needsDates) {
      if (!e.origin && !defaultOrigin) fail(p, (w) => studyMessages.noOrigin(w, `endpoint '${name}'`));
      const hasEnd = e.endDate || names.dates.has('lastFollowUpDate') || (e.eventDates && e.eventDates.length > 0);
      if (!hasEnd) fail(p, (w) => studyMessages.noEndTime(w));
    }
  }

  // Population.
  (spec.population?.include ?? []).forEach((r, i) => variable(r.variable, ['population', 'include', i, 'variable']));
  (spec.population?.require ?? []).forEach((v, i) => variable(v, ['population', 'require', i]));

  // Cut-offs.
  for (const [v, c] of Object.entries(spec.cutoffs ?? {})) {
    variable(v, ['cutoffs', v]);
    if ('method' in c && c.endpoint) endpoint(c.endpoint, ['cutoffs', v, 'endpoint']);
  }

  // Analyses.
  const a = spec.analyses ?? {};
  const vars = (list: string[] | undefined, path: SpecPath) => (list ?? []).forEach((v, j) => variable(v, [...path, j]));
  if (a.baselineTable) {
    if (a.baselineTable.groupBy) variable(a.baselineTable.groupBy, ['analyses', 'baselineTable', 'groupBy']);
    vars(a.baselineTable.variables, ['analyses', 'baselineTable', 'variables']);
    for (const v of Object.keys(a.baselineTable.summary ?? {})) variable(v, ['analyses', 'baselineTable', 'summary', v]);
  }
  (a.compare ?? []).forEach((c, i) => {
    vars(c.markers, ['analyses', 'compare', i, 'markers']);
    variable(c.groupBy, ['analyses', 'compare', i, 'groupBy']);
  });
  (a.roc ?? []).forEach((r, i) => {
    endpoint(r.endpoint, ['analyses', 'roc', i, 'endpoint']);
    vars(r.markers, ['analyses', 'roc', i, 'markers']);
    (r.combine ?? []).forEach((set, j) => vars(set, ['analyses', 'roc', i, 'combine', j]));
  });
  for (const kind of ['cox', 'logistic'] as const) {
    (a[kind] ?? []).forEach((m, i) => {
      endpoint(m.endpoint, ['analyses', kind, i, 'endpoint']);
      m.candidates.forEach((c, j) => (typeof c === 'string' ? variable(c, ['analyses', kind, i, 'candidates', j]) : variable(c.variable, ['analyses', kind, i, 'candidates', j, 'variable'])));
      if (m.multivariable?.rule === 'declared') vars(m.multivariable.variables, ['analyses', kind, i, 'multivariable', 'variables']);
    });
  }
  (a.cox ?? []).forEach((m, i) => vars(m.timeVarying, ['analyses', 'cox', i, 'timeVarying']));
  (a.km ?? []).forEach((k, i) => {
    endpoint(k.endpoint, ['analyses', 'km', i, 'endpoint']);
    vars(k.by, ['analyses', 'km', i, 'by']);
  });
  (a.survivalAt ?? []).forEach((s, i) => {
    endpoint(s.endpoint, ['analyses', 'survivalAt', i, 'endpoint']);
    vars(s.by, ['analyses', 'survivalAt', i, 'by']);
  });
  if (a.responseRates) {
    if (!names.variables.has('response')) fail(['analyses', 'responseRates'], (w) => studyMessages.unknownVariable(w, 'response', null));
    if (a.responseRates.by) variable(a.responseRates.by, ['analyses', 'responseRates', 'by']);
  }
  (a.maxstat ?? []).forEach((m, i) => {
    endpoint(m.endpoint, ['analyses', 'maxstat', i, 'endpoint']);
    vars(m.markers, ['analyses', 'maxstat', i, 'markers']);
  });
  (a.timeRoc ?? []).forEach((m, i) => {
    endpoint(m.endpoint, ['analyses', 'timeRoc', i, 'endpoint']);
    vars(m.markers, ['analyses', 'timeRoc', i, 'markers']);
    vars(m.lower, ['analyses', 'timeRoc', i, 'lower']);
  });

  // Competing-risks analyses need a competing endpoint; every other analysis a survival or binary one.
  const typeOf = (name: string) => spec.endpoints?.[name]?.type;
  const candidate = (c: Candidate, path: SpecPath) => (typeof c === 'string' ? variable(c, path) : variable(c.variable, [...path, 'variable']));
  (a.cif ?? []).forEach((c, i) => {
    const p: SpecPath = ['analyses', 'cif', i];
    endpoint(c.endpoint, [...p, 'endpoint']);
    if (typeOf(c.endpoint) !== 'competing') fail([...p, 'endpoint'], (w) => competingMessages.needsCompeting(w, 'cif', c.endpoint, typeOf(c.endpoint) ?? ''));
    vars(c.by, [...p, 'by']);
    (c.times ?? []).forEach((t, j) => {
      if (!(t >= 0)) fail([...p, 'times', j], (w) => competingMessages.badCifTime(w, t));
    });
  });
  (a.fineGray ?? []).forEach((m, i) => {
    const p: SpecPath = ['analyses', 'fineGray', i];
    endpoint(m.endpoint, [...p, 'endpoint']);
    if (typeOf(m.endpoint) !== 'competing') fail([...p, 'endpoint'], (w) => competingMessages.needsCompeting(w, 'fineGray', m.endpoint, typeOf(m.endpoint) ?? ''));
    m.covariates.forEach((c, j) => candidate(c, [...p, 'covariates', j]));
  });
  const others: [string, { endpoint: string }[] | undefined][] = [
    ['roc', a.roc], ['cox', a.cox], ['logistic', a.logistic], ['km', a.km], ['survivalAt', a.survivalAt], ['maxstat', a.maxstat], ['timeRoc', a.timeRoc],
    ['splines', a.splines], ['nomogram', a.nomogram], ['calibration', a.calibration], ['validation', a.validation], ['decisionCurve', a.decisionCurve],
  ];
  for (const [kind, list] of others)
    (list ?? []).forEach((m, i) => {
      if (typeOf(m.endpoint) === 'competing') fail(['analyses', kind, i, 'endpoint'], (w) => competingMessages.competingEndpointHere(w, m.endpoint));
    });
  for (const [v, c] of Object.entries(spec.cutoffs ?? {}))
    if ('method' in c && c.endpoint && typeOf(c.endpoint) === 'competing') fail(['cutoffs', v, 'endpoint'], (w) => competingMessages.competingEndpointHere(w, c.endpoint!));
}
