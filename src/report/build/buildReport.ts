/**
 * Results bundle → ReportDocument: the sections a manuscript needs, in the seeds' order —
 * summary, methods, participant flow, cut-offs, baseline table, marker comparison, ROC, Cox,
 * logistic regression, Kaplan–Meier, response, then the prognostic-model and competing-risks
 * analyses — each table with its figure.
 */
import type { ResultsBundle } from '../../analysis/bundle.js';
import type { ReportBlock, ReportDocument, ReportSection } from '../document/reportDocument.js';
import { baselineTable, coxTable, cutoffTable, kmTable, logisticTable, responseTable, rocTable, timeRocTable } from './resultTables.js';
import { flowFigureData, forestFigureData, kmFigureData, rocFigureData, timeAucFigureData } from './figureAdapters.js';
import { timeAucSvg } from '../figures/timeAucSvg.js';
import { kmSvg } from '../figures/kmSvg.js';
import { rocSvg } from '../figures/rocSvg.js';
import { forestSvg } from '../figures/forestSvg.js';
import { flowSvg } from '../figures/flowSvg.js';
import { methodsText } from './methodsText.js';
import { nomogramBlocks, splineBlocks } from './prognosticBlocks.js';
import { cifBlocks, fineGrayBlocks } from './competingBlocks.js';
import { calibrationBlocks, decisionCurveBlocks, validationBlocks, byHorizon } from './validationBlocks.js';
import { resultsText } from './resultsText.js';
import { fixed, formatP } from '../format/numbers.js';
import { excludedAppendixTable, excludedCsv, exclusionCountsTable } from './exclusionBlocks.js';
import { dataNotesTable } from './dataNotesTable.js';
import { documentUnitPowers } from '../format/unitPowers.js';
import { labelledBundle } from './reportLabels.js';
import { cutoffText } from '../../analysis/cutoffs.js';

/** The file name of a path (the report's subtitle names the file, the provenance line its path). */
const basename = (p: string): string => p.split(/[\\/]/).pop() ?? p;

export interface ReportExtras {
  /** Extra sections placed after the summary (e.g. the demo's published-vs-reproduced comparison). */
  readonly sections?: readonly ReportSection[];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function buildReport(raw: ResultsBundle, extras: ReportExtras = {}): ReportDocument {
  // Tables, figures and text name endpoints and groupings by their labels; the methods read the spec by name.
  const b = labelledBundle(raw);
  let t = 0;
  let f = 0;
  const table = (title: string) => `Table ${++t}. ${title}`;
  const fig = (title: string) => `Figure ${++f}. ${title}`;
  const n = b.flow.analysed;
  const sections: ReportSection[] = [];
  sections.push({ id: 'summary', heading: 'Summary of results', blocks: resultsText(b).map((text) => ({ kind: 'paragraph', text })) });
  sections.push(...(extras.sections ?? []));
  sections.push({ id: 'methods', heading: 'Statistical methods', blocks: methodsText(raw).map((text) => ({ kind: 'paragraph', text })) });
  const flowBlocks: ReportBlock[] = [
    { kind: 'figure', figure: { id: 'figure-flow', caption: fig(`Participant flow: ${b.flow.screened} patients in the data, ${b.flow.analysed} analysed.`), svg: flowSvg(flowFigureData(b.flow, 'Participant flow')), widthMm: 85 } },
  ];
  if (b.flow.excluded.length) flowBlocks.push({ kind: 'table', table: exclusionCountsTable(b.flow, table('Patients excluded, by reason')) });
  if (b.flow.dataNotes?.length) flowBlocks.push({ kind: 'table', table: dataNotesTable(b.flow.dataNotes, table('Data notes: values converted, recoded or set missing')) });
  sections.push({ id: 'flow', heading: 'Participants', blocks: flowBlocks });
  if (b.cutoffs.length) sections.push({ id: 'cutoffs', heading: 'Cut-offs', blocks: [{ kind: 'table', table: { ...cutoffTable(b.cutoffs), title: table('Cut-offs used to split markers') } }] });
  for (const a of b.analyses) {
    const blocks: ReportBlock[] = [];
    let heading = '';
    if (a.kind === 'baseline') {
      heading = a.markers ? 'Marker comparison' : 'Baseline characteristics';
      blocks.push({ kind: 'table', table: baselineTable(a, table(a.markers ? `Markers by ${a.groupBy}` : `Baseline characteristics${a.groupBy ? ` by ${a.groupBy}` : ''}`)) });
    } else if (a.kind === 'roc') {
      heading = `ROC analysis: ${a.endpoint}`;
      blocks.push({ kind: 'table', table: rocTable(a, table(`ROC analysis of markers for ${a.endpoint}`)) });
      blocks.push({ kind: 'figure', figure: { id: `figure-${a.id}`, caption: fig(`ROC curves for ${a.endpoint} (${a.markers.map((r) => `${r.direction} ${r.marker} indicates ${a.endpoint}`).join('; ')}); the dot marks the Youden-optimal cut-off.`), svg: rocSvg(rocFigureData(a, `ROC curves for ${a.endpoint}`)), widthMm: 85 } });
    } else if (a.kind === 'timeRoc') {
      heading = `Time-dependent ROC: ${a.endpoint}`;
      blocks.push({ kind: 'table', table: timeRocTable(a, table(`Time-dependent AUC of markers for ${a.endpoint}`), a.unit) });
      blocks.push({ kind: 'figure', figure: { id: `figure-${a.id}`, caption: fig(`Time-dependent AUC of ${a.markers.map((m) => m.marker).join(', ')} for ${a.endpoint} (cumulative/dynamic, inverse-probability-of-censoring weighted), with pointwise 95% confidence bands; marked points are the reported horizons.`), svg: timeAucSvg(timeAucFigureData(a, `Time-dependent AUC for ${a.endpoint}`, `Time (${a.unit})`)), widthMm: 85 } });
    } else if (a.kind === 'cox') {
      heading = `Cox regression: ${a.endpoint}`;
      blocks.push({ kind: 'table', table: coxTable(a, n, table(`Univariable and multivariable Cox regression for ${a.endpoint}`)) });
      blocks.push({ kind: 'figure', figure: { id: `figure-${a.id}`, caption: fig(`Hazard ratios (95% CI) for ${a.endpoint}, log scale.`), svg: forestSvg(forestFigureData(a, `Hazard ratios for ${a.endpoint}`), { width: 'double' }), widthMm: 175 } });
    } else if (a.kind === 'logistic') {
      heading = `Logistic regression: ${a.endpoint}`;
      blocks.push({ kind: 'table', table: logisticTable(a, table(`Univariable and multivariable logistic regression for ${a.endpoint}`)) });
    } else if (a.kind === 'km') {
      heading = `Kaplan–Meier: ${a.endpoint}${a.by.length ? ` by ${a.by.join(' and ')}` : ''}`;
      blocks.push({ kind: 'table', table: kmTable(a, table(`${cap(a.endpoint)}${a.by.length ? ` by ${a.by.join(' and ')}` : ''}`), a.unit) });
      blocks.push({
        kind: 'figure',
        figure: {
          id: `figure-${a.id}`,
          caption: fig(`Kaplan–Meier curves of ${a.endpoint}${a.by.length ? ` by ${a.by.join(' and ')}` : ''}, with numbers at risk${a.logrank ? `; log-rank χ² = ${fixed(a.logrank.chisq, 2)}` : ''}.`),
          svg: kmSvg(kmFigureData(a, `${cap(a.endpoint)}${a.by.length ? ` by ${a.by.join(' and ')}` : ''}`, `Time (${a.unit})`), { width: a.km.groups.length > 2 ? 'double' : 'single' }),
          widthMm: a.km.groups.length > 2 ? 175 : 85,
        },
      });
    } else if (a.kind === 'response') {
      heading = 'Tumour response';
      blocks.push({ kind: 'table', table: { ...responseTable(a), title: table('Tumour response') } });
    } else if (a.kind === 'maxstat') {
      heading = `Maximally selected cut-offs: ${a.endpoint}`;
      blocks.push({
        kind: 'table',
        table: {
          id: `table-${a.id}`,
          title: table(`Maximally selected log-rank cut-offs for ${a.endpoint}`),
          columns: [{ label: 'Marker', align: 'left' }, { label: 'Cut-off', align: 'right' }, { label: 'Low / high (n)', align: 'right' }, { label: 'Max. statistic', align: 'right' }, { label: 'Corrected P', align: 'right' }, { label: 'Naive P', align: 'right' }],
          rows: a.markers.map((m) => ({ cells: [m.marker, Number.isFinite(m.result.highFrom) ? `≥ ${cutoffText(m.result.highFrom)}` : `> ${cutoffText(m.result.cutoff)}`, `${m.result.nLow} / ${m.result.nHigh}`, fixed(m.result.statistic, 3), formatP(m.result.p), formatP(m.result.naiveLogRank.p)] })),
          footnotes: ['High: ≥ the cut-off shown, the same patients as maxstat.test\'s estimate (≤ estimate is low). Lausen–Schumacher (1994) corrected P of the maximally selected standardized log-rank statistic (minimum group share 10%), as R maxstat.test(pmethod = "Lau94"); the naive P ignores that the cut-off was searched for.'],
        },
      });
    } else if (a.kind === 'spline') {
      heading = `Restricted cubic spline: ${a.markerLabel} and ${a.endpoint}`;
      blocks.push(...splineBlocks(a, table(`Shape of the association of ${a.markerLabel} with ${a.endpoint} (restricted cubic spline)`), fig));
    } else if (a.kind === 'nomogram') {
      heading = `Nomogram: ${a.endpoint}`;
      blocks.push(...nomogramBlocks(a, table(`Nomogram points for ${a.endpoint}`), fig, table));
    } else if (a.kind === 'calibration') {
      heading = `Calibration: ${a.endpoint}`;
      blocks.push(...calibrationBlocks(a, table(`Calibration of the predicted ${byHorizon(a.endpoint, a.calibration.horizon, a.unit)}`), fig));
    } else if (a.kind === 'validation') {
      heading = `Internal validation: ${a.endpoint}`;
      blocks.push(...validationBlocks(a, table(`Bootstrap internal validation of the model for ${a.endpoint}`)));
    } else if (a.kind === 'decisionCurve') {
      heading = `Decision curve analysis: ${a.endpoint}`;
      blocks.push(...decisionCurveBlocks(a, table(`Net benefit of the models for the ${byHorizon(a.endpoint, a.curve.horizon, a.unit)}`), fig));
    } else if (a.kind === 'cif') {
      heading = `Cumulative incidence: ${a.endpoint}${a.by.length ? ` by ${a.by.join(' and ')}` : ''}`;
      blocks.push(...cifBlocks(a, table(`Cumulative incidence of each cause of ${a.endpoint}${a.by.length ? ` by ${a.by.join(' and ')}` : ''}`), fig));
    } else if (a.kind === 'fineGray') {
      heading = `Fine–Gray and cause-specific Cox regression: ${a.endpoint}`;
      blocks.push(...fineGrayBlocks(a, table(`Fine–Gray and cause-specific Cox regression for ${a.endpoint}`), fig, a.endpoint));
    }
    if (blocks.length) sections.push({ id: `section-${a.id}`, heading, blocks });
  }
  if (b.warnings.length) sections.push({ id: 'warnings', heading: 'Warnings', blocks: [{ kind: 'list', items: [...b.warnings] }] });
  if (b.flow.excluded.length)
    sections.push({ id: 'appendix-excluded', heading: 'Appendix: excluded patients', blocks: [{ kind: 'table', table: excludedAppendixTable(b.flow, 'Table A1. Excluded patients by reason') }] });
  const sim = b.simulated;
  return documentUnitPowers({
    title: b.title,
    subtitle: sim ? `Simulated cohort from the profile of ${sim.citation}` : `Analysis of ${b.inputs.map((i) => basename(i.file)).join(', ')}`,
    banner: sim ? `SIMULATED DATA — these are not patients. The cohort was drawn (seed ${sim.seed}) to reproduce the published summaries of ${sim.profile}; use it to see what siilab does, not to draw clinical conclusions.` : null,
    sections,
    attachments: b.flow.excluded.length ? { 'excluded.csv': excludedCsv(b.flow) } : {},
    provenance: `siilab ${b.siilabVersion}; inputs: ${b.inputs.map((i) => `${i.file} (SHA-256 ${i.sha256.slice(0, 16)}…, ${i.rows} rows)`).join('; ')}${b.seed !== null ? `; seed ${b.seed}` : ''}.`,
  });
}
