/**
 * Reads the studies of a meta-analysis from a table (CSV/TSV/XLSX) or a YAML file into effect
 * sizes on the log scale with their variances, refusing bad rows with one message that names the
 * file, the row and the column, and warning (not refusing) about a CI that is not symmetric on the
 * log scale, as the paper audit does.
 *
 * One row per study; columns (case-insensitive; the first complete form wins):
 * - `yi` (or log_hr, log_or, log_rr, log_ratio) with `se` (or vi);
 * - a ratio `hr` | `or` | `rr` | `ratio` with `lower` and `upper` (95% unless `ci_level`):
 *   SE = (log upper − log lower)/(2·z);
 * - counts `events1`, `total1`, `events2`, `total2` (group 1 e.g. high SII): log OR or log RR
 *   (`--measure OR|RR`, default OR) as metafor's escalc.
 * Optional: `study` (label), `n`, and any column named by --by (subgroup) or --moderator.
 * YAML: `{ measure?: HR, title?: …, studies: [ { study: …, hr: …, lower: …, upper: … }, … ] }`.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { dataError, analysisError } from '../errors.js';
import { metaMessages as M } from '../messages/meta.js';
import { readTable, type ReadTableOptions } from '../io/readTable.js';
import { isMissingCell, rowNumber, type Cell, type Table } from '../io/table.js';
import { seFromRatioCi } from '../stats/meta/seFromRatioCi.js';
import { binaryEffectSize } from '../stats/meta/binaryEffectSize.js';
import { qnorm } from '../stats/dist/index.js';

export type MetaMeasure = 'HR' | 'OR' | 'RR' | 'ratio';

export interface MetaStudy {
  readonly label: string;
  /** "file, row 3 (study 'hong2021')": where messages point. */
  readonly where: string;
  readonly yi: number;
  readonly vi: number;
  readonly se: number;
  readonly source: 'se' | 'ci' | 'counts';
  /** The ratio and CI as given (when given), else exp(yi ± 1.96·se). */
  readonly ratio: number;
  readonly lower: number;
  readonly upper: number;
  readonly n: number | null;
  readonly subgroup: string | null;
  readonly moderator: number | null;
  /** The CI is not symmetric on the log scale beyond rounding (a warning was given). */
  readonly asymmetricCi: boolean;
  /** 1/2 was added to the cells of a table with a zero cell. */
  readonly continuityCorrected: boolean;
}

export interface MetaStudies {
  readonly file: string;
  readonly title: string | null;
  readonly measure: MetaMeasure;
  readonly studies: readonly MetaStudy[];
  readonly warnings: readonly string[];
}

export interface ReadMetaOptions {
  readonly measure?: MetaMeasure | null;
  readonly by?: string | null;
  readonly moderator?: string | null;
  readonly table?: ReadTableOptions;
}

const ALIASES = {
  study: ['study', 'label', 'author', 'id', 'name'],
  yi: ['yi', 'log_hr', 'loghr', 'log_or', 'logor', 'log_rr', 'logrr', 'log_ratio'],
  se: ['se', 'sei', 'se_log'],
  vi: ['vi', 'var'],
  ratio: ['hr', 'or', 'rr', 'ratio'],
  lower: ['lower', 'ci_lower', 'lcl', 'lower95', 'ci_lb', 'll'],
  upper: ['upper', 'ci_upper', 'ucl', 'upper95', 'ci_ub', 'ul'],
  level: ['ci_level', 'level'],
  n: ['n', 'patients'],
  events1: ['events1'],
  total1: ['total1'],
  events2: ['events2'],
  total2: ['total2'],
} as const;

const MEASURE_OF: Readonly<Record<string, MetaMeasure>> = { hr: 'HR', or: 'OR', rr: 'RR', ratio: 'ratio', log_hr: 'HR', loghr: 'HR', log_or: 'OR', logor: 'OR', log_rr: 'RR', logrr: 'RR' };

/** z of the 95% interval drawn for studies given with an SE or counts. */
const Z95 = qnorm(0.975);

const text = (c: Cell): string | null => (isMissingCell(c) ? null : typeof c === 'number' ? String(c) : c!.trim());

/** The studies of `file` (CSV/TSV/XLSX or .yaml/.yml). */
export async function readMetaStudies(file: string, path: string, options: ReadMetaOptions = {}): Promise<MetaStudies> {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      throw dataError(`${file}: no such file.`);
    }
    const y = yamlTable(file, raw);
    return metaStudiesFromTable(y.table, { ...options, measure: options.measure ?? y.measure }, y.title, 'yaml');
  }
  return metaStudiesFromTable(await readTable(path, options.table ?? {}), options, null, 'table');
}

/** A YAML study list as a Table (columns: the union of the studies' keys). */
export function yamlTable(file: string, raw: string): { table: Table; measure: MetaMeasure | null; title: string | null } {
  const doc = parseDocument(raw);
  if (doc.errors[0]) throw dataError(M.yamlSyntax(file, doc.errors[0].message.split('\n')[0]));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw dataError(M.yamlSyntax(file, e instanceof Error ? e.message.split('\n')[0] : String(e)));
  }
  const obj = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const list = Array.isArray(data) ? data : obj.studies;
  if (!Array.isArray(list)) throw dataError(M.yamlNoStudies(file));
  const cols: string[] = [];
  list.forEach((s, i) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw dataError(M.yamlNotMap(file, i));
    for (const k of Object.keys(s)) if (!cols.includes(k)) cols.push(k);
  });
  const rows = list.map((s: Record<string, unknown>) => cols.map((c) => {
    const v = s[c];
    return v === undefined || v === null ? null : typeof v === 'number' ? v : String(v);
  }));
  const m = typeof obj.measure === 'string' ? (MEASURE_OF[obj.measure.toLowerCase()] ?? null) : null;
  return { table: { file, sheet: null, columns: cols, rows }, measure: m, title: typeof obj.title === 'string' ? obj.title : null };
}

/** Effect sizes from a Table of studies. `kind` only changes how rows are named in messages. */
export function metaStudiesFromTable(t: Table, options: ReadMetaOptions, title: string | null, kind: 'table' | 'yaml'): MetaStudies {
  const lower = t.columns.map((c) => c.trim().toLowerCase());
  const col = (names: readonly string[]): number => {
    for (const n of names) {
      const j = lower.indexOf(n);
      if (j >= 0) return j;
    }
    return -1;
  };
  const named = (name: string, option: string): number => {
    const j = t.columns.indexOf(name) >= 0 ? t.columns.indexOf(name) : lower.indexOf(name.toLowerCase());
    if (j < 0) throw dataError(M.noColumn(t.file, name, option, t.columns));
    return j;
  };
  const J = Object.fromEntries(Object.entries(ALIASES).map(([k, v]) => [k, col(v)])) as Record<keyof typeof ALIASES, number>;
  const jBy = options.by ? named(options.by, '--by') : -1;
  const jMod = options.moderator ? named(options.moderator, '--moderator') : -1;
  if (t.rows.length === 0) throw dataError(M.empty(t.file));
  const ratioName = J.ratio >= 0 ? lower[J.ratio] : null;
  const yiName = J.yi >= 0 ? lower[J.yi] : null;
  const countMeasure: 'OR' | 'RR' = options.measure === 'RR' ? 'RR' : 'OR';
  const warnings: string[] = [];
  const used = new Set<MetaMeasure>();
  const studies: MetaStudy[] = [];
  t.rows.forEach((r, i) => {
    const get = (j: number): string | null => (j >= 0 ? text(r[j]) : null);
    const label = get(J.study) ?? `study ${i + 1}`;
    const where = kind === 'yaml' ? `${t.file}, studies[${i}] (study '${label}')` : `${t.file}, row ${rowNumber(i, t)} (study '${label}')`;
    const num = (j: number): number | null => {
      const s = get(j);
      if (s === null) return null;
      const v = Number(s);
      if (!Number.isFinite(v)) throw dataError(M.notNumber(where, t.columns[j], s));
      return v;
    };
    let level = 0.95;
    const lv = num(J.level);
    if (lv !== null) {
      level = lv > 1 ? lv / 100 : lv;
      if (!(level > 0.5 && level < 1)) throw dataError(M.badCiLevel(where, String(lv)));
    }
    let yi: number, se: number, source: MetaStudy['source'], ratio: number, lo: number, hi: number;
    let asymmetric = false, corrected = false;
    const yiV = num(J.yi), seV = num(J.se), viV = num(J.vi);
    const rT = get(J.ratio), lT = get(J.lower), uT = get(J.upper);
    const counts = [J.events1, J.total1, J.events2, J.total2].map(num);
    if (yiV !== null && (seV !== null || viV !== null)) {
      if (seV !== null && !(seV > 0)) throw dataError(M.badSe(where, t.columns[J.se], String(seV)));
      if (seV === null && !((viV as number) > 0)) throw dataError(M.badSe(where, t.columns[J.vi], String(viV)));
      yi = yiV;
      se = seV ?? Math.sqrt(viV as number);
      source = 'se';
      if (yiName) used.add(MEASURE_OF[yiName] ?? 'ratio');
      ratio = Math.exp(yi);
      lo = Math.exp(yi - Z95 * se);
      hi = Math.exp(yi + Z95 * se);
    } else if (rT !== null || (yiV !== null && (lT !== null || uT !== null))) {
      const rCol = rT !== null ? t.columns[J.ratio] : t.columns[J.yi];
      const rText = rT ?? String(Math.exp(yiV as number));
      if (lT === null && uT === null) throw dataError(M.noSeNoCi(where, rCol));
      if (lT === null || uT === null) throw dataError(M.halfCi(where, lT === null ? 'lower' : 'upper'));
      const rv = Number(rText);
      if (!(rv > 0)) throw dataError(M.badRatio(where, rCol, rText));
      const e = seFromRatioCi(rText, lT, uT, level);
      if (!e) throw dataError(M.badCi(where, lT, uT));
      const measureName = rT !== null && ratioName ? (MEASURE_OF[ratioName] ?? 'ratio') : 'ratio';
      if (!e.inside) throw dataError(M.ratioOutsideCi(where, measureName, rText, lT, uT));
      if (!e.symmetric) {
        asymmetric = true;
        warnings.push(M.asymmetricCi(where, measureName, rText, lT, uT, e.geometricMean.toPrecision(4)));
      }
      if (rT !== null && ratioName) used.add(MEASURE_OF[ratioName] ?? 'ratio');
      yi = e.yi;
      se = e.se;
      source = 'ci';
      ratio = rv;
      lo = Number(lT);
      hi = Number(uT);
    } else if (counts.every((c) => c !== null)) {
      const [a, n1, c, n2] = counts as number[];
      if (![a, n1, c, n2].every((v) => Number.isInteger(v) && v >= 0) || a > n1 || c > n2) throw dataError(M.badCounts(where));
      const b = binaryEffectSize(a, n1, c, n2, countMeasure);
      if (!b) throw dataError(M.badCounts(where));
      used.add(countMeasure);
      yi = b.yi;
      se = Math.sqrt(b.vi);
      corrected = b.corrected;
      source = 'counts';
      ratio = Math.exp(yi);
      lo = Math.exp(yi - Z95 * se);
      hi = Math.exp(yi + Z95 * se);
    } else if (yiV !== null) {
      throw dataError(M.noSeNoCi(where, t.columns[J.yi]));
    } else {
      throw dataError(M.noEffect(where));
    }
    let subgroup: string | null = null;
    if (jBy >= 0) {
      subgroup = get(jBy);
      if (subgroup === null) throw dataError(M.missingSubgroup(where, t.columns[jBy]));
    }
    let moderator: number | null = null;
    if (jMod >= 0) {
      moderator = num(jMod);
      if (moderator === null) throw dataError(M.missingModerator(where, t.columns[jMod]));
    }
    const n = num(J.n);
    studies.push(Object.freeze({ label, where, yi, vi: se * se, se, source, ratio, lower: lo, upper: hi, n, subgroup, moderator, asymmetricCi: asymmetric, continuityCorrected: corrected }));
  });
  const measures = [...used].filter((m) => m !== 'ratio');
  if (!options.measure && measures.length > 1) throw dataError(M.mixedMeasures(t.file, measures));
  const measure: MetaMeasure = options.measure ?? measures[0] ?? 'ratio';
  if (studies.length < 2) throw analysisError(M.singleStudy(t.file));
  if (jMod >= 0 && new Set(studies.map((s) => s.moderator)).size < 2) throw dataError(M.moderatorConstant(t.file, t.columns[jMod]));
  if (jBy >= 0 && new Set(studies.map((s) => s.subgroup)).size < 2) throw dataError(M.oneSubgroup(t.file, t.columns[jBy]));
  return Object.freeze({ file: t.file, title, measure, studies, warnings });
}
