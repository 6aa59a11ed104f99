/**
 * A study file → the analysis-ready dataset: reads the spec (validated, with YAML lines in every
 * message), the data sources, derives indices per blood draw, per-patient aggregates and
 * threshold splits, computes the endpoints, applies the population rules, accounts for every
 * excluded patient in the participant flow and returns typed per-patient columns (+ counting-
 * process rows for Cox models with time-varying covariates).
 *
 * @example
 * const { dataset, flow, warnings } = await loadStudy('study.yaml');
 * flow.screened, flow.analysed          // 200, 186
 * dataset.columns.SII_baseline.values   // Float64Array(186)
 * dataset.endpoints.recurrence          // { type: 'survival', time, event, unit: 'months' }
 */
import type { SourceInput } from '../io/readSource.js';
import { dirname, resolve } from 'node:path';
import { dataError } from '../errors.js';
import { cohortMessages, studyDataMessages } from '../messages/index.js';
import { readSpecFile, type ParsedSpec } from '../study/parseSpec.js';
import { CANONICAL, daysPer, isCanonical } from '../study/canonical.js';
import type { SpecPath } from '../study/specLocator.js';
import type { AggregateDerivation, CompetingEndpoint, Endpoint, InclusionRule, StudySpec, TimeUnit } from '../study/types.js';
import { aggregateDraws, type DayWindow } from './aggregateDraws.js';
import { NotCompiled } from './sql/notCompiled.js';
import { buildPatients, type DerivationEngine, type PatientColumn, type Patients } from './buildPatients.js';
import { countingProcess } from './countingProcess.js';
import type { Dataset, DatasetColumn, EndpointData, TimeVaryingRows } from './dataset.js';
import { analysedMeasurements } from './analysedMeasurements.js';
import { drawIndex, INDEX_INPUTS } from './drawIndex.js';
import { eventWithin, survivalTime, type EndpointInputs } from './endpointTime.js';
import { competingTime } from './competingTime.js';
import type { DataNote, NotedValue } from './dataNote.js';
import { causeCode, DRAW_CAUSE, type MissingCause } from './missingCause.js';
import { buildFlow, causeDetail, reasonOfCause, REASON_LABEL, type ParticipantFlow, type PatientReason } from './participantFlow.js';
import { daysToIso } from './parseDate.js';
import { gather } from '../stats/gather.js';

export interface StudyLoad {
  readonly spec: StudySpec;
  readonly specFile: string;
  readonly dataset: Dataset;
  readonly flow: ParticipantFlow;
  readonly warnings: readonly string[];
  /** Display names: `label:` from the study file, else the canonical variable's label. */
  readonly labels: Readonly<Record<string, string>>;
  /** Data rows read from each source, in `sources` order (the provenance row counts). */
  readonly sourceRows: readonly number[];
  /** What the results bundle records of each source (name, SHA-256 of the bytes or rows, rows, query). */
  readonly inputs: readonly SourceInput[];
  /** Where the long-format derivations ran, and why JavaScript when DuckDB was asked for (not part of the results: both give the same). */
  /** Where the long source's derivations ran: JavaScript, embedded DuckDB or the PostgreSQL database. */
  readonly derivedIn: { readonly engine: 'js' | 'duckdb' | 'postgres'; readonly note: string | null };
}

export interface LoadOptions {
  /** DuckDB's threads (database sources and the SQL path). */
  readonly threads?: number | null;
  /** Where long-format derivations run (default: SIILAB_ENGINE, else 'auto': DuckDB for a long CSV of 64 MB or more); the results are the same. */
  readonly engine?: DerivationEngine | 'auto';
  /** Told each phase of a long source's derivations as SQL. */
  readonly onProgress?: (phase: string) => void;
}

export async function loadStudy(specPath: string, opts: LoadOptions = {}): Promise<StudyLoad> {
  const parsed = await readSpecFile(specPath);
  return loadParsedStudy(parsed, dirname(resolve(specPath)), opts);
}

interface EndpointCalc {
  name: string;
  spec: Endpoint;
  a: Float64Array;
  b: Float64Array | null;
  cause: (MissingCause | null)[];
}

export async function loadParsedStudy(parsed: ParsedSpec, specDir: string, opts: LoadOptions = {}): Promise<StudyLoad> {
  const env = process.env.SIILAB_ENGINE;
  const engine = opts.engine ?? (env === 'duckdb' || env === 'js' ? env : 'auto');
  const p = await buildPatients(parsed.spec, parsed.loc, specDir, opts.threads, engine, opts.onProgress);
  try {
    return await derive(parsed, p);
  } catch (e) {
    // What failed in the database after the source was opened (the hash of its rows): JavaScript reads it.
    if (!(e instanceof NotCompiled) || !p.engine) throw e;
    await p.engine.close();
    return await derive(parsed, { ...(await buildPatients(parsed.spec, parsed.loc, specDir, opts.threads, 'js')), engineNote: e.message });
  } finally {
    await p.engine?.close();
  }
}

/** The window of an aggregate in days relative to its origin (null: none). */
function dayWindow(d: AggregateDerivation): DayWindow | null {
  const f = d.window ? daysPer(d.window.unit)! : 1;
  return d.window ? { from: (d.window.from ?? NaN) * f, to: (d.window.to ?? NaN) * f } : null;
}

async function derive(parsed: ParsedSpec, p: Patients): Promise<StudyLoad> {
  const { spec, loc } = parsed;
  const warnings = [...p.warnings];
  const n = p.ids.length;
  const where = (path: SpecPath) => loc.where(path);
  const hasLong = p.sources.some((s) => s.format === 'long');

  // Draws grouped by patient (a counting sort: each patient's draws in draw order).
  const drawsOf = groupByPatient(p.draws.patient, n);

  const dateCol = (name: string): Float64Array | null => {
    const c = p.columns.get(name);
    return c && c.kind === 'date' ? (c.values as Float64Array) : null;
  };
  const defaultOrigin = p.columns.has('treatmentDate') ? 'treatmentDate' : p.columns.has('baselineDate') ? 'baselineDate' : null;
  const nan = () => new Float64Array(n).fill(NaN);

  // Aggregates of a long source in DuckDB, run there as SQL before the derivations in JavaScript.
  const inEngine = new Set(p.engine ? p.measured : []);
  const fromEngine = new Map<string, { value: Float64Array; cause: (MissingCause | null)[]; future: number }>();
  for (const d of spec.derived ?? []) {
    if ('index' in d && p.engine) inEngine.add(d.name);
    if (!('aggregate' in d) || !p.engine || !inEngine.has(d.of)) continue;
    const originName = d.origin ?? defaultOrigin;
    fromEngine.set(d.name, await p.engine.aggregate(d.aggregate, d.of, dayWindow(d), originName ? dateCol(originName) : null, n, d.name));
  }

  // Derivations, in the order written.
  (spec.derived ?? []).forEach((d, i) => {
    if ('index' in d) {
      const alts = INDEX_INPUTS[d.index];
      if (!alts.some((alt) => alt.every((v) => p.measured.has(v)))) throw dataError(studyDataMessages.indexInputs(where(['derived', i, 'index']), d.index, alts));
      const nd = p.draws.patient.length;
      const vals = new Float64Array(nd);
      const causes = new Uint8Array(nd);
      const inputs = [...new Set(alts.flat())].filter((v) => p.measured.has(v));
      const counts: Record<string, number> = {};
      const cols = inputs.map((v) => p.draws.values[v]);
      for (let k = 0; k < nd; k++) {
        for (let q = 0; q < inputs.length; q++) counts[inputs[q]] = cols[q][k];
        const r = drawIndex(d.index, counts);
        vals[k] = r.value;
        // A missing input passes its own cause on (implausible count → implausible index).
        const cause = r.cause === 'absent' ? (inputs.map((v) => DRAW_CAUSE[p.draws.causes[v][k]]).find((c) => c === 'implausible' || c === 'missing-code') ?? 'absent') : r.cause;
        causes[k] = causeCode(cause);
      }
      p.draws.values[d.name] = vals;
      p.draws.causes[d.name] = causes;
      p.measured.add(d.name);
      if (!hasLong) p.columns.set(d.name, fromFirstDraw(d.name, vals, causes, drawsOf, n));
    } else if ('aggregate' in d) {
      p.columns.set(d.name, aggregate(d, i));
    } else {
      const src = p.columns.get(d.of);
      if (!src) throw dataError(studyDataMessages.needsAggregate(where(['derived', i, 'of']), d.of));
      if (src.kind !== 'number') throw dataError(studyDataMessages.notNumeric(where(['derived', i, 'of']), d.of));
      const x = src.values as Float64Array;
      const out = nan();
      const cause: (MissingCause | null)[] = [...src.cause];
      for (let k = 0; k < n; k++) if (!Number.isNaN(x[k])) out[k] = d.direction === '>' ? +(x[k] > d.threshold) : +(x[k] >= d.threshold);
      p.columns.set(d.name, { name: d.name, type: 'binary', kind: 'binary', values: out, cause, unit: null, levels: null });
    }
  });

  function aggregate(d: AggregateDerivation, i: number): PatientColumn {
    const originName = d.origin ?? defaultOrigin;
    const origin = originName ? dateCol(originName) : null;
    if (!p.measured.has(d.of)) {
      const col = p.columns.get(d.of);
      if (!col || col.kind !== 'number') throw dataError(studyDataMessages.notMeasured(where(['derived', i, 'of']), d.of));
      return { ...col, name: d.name };
    }
    const vals = p.draws.values[d.of];
    const causes = p.draws.causes[d.of];
    const win = dayWindow(d);
    const out = nan();
    const cause: (MissingCause | null)[] = new Array(n).fill(null);
    const u = p.units.get(d.of);
    let future = 0;
    const sql = fromEngine.get(d.name);
    if (sql) {
      for (let k = 0; k < n; k++) {
        out[k] = u && u.keepFactor !== 1 ? Number((sql.value[k] * u.keepFactor).toPrecision(12)) : sql.value[k];
        cause[k] = sql.cause[k];
      }
      future = sql.future;
    } else for (let k = 0; k < n; k++) {
      const ds = drawsOf(k);
      // plain loops (Array.from with a map function walks an iterator: slow on 660,000 draws)
      const m = ds.length;
      const day: number[] = new Array(m);
      const value: number[] = new Array(m);
      const cz: (typeof DRAW_CAUSE)[number][] = new Array(m);
      let undated = m > 0;
      for (let q = 0; q < m; q++) {
        const x = ds[q];
        day[q] = p.draws.date[x];
        value[q] = vals[x];
        cz[q] = DRAW_CAUSE[causes[x]];
        if (p.draws.undatedAtOrigin[x] !== 1) undated = false;
      }
      const r = aggregateDraws(d.aggregate, { day, value, cause: cz }, origin ? origin[k] : NaN, win, undated);
      // Draws are in the canonical unit; a keepUnit variable's aggregate is given in its declared unit.
      out[k] = u && u.keepFactor !== 1 ? Number((r.value * u.keepFactor).toPrecision(12)) : r.value;
      cause[k] = r.cause;
      if (r.afterOrigin) future++;
    }
    if (future) warnings.push(cohortMessages.futureInformation(d.name, `${d.aggregate} of ${d.of}`, future));
    return { name: d.name, type: 'number', kind: 'number', values: out, cause, unit: u?.unit ?? p.columns.get(d.of)?.unit ?? null, convertedFrom: u?.convertedFrom ?? null, levels: null };
  }

  // Endpoints.
  const endpoints: EndpointCalc[] = Object.entries(spec.endpoints ?? {}).map(([name, e]) => computeEndpoint(name, e));
  /** The indicator columns of an endpoint's events (each must be a binary variable). */
  function indicators(list: readonly string[], path: SpecPath): Float64Array[] {
    return list.map((ev, j) => {
      const c = p.columns.get(ev);
      if (!c || c.kind !== 'binary') throw dataError(studyDataMessages.notBinaryVariable(where([...path, j]), ev));
      return c.values as Float64Array;
    });
  }
  /** A follow-up time variable in the endpoint's unit (kept exactly when the units agree). */
  function timeColumn(variable: string, path: SpecPath, timeUnit: TimeUnit | undefined, outUnit: TimeUnit | undefined): Float64Array {
    const tc = p.columns.get(variable);
    if (!tc || tc.kind !== 'number') throw dataError(studyDataMessages.notNumeric(where(path), variable));
    const unit = (timeUnit ?? (tc.unit && daysPer(tc.unit) !== null ? tc.unit : 'months')) as TimeUnit;
    const f = daysPer(unit)! / daysPer(outUnit ?? 'months')!;
    return f === 1 ? (tc.values as Float64Array) : (tc.values as Float64Array).map((x) => x * f);
  }
  function computeCompeting(name: string, e: CompetingEndpoint): EndpointCalc {
    const path: SpecPath = ['endpoints', name];
    const events = indicators(e.events, [...path, 'events']);
    const competing = indicators(e.competing, [...path, 'competing']);
    const endDay = dateCol(e.endDate ?? 'lastFollowUpDate');
    const eventDays = e.events.map((ev, j) => dateCol(e.eventDates?.[j] ?? `${ev}Date`) ?? endDay);
    const competingDays = e.competing.map((ev, j) => dateCol(e.competingDates?.[j] ?? `${ev}Date`) ?? endDay);
    const originName = e.origin ?? defaultOrigin;
    const origin = originName ? dateCol(originName) : null;
    const useTime = e.time !== undefined;
    const time = useTime ? timeColumn(e.time!, [...path, 'time'], e.timeUnit, e.unit) : null;
    const ctime = useTime && e.competingTime !== undefined ? timeColumn(e.competingTime, [...path, 'competingTime'], e.timeUnit, e.unit) : null;
    const out = daysPer(e.unit ?? 'months')!;
    const h = !e.horizon ? null : useTime && e.horizon.unit === (e.unit ?? 'months') ? e.horizon.value : (e.horizon.value * daysPer(e.horizon.unit)!) / (useTime ? out : 1);
    const a = nan();
    const b = nan();
    const cause: (MissingCause | null)[] = new Array(n).fill(null);
    for (let k = 0; k < n; k++) {
      const r = competingTime(
        {
          origin: origin ? origin[k] : NaN,
          events: events.map((v) => v[k]),
          eventDays: eventDays.map((v) => (v ? v[k] : NaN)),
          competing: competing.map((v) => v[k]),
          competingDays: competingDays.map((v) => (v ? v[k] : NaN)),
          endDay: endDay ? endDay[k] : NaN,
          time: time ? time[k] : NaN,
          competingTime: ctime ? ctime[k] : NaN,
        },
        h,
        useTime,
      );
      a[k] = useTime ? r.time : r.time / out;
      b[k] = r.status;
      cause[k] = r.cause;
    }
    return { name, spec: e, a, b, cause };
  }
  function computeEndpoint(name: string, e: Endpoint): EndpointCalc {
    if (e.type === 'competing') return computeCompeting(name, e);
    const path: SpecPath = ['endpoints', name];
    const events = indicators(e.events, [...path, 'events']);
    const endDay = dateCol(e.endDate ?? 'lastFollowUpDate');
    const eventDays = e.events.map((ev, j) => dateCol(e.eventDates?.[j] ?? `${ev}Date`) ?? endDay);
    const originName = e.origin ?? defaultOrigin;
    const origin = originName ? dateCol(originName) : null;
    const useTime = e.type === 'survival' && e.time !== undefined;
    let timeDays: Float64Array | null = null;
    // Kept in the endpoint's unit (exactly, when the units agree) rather than in days.
    if (useTime && e.type === 'survival') timeDays = timeColumn(e.time!, [...path, 'time'], e.timeUnit, e.unit);
    const a = nan();
    const b = e.type === 'survival' ? nan() : null;
    const cause: (MissingCause | null)[] = new Array(n).fill(null);
    for (let k = 0; k < n; k++) {
      const x: EndpointInputs = {
        origin: origin ? origin[k] : NaN,
        events: events.map((v) => v[k]),
        eventDays: eventDays.map((v) => (v ? v[k] : NaN)),
        endDay: endDay ? endDay[k] : NaN,
        timeDays: timeDays ? timeDays[k] : NaN,
      };
      if (e.type === 'survival') {
        const out = daysPer(e.unit ?? 'months')!;
        const h = !e.horizon ? null : useTime && e.horizon.unit === (e.unit ?? 'months') ? e.horizon.value : (e.horizon.value * daysPer(e.horizon.unit)!) / (useTime ? out : 1);
        const r = survivalTime(x, h, useTime);
        a[k] = useTime ? r.time : r.time / out;
        b![k] = r.event;
        cause[k] = r.cause;
      } else {
        const w = e.within ? e.within.value * daysPer(e.within.unit)! : null;
        const r = eventWithin(x, w, false);
        a[k] = r.value;
        cause[k] = r.cause;
      }
    }
    return { name, spec: e, a, b, cause };
  }

  // Population and exclusions.
  const reasons: PatientReason[][] = Array.from({ length: n }, () => []);
  (spec.population?.include ?? []).forEach((rule, i) => {
    const col = p.columns.get(rule.variable);
    if (!col) throw dataError(studyDataMessages.needsAggregate(where(['population', 'include', i, 'variable']), rule.variable));
    const label = rule.label ?? ruleLabel(rule);
    for (let k = 0; k < n; k++) {
      const v = col ? col.values[k] : null;
      if (!passes(rule, v)) reasons[k].push({ reason: 'not-eligible', variable: rule.variable, value: shownValue(v, col), detail: `${rule.variable} = ${show(v, col)}: ${label}`, label });
    }
  });
  p.duplicate.forEach((dup, k) => {
    if (dup) reasons[k].push({ reason: 'duplicate-id', variable: null, detail: `patient id ${p.ids[k]} is on ${p.rowsOf(k).filter((r) => r.file === p.sources[0].table.file).length} rows` });
  });
  const required = spec.population?.require ?? [
    ...(spec.derived ?? []).map((d) => d.name).filter((nm) => p.columns.has(nm)),
  ];
  if (p.engine) {
    // The rows of a long source in DuckDB are fetched for the patients the flow lists.
    const listed: number[] = [];
    const cols = required.map((name) => p.columns.get(name));
    for (let k = 0; k < n; k++) {
      const missing = cols.some((c) => c && (c.values[k] === null || (typeof c.values[k] === 'number' && Number.isNaN(c.values[k] as number))));
      if (reasons[k].length || missing || endpoints.some((e) => e.cause[k])) listed.push(k);
    }
    await p.prefetchRows(listed);
  }
  // The value behind a patient's missing value (row, variable, value as written), from the data notes.
  const NOTE_OF: Partial<Record<MissingCause, DataNote['kind']>> = { implausible: 'implausible', 'missing-code': 'missing-code', 'zero-lymphocytes': 'zero' };
  const notedAt = new Map<string, { note: DataNote; value: NotedValue }>();
  for (const note of p.notes) for (const r of note.rows) if (!notedAt.has(`${note.kind}\u0000${note.file}\u0000${r.row}`)) notedAt.set(`${note.kind}\u0000${note.file}\u0000${r.row}`, { note, value: r });
  const behind = (k: number, cause: MissingCause) => {
    const kind = NOTE_OF[cause];
    if (!kind) return null;
    for (const r of p.rowsOf(k)) {
      const hit = notedAt.get(`${kind}\u0000${r.file}\u0000${r.row}`);
      if (hit) return hit;
    }
    return null;
  };
  for (const [i, name] of required.entries()) {
    const c = p.columns.get(name);
    if (!c) throw dataError(studyDataMessages.needsAggregate(where(['population', 'require', i]), name));
    for (let k = 0; k < n; k++) {
      const v = c.values[k];
      if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
        const cause = c.cause[k] ?? 'absent';
        const b = behind(k, cause);
        const detail = causeDetail(name, cause) + (b ? ` (${b.note.variable}, ${b.note.file} ${cohortMessages.notedRow(b.value.row, b.value.value, null, b.note.kind === 'missing-code' ? null : b.note.unit, b.value.fits)})` : '');
        reasons[k].push({ reason: reasonOfCause(cause), variable: name, value: b ? b.value.value : null, detail });
      }
    }
  }
  for (const e of endpoints) {
    for (let k = 0; k < n; k++) {
      const c = e.cause[k];
      if (c) reasons[k].push({ reason: reasonOfCause(c), variable: e.name, detail: causeDetail(`endpoint ${e.name}`, c) });
    }
  }
  const flow = buildFlow(n, p.ids.map((id, k) => ({ id, rows: reasons[k].length ? p.rowsOf(k) : [], reasons: reasons[k] })), p.notes);
  if (flow.analysed === 0) {
    throw dataError(cohortMessages.allExcluded(n, flow.steps.map((s) => `${s.n} ${s.label}`).join(', ') + (flow.excluded[0] ? `; e.g. patient ${flow.excluded[0].id}: ${flow.excluded[0].detail}` : '')));
  }

  // The dataset of analysed patients.
  const keep: number[] = [];
  for (let k = 0; k < n; k++) if (reasons[k].length === 0) keep.push(k);
  const pos = new Int32Array(n).fill(-1);
  keep.forEach((k, i) => (pos[k] = i));
  const pick = (x: Float64Array) => gather(x, keep);
  const columns: Record<string, DatasetColumn> = {};
  for (const [name, c] of p.columns) {
    if (c.kind === 'label') {
      const vals = keep.map((k) => (c.values as (string | null)[])[k]);
      // Declared levels are kept in their order; inferred ones are those the analysed patients have.
      const levels = c.declaredLevels ? (c.levels ?? []) : (c.levels ?? []).filter((l) => vals.includes(l));
      columns[name] = { name, kind: 'label', type: c.type, values: vals, levels };
    } else if (c.kind === 'number') columns[name] = { name, kind: 'number', type: c.type, values: pick(c.values as Float64Array), unit: c.unit, convertedFrom: c.convertedFrom ?? null };
    else if (c.kind === 'binary') columns[name] = { name, kind: 'binary', type: 'binary', values: pick(c.values as Float64Array) };
    else columns[name] = { name, kind: 'date', type: 'date', values: pick(c.values as Float64Array) };
  }
  const endpointData: Record<string, EndpointData> = {};
  for (const e of endpoints) {
    endpointData[e.name] =
      e.spec.type === 'survival'
        ? { name: e.name, type: 'survival', time: pick(e.a), event: pick(e.b!), unit: e.spec.unit ?? 'months', horizon: e.spec.horizon ?? null, events: [...e.spec.events] }
        : e.spec.type === 'competing'
          ? { name: e.name, type: 'competing', time: pick(e.a), status: pick(e.b!), unit: e.spec.unit ?? 'months', horizon: e.spec.horizon ?? null, events: [...e.spec.events], competing: [...e.spec.competing] }
          : { name: e.name, type: 'binary', value: pick(e.a), within: e.spec.within ?? null };
  }
  const origin = defaultOrigin ? dateCol(defaultOrigin) : null;
  const measurementsOf = analysedMeasurements(p.draws, p.measured, p.drawsComplete, pos, origin);
  const timeVarying: Record<string, TimeVaryingRows> = {};
  (spec.analyses?.cox ?? []).forEach((c, i) => {
    if (!c.timeVarying?.length) return;
    const ep = endpointData[c.endpoint];
    if (ep.type !== 'survival') throw dataError(studyDataMessages.timeVaryingNeedsSurvival(where(['analyses', 'cox', i, 'endpoint']), c.endpoint));
    c.timeVarying.forEach((m, j) => {
      if (!p.measured.has(m)) throw dataError(studyDataMessages.timeVaryingNotMeasured(where(['analyses', 'cox', i, 'timeVarying', j]), m));
    });
    const f = daysPer(ep.unit)!;
    const measurements = measurementsOf();
    const rowsTv = countingProcess(
      { time: ep.time, event: ep.event },
      {
        patient: measurements.patient,
        time: measurements.day.map((x) => x / f),
        values: Object.fromEntries(c.timeVarying.map((m) => [m, measurements.values[m]])),
      },
    );
    timeVarying[`${c.endpoint}:${c.timeVarying.join(',')}`] = { ...rowsTv, endpoint: c.endpoint, unit: ep.unit };
  });
  const fields = { n: keep.length, ids: keep.map((k) => p.ids[k]), columns, endpoints: endpointData, timeVarying };
  const dataset = Object.freeze(Object.defineProperty(fields, 'measurements', { get: measurementsOf, enumerable: true })) as unknown as Dataset;
  const settled = await p.settledSources();
  return {
    spec, specFile: loc.file, dataset, flow, warnings, labels: studyLabels(spec), sourceRows: settled.map((s) => s.input.rows), inputs: settled.map((s) => s.input),
    derivedIn: { engine: p.engine ? p.engine.engine : 'js', note: p.engineNote },
  };
}

/** Display names of the spec's variables and endpoints. */
export function studyLabels(spec: StudySpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, m] of Object.entries(spec.variables)) {
    if (m === undefined) continue;
    const l = typeof m === 'string' ? undefined : m.label;
    out[name] = l ?? (isCanonical(name) ? CANONICAL[name].label : name);
  }
  for (const [name, m] of Object.entries(spec.covariates ?? {})) if (typeof m !== 'string' && m.label) out[name] = m.label;
  for (const d of spec.derived ?? []) if (d.label) out[d.name] = d.label;
  for (const [name, e] of Object.entries(spec.endpoints ?? {})) if (e.label) out[name] = e.label;
  return out;
}

/** The draws of each patient, in draw order: drawsOf(k) is a view of one flat array. */
function groupByPatient(patient: Int32Array, n: number): (k: number) => Int32Array {
  const start = new Int32Array(n + 1);
  for (let d = 0; d < patient.length; d++) start[patient[d] + 1]++;
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const list = new Int32Array(patient.length);
  for (let d = 0; d < patient.length; d++) list[fill[patient[d]]++] = d;
  return (k) => list.subarray(start[k], start[k + 1]);
}

function fromFirstDraw(name: string, vals: Float64Array, causes: Uint8Array, drawsOf: (k: number) => Int32Array, n: number): PatientColumn {
  const out = new Float64Array(n).fill(NaN);
  const cause: (MissingCause | null)[] = new Array(n).fill('absent');
  for (let k = 0; k < n; k++) {
    const ds = drawsOf(k);
    const d = ds.length ? ds[0] : undefined;
    if (d === undefined) continue;
    out[k] = vals[d];
    cause[k] = Number.isNaN(vals[d]) ? DRAW_CAUSE[causes[d]] ?? 'absent' : null;
  }
  return { name, type: 'number', kind: 'number', values: out, cause, unit: null, levels: null };
}

function passes(rule: InclusionRule, v: number | string | null): boolean {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return false;
  if (rule.in && !rule.in.map(String).includes(String(v))) return false;
  if (rule.min !== undefined && !(Number(v) >= rule.min)) return false;
  if (rule.max !== undefined && !(Number(v) <= rule.max)) return false;
  return true;
}

function ruleLabel(rule: InclusionRule): string {
  const parts: string[] = [];
  if (rule.in) parts.push(`${rule.variable} not in ${rule.in.join(', ')}`);
  if (rule.min !== undefined) parts.push(`${rule.variable} < ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.variable} > ${rule.max}`);
  return `${REASON_LABEL['not-eligible']}: ${parts.join(' or ') || rule.variable}`;
}

/** The value as the flow lists it: null when missing, a date as ISO text. */
function shownValue(v: number | string | null, col: PatientColumn | undefined): string | number | null {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return null;
  return col?.kind === 'date' && typeof v === 'number' ? daysToIso(v) : v;
}

function show(v: number | string | null, col: PatientColumn | undefined): string {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return 'missing';
  if (col?.kind === 'date' && typeof v === 'number') return daysToIso(v);
  return String(v);
}
