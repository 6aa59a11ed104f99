/**
 * Report blocks of the competing-risks analyses (issue 13):
 * - `cif`: the cumulative-incidence table (per cause and group: n, events, CIF with its 95% CI at
 *   the spec's times, Gray's test P) and one figure per cause (a curve per group with numbers at
 *   risk and Gray's P);
 * - `fineGray`: the table of subdistribution hazard ratios (Fine–Gray) beside the cause-specific
 *   hazard ratios of each cause, a footnote saying in plain words what each answers, and a forest
 *   plot with one panel per model.
 * Numbers come from the bundle; text is formatted here only.
 */
import type { Plain } from '../../analysis/plain.js';
import type { CifAnalysisResult } from '../../analysis/cifAnalysis.js';
import type { FineGrayAnalysisResult } from '../../analysis/fineGrayAnalysis.js';
import type { CumulativeIncidenceResult } from '../../stats/competing/types.js';
import type { ReportBlock } from '../document/reportDocument.js';
import type { ReportRow, ReportTable } from '../tables/reportTable.js';
import type { ForestFigureData, ForestRow } from '../figures/forestData.js';
import { cifFigureData } from '../figures/cifData.js';
import { cifSvg } from '../figures/cifSvg.js';
import { forestSvg } from '../figures/forestSvg.js';
import { estimateCi, fixed, formatP, pPhrase } from '../format/numbers.js';
import { timeLabel } from './resultTables.js';

const L = 'left' as const;
const R = 'right' as const;
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
/** The y-axis title: names the cause when it fits beside the axis (the caption always names it). */
const yLabel = (cause: string): string => (`Cumulative incidence of ${cause}`.length <= 36 ? `Cumulative incidence of ${lowerFirst(cause)}` : 'Cumulative incidence');
const groupText = (g: string): string => (g === 'all' ? 'All patients' : g);

/** "34.5 (25.9–43.2)": a cumulative incidence and its CI in percent; — beyond the group's follow-up. */
function cifCell(c: { cif: number; lower: number | null; upper: number | null } | undefined, beyond: boolean): string {
  if (!c || beyond) return '—';
  if (c.lower === null || c.upper === null) return fixed(100 * c.cif, 1);
  return `${fixed(100 * c.cif, 1)} (${fixed(100 * c.lower, 1)}–${fixed(100 * c.upper, 1)})`;
}

export function cifTable(a: Plain<CifAnalysisResult>, title: string): ReportTable {
  const r = a.cif as unknown as CumulativeIncidenceResult;
  const rows: ReportRow[] = [];
  for (const cause of a.causes) {
    const gray = r.gray.find((g) => g.cause === cause.code);
    rows.push({ cells: [`${cause.label}${gray ? ` (Gray's test χ² = ${fixed(gray.chisq, 2)}, ${pPhrase(gray.p)})` : ''}`, '', '', ...a.times.map(() => '')], section: true });
    r.groups.forEach((g, k) => {
      const curve = r.curves.find((c) => c.group === g && c.cause === cause.code);
      if (!curve) return;
      rows.push({
        cells: [groupText(g), String(curve.n), String(curve.events), ...a.times.map((t) => cifCell(curve.at.find((x) => x.time === t), t > r.maxTime[k]))],
        indent: 1,
      });
    });
  }
  const footnotes = [
    `Cumulative incidence (%) with log(−log) 95% CI: the Aalen–Johansen estimate of the probability of having had each event by the time shown, a competing event ending the risk of the other (not censoring it); variance as R cmprsk::cuminc. — at a time beyond the group's follow-up.`,
  ];
  if (r.gray.length) footnotes.push(`Gray's test (Gray, 1988) compares the cumulative incidence of one cause across the groups (${r.groups.length - 1} df); its variance is Gray's asymptotic variance under the null hypothesis, as in R's cmprsk::cuminc.`);
  if (r.nDropped) footnotes.push(`${r.nDropped} patient(s) without a time, status${a.by.length ? ' or group' : ''} were left out (n = ${r.n}).`);
  for (const w of a.warnings) footnotes.push(w);
  return {
    id: `table-${a.id}`,
    title,
    columns: [
      { label: a.by.length ? 'Cause / group' : 'Cause', align: L }, { label: 'n', align: R }, { label: 'Events', align: R },
      ...a.times.map((t) => ({ label: `${timeLabel(t, a.unit)} cumulative incidence, % (95% CI)`, align: R })),
    ],
    rows,
    footnotes,
  };
}

export function cifBlocks(a: Plain<CifAnalysisResult>, tableTitle: string, fig: (s: string) => string): ReportBlock[] {
  const r = a.cif as unknown as CumulativeIncidenceResult;
  const by = a.by.length ? ` by ${a.by.join(' and ')}` : '';
  const blocks: ReportBlock[] = [{ kind: 'table', table: cifTable(a, tableTitle) }];
  const wide = r.groups.length > 2;
  for (const cause of a.causes) {
    const gray = r.gray.find((g) => g.cause === cause.code);
    const other = a.causes.find((c) => c.code !== cause.code);
    const title = `Cumulative incidence of ${lowerFirst(cause.label)}${by}`;
    blocks.push({
      kind: 'figure',
      figure: {
        id: `figure-${a.id}-cause-${cause.code}`,
        caption: fig(
          `Cumulative incidence of ${lowerFirst(cause.label)}${by} (Aalen–Johansen${other ? `; ${lowerFirst(other.label)} a competing event, not censored` : ''}), with numbers at risk${gray ? `; Gray's test χ² = ${fixed(gray.chisq, 2)}, ${pPhrase(gray.p)}` : ''}.`,
        ),
        svg: cifSvg(cifFigureData(r, cause.code, { title, timeLabel: `Time (${a.unit})`, riskTimes: a.riskTimes, yLabel: yLabel(cause.label), width: wide ? 'double' : 'single' }), { width: wide ? 'double' : 'single' }),
        widthMm: wide ? 175 : 85,
      },
    });
  }
  return blocks;
}

interface ModelColumn {
  readonly title: string;
  readonly measure: string;
  readonly coefficients: readonly { term: string; ratio: number; lower: number | null; upper: number | null; p: number }[] | null;
  readonly n: number | null;
  readonly note: string | null;
}

function modelColumns(a: Plain<FineGrayAnalysisResult>): ModelColumn[] {
  const fg = a.fineGray;
  const cols: ModelColumn[] = [
    {
      title: `Fine–Gray: ${lowerFirst(a.causes.find((c) => c.code === 1)?.label ?? 'event')}`,
      measure: 'sHR',
      coefficients: fg ? fg.coefficients.map((c) => ({ term: c.term, ratio: c.shr, lower: c.lower, upper: c.upper, p: c.p })) : null,
      n: fg ? fg.n : null,
      note: a.error,
    },
  ];
  for (const cs of a.causeSpecific)
    cols.push({
      title: `Cause-specific Cox: ${lowerFirst(cs.label)}`,
      measure: 'HR',
      coefficients: cs.result ? cs.result.coefficients.map((c) => ({ term: c.term, ratio: c.hr, lower: c.lower, upper: c.upper, p: c.p })) : null,
      n: cs.result ? cs.result.n : null,
      note: cs.error,
    });
  return cols;
}

export function fineGrayTable(a: Plain<FineGrayAnalysisResult>, title: string): ReportTable {
  const cols = modelColumns(a);
  const terms = [...new Set(cols.flatMap((c) => (c.coefficients ?? []).map((x) => x.term)))];
  const rows: ReportRow[] = terms.map((term) => ({
    cells: [
      term,
      ...cols.flatMap((c) => {
        const x = c.coefficients?.find((k) => k.term === term);
        return x ? [estimateCi(x.ratio, x.lower, x.upper, 2), formatP(x.p)] : ['—', ''];
      }),
    ],
  }));
  const event = lowerFirst(a.causes.find((c) => c.code === 1)?.label ?? 'the event');
  const competing = lowerFirst(a.causes.find((c) => c.code === 2)?.label ?? 'the competing event');
  const fg = a.fineGray;
  const footnotes = [
    `sHR, subdistribution hazard ratio (Fine & Gray, 1999; robust SE, as R cmprsk::crr): how a factor changes the cumulative incidence of ${event} — the probability of having had it by a given time, patients who had ${competing} counted as never having it. Use it to predict who will have ${event}.`,
    `HR, cause-specific hazard ratio (Cox model of one cause, the other censored; ${a.ties === 'efron' ? 'Efron' : 'Breslow'} ties): how a factor changes the rate of that event among patients still free of both. Use it to ask whether a factor acts on ${event} itself. A factor that raises the hazard of ${competing} can lower the cumulative incidence of ${event} without acting on it, so the two may differ.`,
    `All models on the same ${fg ? fg.n : cols.find((c) => c.n !== null)?.n ?? 0} patients${fg ? ` (${fg.events} ${event}, ${fg.competing} ${competing}, ${fg.censored} censored${fg.nDropped ? `; ${fg.nDropped} with a missing value left out` : ''})` : ''}; Wald 95% CIs.`,
  ];
  for (const c of cols) if (c.note) footnotes.push(`${c.title}: not fitted — ${c.note}`);
  if (fg && !fg.converged) footnotes.push(`The Fine–Gray fit did not converge in ${fg.iterations} iterations; its estimates are not reliable.`);
  for (const w of a.warnings) if (!footnotes.includes(w)) footnotes.push(w);
  return {
    id: `table-${a.id}`,
    title,
    columns: [{ label: 'Factor', align: L }, ...cols.flatMap((c) => [{ label: `${c.measure} (95% CI)`, align: R }, { label: 'P', align: R }])],
    headerGroups: [{ label: '', span: 1 }, ...cols.map((c) => ({ label: c.title, span: 2 }))],
    rows,
    footnotes,
  };
}

export function fineGrayForestData(a: Plain<FineGrayAnalysisResult>, title: string): ForestFigureData {
  const cols = modelColumns(a);
  return {
    title,
    // sHR and cause-specific HR are both hazard ratios (of the subdistribution, of the cause); each panel names its own
    measure: 'HR',
    panels: cols
      .filter((c) => c.coefficients)
      .map((c) => ({
        title: `${c.title} (${c.measure})`,
        rows: c.coefficients!.map((x): ForestRow => ({ label: x.term, key: x.term, estimate: x.ratio, lower: x.lower, upper: x.upper, p: x.p, n: c.n })),
      })),
  };
}

export function fineGrayBlocks(a: Plain<FineGrayAnalysisResult>, tableTitle: string, fig: (s: string) => string, endpointLabel: string): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'table', table: fineGrayTable(a, tableTitle) }];
  const forest = fineGrayForestData(a, `Subdistribution and cause-specific hazard ratios for ${endpointLabel}`);
  if (forest.panels.length)
    blocks.push({
      kind: 'figure',
      figure: {
        id: `figure-${a.id}`,
        caption: fig(`Fine–Gray subdistribution hazard ratios (sHR) and cause-specific hazard ratios (HR) with 95% CIs for ${endpointLabel}, log scale.`),
        svg: forestSvg(forest, { width: 'double' }),
        widthMm: 175,
      },
    });
  return blocks;
}
