/**
 * `siilab calc`: the bedside calculator for one patient — the indices, the patient's category by
 * each seed study's cut-off with what that study found and why it may not apply, and an absolute
 * probability only from a model that can give one (`--model FILE` fitted on the user's cohort).
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { optionalNumber, optionalString, parseCommandArgs, choice, type ParsedArgs } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { calcMessages as M } from '../messages/calc.js';
import { indicesMessages as IM } from '../messages/indices.js';
import { calculate, type CalcResult, type EvidenceEntry } from '../evidence/calculate.js';
import { loadModelFile } from '../model/modelFile.js';
import { parseUnit, UNITS, type Quantity } from '../units/units.js';
import { ASCITES, ENCEPHALOPATHY } from '../indices/childPugh.js';
import type { RawLabInputs } from '../units/normaliseInputs.js';
import { sig } from '../report/text/formatNumber.js';

const CMD = 'calc';

const VALUE_OPTIONS: readonly [string, keyof RawLabInputs][] = [
  ['neutrophils', 'neutrophils'], ['lymphocytes', 'lymphocytes'], ['platelets', 'platelets'], ['monocytes', 'monocytes'],
  ['wbc', 'wbc'], ['neutrophil-pct', 'neutrophilPct'], ['lymphocyte-pct', 'lymphocytePct'], ['afp', 'afp'],
  ['albumin', 'albumin'], ['bilirubin', 'bilirubin'], ['inr', 'inr'],
];
const UNIT_OPTIONS: readonly [string, Quantity][] = [
  ['count-unit', 'count'], ['pct-unit', 'percent'], ['afp-unit', 'afp'], ['albumin-unit', 'albumin'], ['bilirubin-unit', 'bilirubin'],
];

/** The unit options of a command, parsed (exit 2 on a unit siilab does not know). */
export function unitArguments(cmd: string, a: ParsedArgs): { units: Partial<Record<Quantity, string>>; unitOptions: Partial<Record<Quantity, string>> } {
  const units: Partial<Record<Quantity, string>> = {};
  const unitOptions: Partial<Record<Quantity, string>> = {};
  for (const [opt, q] of UNIT_OPTIONS) {
    unitOptions[q] = `--${opt}`;
    const v = optionalString(a, opt);
    if (v === null) continue;
    const u = parseUnit(q, v);
    if (u === null) throw usageError(IM.unknownUnit(`--${opt}`, v, Object.keys(UNITS[q].units)));
    units[q] = u;
  }
  return { units, unitOptions };
}

export const calcCommand: Command = {
  name: 'calc',
  summary: 'bedside calculator: SII and relatives for one patient, read against the seed studies',
  usage: `siilab calc --neutrophils X --lymphocytes Y --platelets Z [--monocytes M]
            [--wbc W --neutrophil-pct P --lymphocyte-pct Q] [--afp A] [--albumin B --bilirubin C]
            [--inr I --ascites none|mild|moderate-severe --encephalopathy none|grade1-2|grade3-4]
            [--count-unit 10^9/L|/uL] [--pct-unit %|fraction] [--afp-unit ng/mL|IU/mL]
            [--albumin-unit g/L|g/dL] [--bilirubin-unit umol/L|mg/dL] [--treatment T]
            [--endpoint recurrence|survival] [--child-pugh A|B|C] [--tumour-size CM] [--model FILE] [--json]
  Counts default to 10^9/L (= 10^3/µL); /uL means cells/µL (= /mm³). AFP: 1 IU/mL = 1.21 ng/mL.
  Albumin g/L (g/dL × 10); bilirubin µmol/L (mg/dL × 17.1). Neutrophils and lymphocytes may be given
  as --wbc with --neutrophil-pct / --lymphocyte-pct instead of counts.
  For every study in the evidence registry (deng2025, yu2023, hong2021) the patient's category by its
  cut-off, what the study found for that category, and caveats: --treatment, --endpoint, --child-pugh
  (or the computed class) and --tumour-size are compared with each study's patients.
  --model FILE: a model fitted on your own cohort (JSON, see docs) gives a probability with its provenance.`,
  async run(argv, ctx) {
    const opts: Record<string, { type: 'string' }> = {};
    for (const [o] of [...VALUE_OPTIONS, ...UNIT_OPTIONS]) opts[o] = { type: 'string' };
    for (const o of ['treatment', 'model', 'ascites', 'encephalopathy', 'endpoint', 'child-pugh', 'tumour-size']) opts[o] = { type: 'string' };
    const a = parseCommandArgs(CMD, argv, opts);
    if (a.positionals.length) throw usageError(M.noFileArgument(a.positionals[0]));
    const raw: RawLabInputs = {};
    for (const [o, k] of VALUE_OPTIONS) raw[k] = optionalNumber(CMD, a, o);
    if (raw.neutrophils === null && !(raw.wbc !== null && raw.neutrophilPct !== null)) throw usageError(M.missingCount('neutrophils', ' (or --wbc with --neutrophil-pct)'));
    if (raw.lymphocytes === null && !(raw.wbc !== null && raw.lymphocytePct !== null)) throw usageError(M.missingCount('lymphocytes', ' (or --wbc with --lymphocyte-pct)'));
    if (raw.platelets === null) throw usageError(M.missingCount('platelets', ''));
    const { units, unitOptions } = unitArguments(CMD, a);
    const ascites = optionalString(a, 'ascites') === null ? null : choice(CMD, a, 'ascites', ASCITES, 'none');
    const encephalopathy = optionalString(a, 'encephalopathy') === null ? null : choice(CMD, a, 'encephalopathy', ENCEPHALOPATHY, 'none');
    const modelArg = optionalString(a, 'model');
    const model = modelArg === null ? null : { file: modelArg, model: loadModelFile(resolve(ctx.cwd, modelArg), modelArg) };
    const endpoint = optionalString(a, 'endpoint') === null ? null : choice(CMD, a, 'endpoint', ['recurrence', 'survival'] as const, 'recurrence');
    const childPughClass = optionalString(a, 'child-pugh') === null ? null : choice(CMD, a, 'child-pugh', ['A', 'B', 'C'] as const, 'A');
    const tumourSizeCm = optionalNumber(CMD, a, 'tumour-size');
    if (tumourSizeCm !== null && !(tumourSizeCm > 0 && tumourSizeCm <= 40)) throw usageError(M.badTumourSize(tumourSizeCm));
    const result = calculate({ raw, units, unitOptions, treatment: optionalString(a, 'treatment'), endpoint, childPughClass, tumourSizeCm, ascites, encephalopathy, model });
    emit(ctx, Boolean(a.values.json), result, () => renderCalc(result));
    return 0;
  },
};

// ---------- readable text ----------

const WIDTH = 100;

function wrap(text: string, indent: string, first = indent): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = first;
  for (const w of words) {
    if (w === '') continue;
    if (line.trim() !== '' && line.length + 1 + w.length > WIDTH) {
      lines.push(line);
      line = indent + w;
    } else line += line.trim() === '' || line.endsWith(' ') ? w : ' ' + w;
  }
  lines.push(line);
  return lines.join('\n');
}

const num = (x: number | null | undefined, d = 4): string => (x === null || x === undefined ? '—' : sig(x, d));

function entryHeading(e: EvidenceEntry): string {
  const dir = (d: string) => (d === '>' ? '>' : '≥');
  if (e.marker === 'SII+AFP') {
    const c = e.cutoff as { sii: number; afp: number };
    const d = e.direction as { sii: string; afp: string };
    const v = e.value as { sii: number | null; afp: number | null };
    const cat = e.category ? e.category.split('-').map((x, i) => `${i ? 'AFP' : 'SII'} ${x}`).join(', ') : 'no category';
    return `SII ${dir(d.sii)} ${c.sii} × AFP ${dir(d.afp)} ${c.afp} ng/mL (four groups): ${cat.toUpperCase()} (patient SII ${num(v.sii)}, AFP ${num(v.afp)})`;
  }
  const unit = e.unit && e.unit !== '10^9/L' ? ` ${e.unit}` : '';
  return `${e.marker} ${dir(e.direction as string)} ${e.cutoff}${unit}: ${e.category ? e.category.toUpperCase() : 'no category'}` +
    (e.value !== null ? ` (patient ${num(e.value as number)})` : '');
}

export function renderCalc(r: CalcResult): string {
  const out: string[] = [];
  out.push('Patient values (normalised)');
  for (const [k, v] of Object.entries(r.inputs)) {
    if (!v) continue;
    const given = v.source === 'given' ? (v.given.unit !== v.unit ? ` (given ${sig(v.given.value)} ${v.given.unit})` : '') : ' (white cells × %)';
    out.push(`  ${k.padEnd(14)} ${sig(v.value, 6)}${v.unit ? ' ' + v.unit : ''}${given}`);
  }
  out.push('', 'Indices');
  const i = r.indices;
  const rows: [string, number | null, string][] = [
    ['SII', i.sii, 'platelets × neutrophils / lymphocytes, 10^9/L (Hu 2014)'],
    ['NLR', i.nlr, 'neutrophils / lymphocytes'],
    ['PLR', i.plr, 'platelets / lymphocytes'],
    ['dNLR', i.dnlr, 'neutrophils / (white cells − neutrophils)'],
    ['SIRI', i.siri, 'neutrophils × monocytes / lymphocytes'],
    ['PIV', i.piv, 'neutrophils × platelets × monocytes / lymphocytes'],
    ['ALBI', i.albi, `0.66·log10(bilirubin µmol/L) − 0.085·albumin g/L${i.albiGrade ? `; grade ${i.albiGrade}` : ''}`],
  ];
  for (const [name, v, def] of rows) out.push(`  ${name.padEnd(5)} ${num(v).padStart(9)}   ${def}`);
  if (i.childPugh) out.push(`  Child–Pugh ${i.childPugh.score} (class ${i.childPugh.class})`);
  out.push('', `What the seed studies found${r.treatment.given ? ` (patient's treatment: ${r.treatment.given})` : ''}`);
  const byStudy = new Map<string, EvidenceEntry[]>();
  for (const e of r.evidence) byStudy.set(e.study, [...(byStudy.get(e.study) ?? []), e]);
  for (const [id, entries] of byStudy) {
    const first = entries[0];
    // Caveats every entry of the study shares are printed once, under the study.
    const shared = first.caveats.filter((c) => entries.every((e) => e.caveats.includes(c)));
    out.push('', wrap(`${id}: ${first.citation}`, '    ', '  '));
    out.push(wrap(`${first.population}.`, '      ', '    Patients: '));
    out.push(wrap(`${first.treatment}.`, '      ', '    Treatment: '));
    out.push(wrap(`${first.endpoint}.`, '      ', '    Endpoint: '));
    const own = r.bodyOfEvidence.seedPool?.studies.find((x) => x.study === id) ?? null;
    const pool = r.bodyOfEvidence.seedPool;
    if (own && pool) {
      out.push(wrap(`SII HR ${sig(own.hr, 4)} (95% CI ${sig(own.lower, 4)}–${sig(own.upper, 4)}; ${own.where}) — all seed SII HRs pooled: ${sig(pool.hr, 3)} (${sig(pool.lower, 3)}–${sig(pool.upper, 3)}), I² = ${Math.round(pool.I2)}%; published meta-analyses of overall survival: HR ${r.bodyOfEvidence.published.flatMap((m) => m.results.filter((x) => x.endpoint === 'overall survival').map((x) => sig(x.hr, 3))).join(', ')} (see below).`, '      ', '    Evidence: '));
    } else {
      const np = r.bodyOfEvidence.notPooled.find((x) => x.study === id);
      if (np) out.push(wrap(`SII ${np.quantity} ${sig(np.value, 4)} (95% CI ${sig(np.lower, 4)}–${sig(np.upper, 4)}; ${np.where}): an odds ratio of a binary outcome, not pooled with the hazard ratios.`, '      ', '    Evidence: '));
    }
    for (const e of entries) {
      out.push(wrap(entryHeading(e), '      ', '    • '));
      if (e.finding) out.push(wrap(e.finding, '        ', '      Found: '));
      if (e.chosenBy) out.push(wrap(e.chosenBy + '.', '        ', '      Cut-off: '));
      for (const c of e.caveats.filter((c) => !shared.includes(c))) out.push(wrap(c, '        ', '      Caveat: '));
    }
    if (shared.length) {
      out.push('    Caveats:');
      for (const c of shared) out.push(wrap(c, '        ', '      - '));
    }
  }
  out.push('', 'The body of evidence on SII');
  const pool = r.bodyOfEvidence.seedPool;
  if (pool) {
    out.push(wrap(`Seed studies' SII hazard ratios pooled (${pool.method}): HR ${sig(pool.hr, 3)} (95% CI ${sig(pool.lower, 3)}–${sig(pool.upper, 3)})${pool.predictionLower !== null ? `, 95% prediction interval ${sig(pool.predictionLower, 3)}–${sig(pool.predictionUpper, 3)}` : ''}; ` +
      pool.studies.map((x) => `${x.study} ${sig(x.hr, 4)} (weight ${Math.round(x.weight)}%)`).join(', ') + '.', '    ', '  '));
    out.push(wrap(pool.plain, '    ', '  '));
  }
  out.push('  Published meta-analyses (pooled HR for a high vs a low SII, as their abstracts print them):');
  for (const m of r.bodyOfEvidence.published) {
    const res = m.results.map((x) => `${x.endpoint} ${sig(x.hr, 3)}${x.lower !== null ? ` (${sig(x.lower, 3)}–${sig(x.upper, 3)})` : ''}${x.i2 !== null ? `, I² ${x.i2}%` : ''}`).join('; ');
    out.push(wrap(`${m.citation} ${m.studies} studies${m.patients ? `, ${m.patients} patients` : ''} (${m.population}): ${res}. [${m.location}; doi:${m.doi}]`, '      ', '    - '));
  }
  out.push('', 'Probability');
  const f = r.model.fromFile;
  if (f) {
    const prov = `model file ${f.file} (siilab ${f.siilabVersion}), fitted on ${f.createdFrom.file} (n = ${f.createdFrom.n}, ${f.createdFrom.events} events, SHA-256 ${f.createdFrom.sha256.slice(0, 12)}…)`;
    const warn = ` — ${f.validation.toUpperCase()}`;
    if (f.probability !== null) out.push(wrap(`${f.outcome.description}${f.outcome.horizon ? ` (${f.outcome.horizon})` : ''}: ${sig(100 * f.probability, 3)} %${warn}`, '    ', '  '));
    if (f.survival) for (const s of f.survival) out.push(`  ${f.outcome.description} by ${Number(s.time.toPrecision(6))} ${f.timeUnit ?? ''}: risk ${sig(100 * s.risk, 3)} % (survival ${sig(100 * s.survival, 3)} %)${warn}`);
    if (f.population) out.push(wrap(`Fitted on: ${f.population}.`, '    ', '  '));
    out.push(wrap(`From ${prov}.`, '    ', '  '));
  }
  if (r.model.note) out.push(wrap(r.model.note, '    ', '  '));
  for (const p of r.model.published) out.push(wrap(p.reason, '      ', '    - '));
  if (r.warnings.length) {
    out.push('', 'Warnings');
    for (const w of r.warnings) out.push(wrap(w, '    ', '  - '));
  }
  return out.join('\n') + '\n';
}
