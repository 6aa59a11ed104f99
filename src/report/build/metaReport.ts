/**
 * A meta-analysis as a ReportDocument (rendered to HTML, Word and Markdown by src/report/document):
 * summary in plain words, methods, the studies table, the forest plot, pooled estimates and
 * heterogeneity, subgroups, meta-regression, small-study effects (funnel plot, Egger,
 * trim-and-fill), leave-one-out, and the input notes (asymmetric CIs).
 */
import type { MetaStudies } from '../../meta/readMetaStudies.js';
import type { MetaAnalysisResult } from '../../stats/meta/metaAnalysis.js';
import type { MetaFit } from '../../stats/meta/types.js';
import type { ReportBlock, ReportDocument, ReportSection } from '../document/reportDocument.js';
import type { ReportTable } from '../tables/reportTable.js';
import { metaForestSvg } from '../figures/metaForestSvg.js';
import { funnelSvg } from '../figures/funnelSvg.js';
import { fixed, formatP } from '../format/numbers.js';
import { funnelData, metaForestData } from './metaFigures.js';
import { fmtRatio, lowerFirst, measureName, metaMethodsText, metaSummaryText, modelLabel } from './metaText.js';
import { VERSION } from '../../version.js';

export interface MetaReportInput {
  readonly studies: MetaStudies;
  readonly result: MetaAnalysisResult;
  readonly by: string | null;
  readonly moderator: string | null;
  /** SHA-256 of the input file. */
  readonly sha256: string;
}

const ex = Math.exp;
const r2 = (x: number) => fixed(x, 2);
const ratioCi = (e: number, l: number, u: number, d = 2) => `${fmtRatio(e, d)} (${fmtRatio(l, d)} to ${fmtRatio(u, d)})`;
const fitCi = (f: MetaFit, j = 0, d = 2) => ratioCi(ex(f.b[j]), ex(f.ciLower[j]), ex(f.ciUpper[j]), d);
const L = (label: string) => ({ label, align: 'left' as const });
const R = (label: string) => ({ label, align: 'right' as const });

export function buildMetaReport(inp: MetaReportInput): ReportDocument {
  const { studies: s, result: r } = inp;
  const m = r.model;
  const a = s.measure === 'ratio' ? 'Ratio' : s.measure;
  const al = s.measure === 'ratio' ? 'ratio' : s.measure;
  let t = 0, f = 0;
  const table = (x: string) => `Table ${++t}. ${x}`;
  const fig = (x: string) => `Figure ${++f}. ${x}`;
  const sections: ReportSection[] = [];
  sections.push({ id: 'summary', heading: 'Summary', blocks: metaSummaryText(s, r, inp.moderator).map((text) => ({ kind: 'paragraph', text })) });
  sections.push({ id: 'methods', heading: 'Statistical methods', blocks: metaMethodsText(s, r, inp.by, inp.moderator).map((text) => ({ kind: 'paragraph', text })) });

  const withN = s.studies.some((x) => x.n !== null);
  const source = { se: 'SE', ci: 'CI', counts: 'counts' } as const;
  const studyTable: ReportTable = {
    id: 'meta-studies',
    title: table(`Studies pooled (${s.studies.length})`),
    columns: [L('Study'), ...(withN ? [R('n')] : []), R(`${a} (95% CI)`), R('SE (log)'), R('Weight, fixed (%)'), ...(m.method === 'FE' ? [] : [R('Weight, random (%)')]),
      ...(inp.by ? [L(inp.by)] : []), ...(inp.moderator ? [R(inp.moderator)] : []), L('Input')],
    rows: s.studies.map((x, i) => ({
      cells: [x.label + (x.asymmetricCi ? ' *' : ''), ...(withN ? [x.n === null ? '—' : String(x.n)] : []), ratioCi(x.ratio, x.lower, x.upper), fixed(x.se, 3), fixed(r.fixed.weightPercent[i], 1),
        ...(m.method === 'FE' ? [] : [fixed(m.weightPercent[i], 1)]), ...(inp.by ? [x.subgroup ?? ''] : []), ...(inp.moderator ? [String(x.moderator)] : []),
        source[x.source] + (x.continuityCorrected ? ' (+½)' : '')],
    })),
    footnotes: [
      'SE: standard error of the log ratio. Input: SE given; CI: SE from the 95% CI as (log upper − log lower)/(2 × 1.96); counts: from events and totals.',
      ...(s.studies.some((x) => x.asymmetricCi) ? ['* The ratio is not in the middle of its CI on the log scale (beyond rounding): not a Wald interval; its SE is taken from the interval width.'] : []),
      ...(s.studies.some((x) => x.continuityCorrected) ? ['(+½): 1/2 added to every cell of a 2×2 table with a zero cell.'] : []),
    ],
  };
  const forestTitle = `${measureName(s.measure)}s of the ${s.studies.length} studies and the pooled estimate`;
  sections.push({
    id: 'studies',
    heading: 'Studies and forest plot',
    blocks: [
      { kind: 'table', table: studyTable },
      { kind: 'figure', figure: { id: 'figure-meta-forest', caption: fig(`Forest plot: ${a} with 95% CI per study (squares sized by weight), pooled estimates (diamonds)${r.prediction ? ' and the 95% prediction interval (bar)' : ''}.`), svg: metaForestSvg(metaForestData(s, r, forestTitle)), widthMm: 175 } },
    ],
  });

  const pooledRows: string[][] = [];
  pooledRows.push(['Fixed effect (inverse variance)', fitCi(r.fixed), `z = ${r2(r.fixed.stat[0])}`, formatP(r.fixed.pValue[0])]);
  if (m.method !== 'FE') pooledRows.push([modelLabel(m), fitCi(m), `${m.df === null ? 'z' : `t(${m.df})`} = ${r2(m.stat[0])}`, formatP(m.pValue[0])]);
  const het: string[][] = [[`Q (df ${m.Qdf})`, fixed(m.Q, 2), '', formatP(m.Qp)]];
  if (m.method !== 'FE') {
    const c = r.tau2Ci;
    het.push(['τ²', fixed(m.tau2, 4), c ? `${fixed(c.tau2[0], 4)}–${fixed(c.tau2[1], 4)}` : '—', '']);
    het.push(['τ', fixed(Math.sqrt(m.tau2), 4), c ? `${fixed(c.tau[0], 4)}–${fixed(c.tau[1], 4)}` : '—', '']);
    het.push(['I² (%)', fixed(m.I2, 1), c ? `${fixed(c.I2[0], 1)}–${fixed(c.I2[1], 1)}` : '—', '']);
    het.push(['H²', fixed(m.H2, 2), c ? `${fixed(c.H2[0], 2)}–${fixed(c.H2[1], 2)}` : '—', '']);
  } else {
    het.push(['I² (%)', fixed(m.I2, 1), '', '']);
    het.push(['H²', fixed(m.H2, 2), '', '']);
  }
  if (r.prediction) het.push([`95% prediction interval (${a}; ${r.prediction.df === null ? 'z' : `t(${r.prediction.df})`}, as metafor)`, '', `${fmtRatio(ex(r.prediction.lower))} to ${fmtRatio(ex(r.prediction.upper))}`, '']);
  if (r.predictionHts) het.push([`95% prediction interval (${a}; t(${r.predictionHts.df}), Higgins et al. 2009)`, '', `${fmtRatio(ex(r.predictionHts.lower))} to ${fmtRatio(ex(r.predictionHts.upper))}`, '']);
  sections.push({
    id: 'pooled',
    heading: 'Pooled estimate and heterogeneity',
    blocks: [
      { kind: 'table', table: { id: 'meta-pooled', title: table('Pooled estimates'), columns: [L('Model'), R(`${a} (95% CI)`), R('Statistic'), R('P')], rows: pooledRows.map((cells) => ({ cells })), footnotes: [] } },
      { kind: 'table', table: { id: 'meta-heterogeneity', title: table('Heterogeneity'), columns: [L('Statistic'), R('Estimate'), R('95% CI'), R('P')], rows: het.map((cells) => ({ cells })), footnotes: m.method === 'FE' ? [] : ['CIs of τ², τ, I² and H² by the Q-profile method (Viechtbauer 2007). I² and H² from τ² and the typical within-study variance, as metafor.'] } },
    ],
  });

  if (r.subgroups) {
    const sg = r.subgroups;
    sections.push({
      id: 'subgroups',
      heading: `Subgroups by ${inp.by}`,
      blocks: [{ kind: 'table', table: {
        id: 'meta-subgroups',
        title: table(`Subgroup analysis by ${inp.by}`),
        columns: [L(inp.by ?? 'Subgroup'), R('Studies'), R(`${a} (95% CI)`), R('P'), R('τ²'), R('I² (%)'), R('Q (P)')],
        rows: sg.groups.map((g) => ({ cells: [g.level, String(g.fit.k), fitCi(g.fit), formatP(g.fit.pValue[0]), g.fit.method === 'FE' ? '—' : fixed(g.fit.tau2, 4), g.fit.k > 1 ? fixed(g.fit.I2, 1) : '—', g.fit.k > 1 ? `${fixed(g.fit.Q, 2)} (${formatP(g.fit.Qp)})` : '—'] })),
        footnotes: [`Test for subgroup differences: Q = ${fixed(sg.Qbetween, 2)} on ${sg.df} df, P ${formatP(sg.p).startsWith('<') ? formatP(sg.p) : `= ${formatP(sg.p)}`} (separate τ² per subgroup).`],
      } }],
    });
  }
  if (r.metaRegression) {
    const g = r.metaRegression;
    const df = g.fit.df;
    sections.push({
      id: 'meta-regression',
      heading: `Meta-regression on ${inp.moderator}`,
      blocks: [{ kind: 'table', table: {
        id: 'meta-regression',
        title: table(`Meta-regression of the log ${al} on ${inp.moderator}`),
        columns: [L('Term'), R('Coefficient (log)'), R('SE'), R('95% CI'), R(`${a} per unit`), R('P')],
        rows: [0, 1].map((j) => ({ cells: [j === 0 ? 'Intercept' : inp.moderator ?? 'moderator', fixed(g.fit.b[j], 5), fixed(g.fit.se[j], 5), `${fixed(g.fit.ciLower[j], 5)} to ${fixed(g.fit.ciUpper[j], 5)}`, j === 0 ? '' : fitCi(g.fit, 1, 4), formatP(g.fit.pValue[j])] })),
        footnotes: [
          `Test of the moderator: ${df === null ? `QM = ${fixed(g.QM, 3)} (χ², 1 df)` : `F(1, ${df}) = ${fixed(g.QM, 3)}`}, P ${formatP(g.QMp).startsWith('<') ? formatP(g.QMp) : `= ${formatP(g.QMp)}`}. Residual heterogeneity: QE = ${fixed(g.fit.Q, 2)} on ${g.fit.Qdf} df (P ${formatP(g.fit.Qp).startsWith('<') ? formatP(g.fit.Qp) : `= ${formatP(g.fit.Qp)}`})` +
            (g.fit.method === 'FE' ? '.' : `, residual τ² = ${fixed(g.fit.tau2, 4)}, I² = ${fixed(g.fit.I2, 1)}%${g.R2 !== null ? `, R² = ${fixed(g.R2, 1)}%` : ''}.`),
        ],
      } }],
    });
  }
  const bias: ReportBlock[] = [];
  if (r.egger) {
    bias.push({ kind: 'figure', figure: { id: 'figure-meta-funnel', caption: fig(`Funnel plot: each study's ${al} against its standard error, with the pseudo 95% confidence region around the pooled estimate${r.trimAndFill && r.trimAndFill.k0 ? '; hollow points are studies imputed by trim-and-fill' : ''}.`), svg: funnelSvg(funnelData(s, r, `Funnel plot of the ${s.studies.length} studies`)), widthMm: 85 } });
    const rows: string[][] = [];
    for (const e of [r.egger, r.eggerLm]) {
      if (!e) continue;
      rows.push([e.model === 'rma' ? `Egger, ${m.method === 'FE' ? 'weighted' : 'mixed-effects'} meta-regression on SE (metafor regtest default)` : "Egger, weighted linear regression (Egger's original)", `${e.df === null ? 'z' : `t(${e.df})`} = ${r2(e.statistic)}`, formatP(e.p), ratioCi(ex(e.limitEstimate), ex(e.limitLower), ex(e.limitUpper))]);
    }
    if (r.trimAndFill) rows.push([`Trim-and-fill (L0): ${r.trimAndFill.k0} imputed${r.trimAndFill.k0 ? ` on the ${r.trimAndFill.side}` : ''}`, '', formatP(r.trimAndFill.fit.pValue[0]), fitCi(r.trimAndFill.fit)]);
    bias.push({ kind: 'table', table: { id: 'meta-small-study', title: table('Small-study effects'), columns: [L('Test'), R('Statistic'), R('P'), R(`${a} (95% CI)`)], rows: rows.map((cells) => ({ cells })), footnotes: [`${a} (95% CI) for Egger: the limit estimate as SE → 0; for trim-and-fill: the pooled estimate with the imputed studies.`, ...(s.studies.length < 10 ? ['Fewer than 10 studies: tests for funnel-plot asymmetry have low power (Sterne et al. 2011, BMJ 343:d4002).'] : [])] } });
    sections.push({ id: 'small-study', heading: 'Small-study effects', blocks: bias });
  }
  if (r.leaveOneOut.length) {
    sections.push({
      id: 'leave-one-out',
      heading: 'Leave-one-out',
      blocks: [{ kind: 'table', table: {
        id: 'meta-leave-one-out',
        title: table('Pooled estimate leaving out one study at a time'),
        columns: [L('Study left out'), R(`${a} (95% CI)`), R('P'), ...(m.method === 'FE' ? [] : [R('τ²')]), R('I² (%)'), R('Q (P)')],
        rows: r.leaveOneOut.map((l, i) => ({ cells: [s.studies[i].label, fitCi(l), formatP(l.pValue[0]), ...(m.method === 'FE' ? [] : [fixed(l.tau2, 4)]), fixed(l.I2, 1), `${fixed(l.Q, 2)} (${formatP(l.Qp)})`] })),
        footnotes: [`Each row: ${lowerFirst(modelLabel(m))} without that study.`],
      } }],
    });
  }
  if (s.warnings.length) sections.push({ id: 'notes', heading: 'Notes on the input', blocks: [{ kind: 'list', items: s.warnings }] });
  return {
    title: s.title ?? `Meta-analysis of ${s.studies.length} studies`,
    subtitle: `${measureName(s.measure)}s pooled by ${lowerFirst(modelLabel(m))}`,
    banner: null,
    sections,
    provenance: `siilab ${VERSION}; input ${s.file} (SHA-256 ${inp.sha256.slice(0, 16)}…, ${s.studies.length} studies).`,
  };
}
