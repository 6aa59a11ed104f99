/**
 * `siilab meta <file.csv|xlsx|yaml> [--method REML|DL|PM|FE] [--hksj] [--by COL] [--moderator COL]
 *  [--measure HR|OR|RR] [--out DIR] [--format html,docx,md] [--json]`
 * Meta-analysis of published effects (as R metafor's rma, confint, predict, regtest, leave1out,
 * trimfill): pooled estimate, heterogeneity, prediction interval, subgroups, meta-regression,
 * small-study effects; with --out a report (forest and funnel plots, tables, methods).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { choice, fileArgument, optionalList, optionalString, parseCommandArgs, DATA_FILE_OPTIONS, tableOptions } from './args.js';
import { emit } from './output.js';
import { analysisError } from '../errors.js';
import { metaMessages as M } from '../messages/meta.js';
import { readMetaStudies, type MetaMeasure, type MetaStudies } from '../meta/readMetaStudies.js';
import { metaAnalysis, type MetaAnalysisResult } from '../stats/meta/metaAnalysis.js';
import type { MetaFit, Tau2Method } from '../stats/meta/types.js';
import { REML_TOLERANCE, TAU2_METHODS } from '../stats/meta/types.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';
import { buildMetaReport } from '../report/build/metaReport.js';
import { lowerFirst, metaSummaryText, modelLabel } from '../report/build/metaText.js';
import { renderReportFiles, writeFilesAtomically } from '../report/writeReport.js';
import { reportFormats } from './reportFormats.js';

const CMD = 'meta';
const nul = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

function fitJson(f: MetaFit) {
  return {
    method: f.method,
    test: f.test,
    k: f.k,
    estimate: f.b[0],
    se: f.se[0],
    statistic: f.stat[0],
    df: f.df,
    p: f.pValue[0],
    ciLower: f.ciLower[0],
    ciUpper: f.ciUpper[0],
    ratio: Math.exp(f.b[0]),
    ratioLower: Math.exp(f.ciLower[0]),
    ratioUpper: Math.exp(f.ciUpper[0]),
    tau2: f.tau2,
    seTau2: f.seTau2,
    Q: f.Q,
    Qdf: f.Qdf,
    Qp: nul(f.Qp),
    I2: nul(f.I2),
    H2: nul(f.H2),
    knhaScale: f.test === 'knha' ? f.knhaScale : null,
  };
}

/** The stable JSON of `siilab meta --json` (fields may be added, never renamed). Estimates on the log scale; `ratio*` exponentiated. */
export function metaJson(s: MetaStudies, r: MetaAnalysisResult, by: string | null, moderator: string | null) {
  const m = r.model;
  return {
    file: s.file,
    measure: s.measure,
    scale: `log ${s.measure === 'ratio' ? 'ratio' : s.measure}`,
    method: m.method,
    test: m.test,
    remlTolerance: m.method === 'REML' ? REML_TOLERANCE : null,
    k: r.k,
    studies: s.studies.map((x, i) => ({
      study: x.label,
      yi: x.yi,
      se: x.se,
      vi: x.vi,
      ratio: x.ratio,
      lower: x.lower,
      upper: x.upper,
      n: x.n,
      input: x.source,
      subgroup: x.subgroup,
      moderator: x.moderator,
      asymmetricCi: x.asymmetricCi,
      continuityCorrected: x.continuityCorrected,
      weightFixed: r.fixed.weightPercent[i],
      weight: m.weightPercent[i],
    })),
    model: fitJson(m),
    fixed: fitJson(r.fixed),
    tau2Ci: r.tau2Ci ? { method: 'Q-profile (Viechtbauer 2007)', tau2: r.tau2Ci.tau2, tau: r.tau2Ci.tau, I2: r.tau2Ci.I2, H2: r.tau2Ci.H2 } : null,
    prediction: r.prediction ? { lower: r.prediction.lower, upper: r.prediction.upper, ratioLower: Math.exp(r.prediction.lower), ratioUpper: Math.exp(r.prediction.upper), df: r.prediction.df, convention: 'metafor predict(): z, or t(k-1) under Hartung-Knapp' } : null,
    predictionHts: r.predictionHts ? { lower: r.predictionHts.lower, upper: r.predictionHts.upper, df: r.predictionHts.df, convention: 'Higgins, Thompson & Spiegelhalter 2009: t(k-2)' } : null,
    egger: r.egger ? { model: r.egger.model, statistic: r.egger.statistic, df: r.egger.df, p: r.egger.p, limitEstimate: r.egger.limitEstimate, limitLower: r.egger.limitLower, limitUpper: r.egger.limitUpper } : null,
    eggerLm: r.eggerLm ? { model: r.eggerLm.model, statistic: r.eggerLm.statistic, df: r.eggerLm.df, p: r.eggerLm.p, limitEstimate: r.eggerLm.limitEstimate, limitLower: r.eggerLm.limitLower, limitUpper: r.eggerLm.limitUpper } : null,
    trimAndFill: r.trimAndFill ? { estimator: 'L0', k0: r.trimAndFill.k0, side: r.trimAndFill.side, filledYi: r.trimAndFill.filledYi, filledVi: r.trimAndFill.filledVi, model: fitJson(r.trimAndFill.fit) } : null,
    leaveOneOut: r.leaveOneOut.map((l, i) => ({ omitted: s.studies[i].label, ...fitJson(l) })),
    subgroups: r.subgroups
      ? { by, groups: r.subgroups.groups.map((g) => ({ level: g.level, studies: g.studies.map((i) => s.studies[i].label), ...fitJson(g.fit) })), Qbetween: r.subgroups.Qbetween, df: r.subgroups.df, p: r.subgroups.p }
      : null,
    metaRegression: r.metaRegression
      ? {
          moderator,
          intercept: { estimate: r.metaRegression.fit.b[0], se: r.metaRegression.fit.se[0], statistic: r.metaRegression.fit.stat[0], p: r.metaRegression.fit.pValue[0], ciLower: r.metaRegression.fit.ciLower[0], ciUpper: r.metaRegression.fit.ciUpper[0] },
          slope: { estimate: r.metaRegression.fit.b[1], se: r.metaRegression.fit.se[1], statistic: r.metaRegression.fit.stat[1], p: r.metaRegression.fit.pValue[1], ciLower: r.metaRegression.fit.ciLower[1], ciUpper: r.metaRegression.fit.ciUpper[1] },
          QM: r.metaRegression.QM,
          QMdf: r.metaRegression.QMdf,
          QMp: r.metaRegression.QMp,
          QE: r.metaRegression.fit.Q,
          QEdf: r.metaRegression.fit.Qdf,
          QEp: nul(r.metaRegression.fit.Qp),
          tau2: r.metaRegression.fit.tau2,
          I2: nul(r.metaRegression.fit.I2),
          R2: r.metaRegression.R2,
        }
      : null,
    warnings: s.warnings,
  };
}

function renderText(s: MetaStudies, r: MetaAnalysisResult, by: string | null, moderator: string | null): string {
  const m = r.model;
  const a = s.measure === 'ratio' ? 'ratio' : s.measure;
  const ci = (e: number, l: number, u: number) => `${sig(e, 4)} [${sig(l, 4)}, ${sig(u, 4)}]`;
  const out: string[] = [`Meta-analysis: ${s.file} — ${s.studies.length} studies, ${lowerFirst(modelLabel(m))}\n\n`];
  out.push(textTable(['study', `${a} [95% CI]`, 'SE(log)', 'weight FE %', ...(m.method === 'FE' ? [] : ['weight RE %']), ...(by ? [by] : []), ...(moderator ? [moderator] : [])],
    s.studies.map((x, i) => [x.label + (x.asymmetricCi ? ' *' : ''), ci(x.ratio, x.lower, x.upper), sig(x.se, 4), sig(r.fixed.weightPercent[i], 3), ...(m.method === 'FE' ? [] : [sig(m.weightPercent[i], 3)]), ...(by ? [x.subgroup ?? ''] : []), ...(moderator ? [String(x.moderator)] : [])])));
  const row = (f: MetaFit) => [modelLabel(f), ci(Math.exp(f.b[0]), Math.exp(f.ciLower[0]), Math.exp(f.ciUpper[0])), sig(f.b[0], 6), sig(f.se[0], 6), `${f.df === null ? 'z' : `t(${f.df})`} = ${sig(f.stat[0], 5)}`, pval(f.pValue[0])];
  out.push('\n' + textTable(['model', `${a} [95% CI]`, 'estimate (log)', 'se', 'test', 'p'], m.method === 'FE' ? [row(m)] : [row(r.fixed), row(m)]));
  out.push(`\nQ = ${sig(m.Q, 6)} on ${m.Qdf} df, p = ${pval(m.Qp)}; I² = ${sig(m.I2, 4)}%, H² = ${sig(m.H2, 4)}` + (m.method === 'FE' ? '\n' : `; τ² = ${sig(m.tau2, 5)}${m.seTau2 !== null ? ` (se ${sig(m.seTau2, 4)})` : ''}\n`));
  if (r.tau2Ci) out.push(`Q-profile 95% CI: τ² ${sig(r.tau2Ci.tau2[0], 4)}–${sig(r.tau2Ci.tau2[1], 4)}, I² ${sig(r.tau2Ci.I2[0], 4)}–${sig(r.tau2Ci.I2[1], 4)}%, H² ${sig(r.tau2Ci.H2[0], 4)}–${sig(r.tau2Ci.H2[1], 4)}\n`);
  if (r.prediction) out.push(`95% prediction interval (${a}): ${sig(Math.exp(r.prediction.lower), 4)}–${sig(Math.exp(r.prediction.upper), 4)} (metafor predict)` + (r.predictionHts ? `; ${sig(Math.exp(r.predictionHts.lower), 4)}–${sig(Math.exp(r.predictionHts.upper), 4)} with t(k−2) (Higgins et al. 2009)` : '') + '\n');
  if (r.egger) out.push(`Egger's test (regtest, model rma): ${r.egger.df === null ? 'z' : `t(${r.egger.df})`} = ${sig(r.egger.statistic, 5)}, p = ${pval(r.egger.p)}; model lm: t(${r.eggerLm?.df}) = ${sig(r.eggerLm?.statistic, 5)}, p = ${pval(r.eggerLm?.p)}\n`);
  if (r.trimAndFill) out.push(`Trim-and-fill (L0): ${r.trimAndFill.k0} imputed${r.trimAndFill.k0 ? ` on the ${r.trimAndFill.side}` : ''}; ${a} ${ci(Math.exp(r.trimAndFill.fit.b[0]), Math.exp(r.trimAndFill.fit.ciLower[0]), Math.exp(r.trimAndFill.fit.ciUpper[0]))}\n`);
  if (r.subgroups) {
    out.push(`\nSubgroups by ${by}:\n`);
    out.push(textTable([by ?? 'subgroup', 'k', `${a} [95% CI]`, 'p', 'τ²', 'I² %'], r.subgroups.groups.map((g) => [g.level, String(g.fit.k), ci(Math.exp(g.fit.b[0]), Math.exp(g.fit.ciLower[0]), Math.exp(g.fit.ciUpper[0])), pval(g.fit.pValue[0]), sig(g.fit.tau2, 4), sig(g.fit.I2, 4)])));
    out.push(`Test for subgroup differences: Q = ${sig(r.subgroups.Qbetween, 5)} on ${r.subgroups.df} df, p = ${pval(r.subgroups.p)}\n`);
  }
  if (r.metaRegression) {
    const g = r.metaRegression;
    out.push(`\nMeta-regression on ${moderator}:\n`);
    out.push(textTable(['term', 'estimate', 'se', 'test', 'p', '95% CI'], [0, 1].map((j) => [j ? moderator ?? '' : 'intercept', sig(g.fit.b[j], 6), sig(g.fit.se[j], 6), sig(g.fit.stat[j], 5), pval(g.fit.pValue[j]), `${sig(g.fit.ciLower[j], 5)}, ${sig(g.fit.ciUpper[j], 5)}`])));
    out.push(`QM = ${sig(g.QM, 5)} (${g.QMdf[1] === null ? 'χ² 1 df' : `F(1, ${g.QMdf[1]})`}), p = ${pval(g.QMp)}; residual QE = ${sig(g.fit.Q, 5)} on ${g.fit.Qdf} df, τ² = ${sig(g.fit.tau2, 5)}${g.R2 !== null ? `, R² = ${sig(g.R2, 4)}%` : ''}\n`);
  }
  out.push('\n' + metaSummaryText(s, r, moderator).join('\n') + '\n');
  if (s.warnings.length) out.push('\nNotes:\n' + s.warnings.map((w) => `  * ${w}`).join('\n') + '\n');
  return out.join('');
}

export const metaCommand: Command = {
  name: CMD,
  summary: 'meta-analysis of published effects: pooled estimate, heterogeneity, prediction interval, subgroups, meta-regression, funnel plot',
  usage: `siilab meta <studies.csv|xlsx|yaml> [--method REML|DL|PM|FE] [--hksj] [--by COLUMN] [--moderator COLUMN]
             [--measure HR|OR|RR] [--out DIR] [--format html,docx,md] [--json]
  One row per study: study, and yi (log ratio) with se (or vi), or a ratio (hr, or, rr) with lower and
  upper (95% CI; SE = (log upper − log lower)/(2·1.959964)), or events1,total1,events2,total2 (log OR,
  or log RR with --measure RR). YAML: { measure: HR, studies: [ { study: …, hr: …, lower: …, upper: … } ] }.
  --method     τ² estimator (default REML; FE = inverse-variance fixed effect), as metafor rma()
  --hksj       Hartung–Knapp–Sidik–Jonkman CI and test (t on k − 1 df), as rma(test = "knha")
  --by COL     subgroup analysis with the test for subgroup differences
  --moderator  meta-regression on one numeric column (e.g. the study's cut-off)
  --out DIR    write the report (forest and funnel plots, tables, methods) and results.json into DIR`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      ...DATA_FILE_OPTIONS,
      method: { type: 'string' },
      hksj: { type: 'boolean' },
      by: { type: 'string' },
      moderator: { type: 'string' },
      measure: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
    });
    if (a.values.help) {
      ctx.out(this.usage + '\n');
      return 0;
    }
    const file = fileArgument(CMD, a);
    const method = choice<Tau2Method>(CMD, a, 'method', TAU2_METHODS, 'REML');
    const measureOpt = optionalString(a, 'measure');
    const measure = measureOpt === null ? null : choice<MetaMeasure>(CMD, a, 'measure', ['HR', 'OR', 'RR'] as const, 'HR');
    const by = optionalString(a, 'by');
    const moderator = optionalString(a, 'moderator');
    const outDir = optionalString(a, 'out');
    const formats = reportFormats(CMD, optionalList(a, 'format'));
    const path = resolve(ctx.cwd, file);
    const studies = await readMetaStudies(file, path, { measure, by, moderator, table: tableOptions(CMD, a) });
    const result = metaAnalysis(
      { yi: Float64Array.from(studies.studies, (s) => s.yi), vi: Float64Array.from(studies.studies, (s) => s.vi), subgroup: by ? studies.studies.map((s) => s.subgroup ?? '') : null, moderator: moderator ? Float64Array.from(studies.studies, (s) => s.moderator ?? NaN) : null },
      { method, test: a.values.hksj ? 'knha' : 'z' },
    );
    if (!result) throw analysisError(M.fitFailed(file));
    const json = metaJson(studies, result, by, moderator);
    let written: string[] = [];
    if (outDir) {
      const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
      const doc = buildMetaReport({ studies, result, by, moderator, sha256: sha });
      const files = await renderReportFiles(doc, formats, { 'results.json': JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n' });
      written = writeFilesAtomically(resolve(ctx.cwd, outDir), files);
    }
    for (const w of studies.warnings) if (!a.values.json) ctx.err(`warning: ${w}\n`);
    emit(ctx, Boolean(a.values.json), outDir ? { ...json, out: resolve(ctx.cwd, outDir), files: written } : json, () =>
      renderText(studies, result, by, moderator) + (outDir ? `\nReport written to ${resolve(ctx.cwd, outDir)}:\n${written.filter((w) => /report\.\w+$/.test(w)).map((w) => '  ' + w).join('\n')}\n` : ''));
    return 0;
  },
};
