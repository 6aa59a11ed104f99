/**
 * The excluded patients, as a manuscript shows them: counts by reason in the Participants section
 * (beside the flow diagram), and the patient-level list in a compact appendix (one row per reason
 * with the patient ids) and in full in `excluded.csv` — never a table of a thousand rows in the body.
 */
import type { BundleFlow } from '../../analysis/bundle.js';
import type { ReportTable } from '../tables/reportTable.js';
import { csvCell } from '../tables/csvCell.js';

/** At most this many patient ids are printed per reason in the appendix; the rest are in excluded.csv. */
export const APPENDIX_IDS_PER_REASON = 40;

/** Counts by reason, in the order the rules were applied (each patient under its first reason). */
export function exclusionCountsTable(flow: BundleFlow, title: string): ReportTable {
  const counts = new Map<string, number>();
  for (const e of flow.excluded) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const rows = [...counts].map(([label, n]) => ({ cells: [label, String(n)] }));
  rows.push({ cells: ['Total excluded', String(flow.excluded.length)] });
  return {
    id: 'table-exclusions',
    title,
    columns: [{ label: 'Reason', align: 'left' }, { label: 'Patients', align: 'right' }],
    rows,
    footnotes: [`Of ${flow.screened} patients in the data, ${flow.analysed} were analysed. Each patient is counted once, under the first reason that applies; the patients are listed in the appendix and, with their spreadsheet rows, in excluded.csv.`],
  };
}

/** The appendix: one row per reason, the patient ids (up to APPENDIX_IDS_PER_REASON) and an example detail. */
export function excludedAppendixTable(flow: BundleFlow, title: string): ReportTable {
  const byReason = new Map<string, BundleFlow['excluded'][number][]>();
  for (const e of flow.excluded) {
    const list = byReason.get(e.label) ?? [];
    list.push(e);
    byReason.set(e.label, list);
  }
  const rows = [...byReason].map(([label, list]) => {
    const ids = list.slice(0, APPENDIX_IDS_PER_REASON).map((e) => e.id).join(', ');
    const more = list.length > APPENDIX_IDS_PER_REASON ? `, … and ${list.length - APPENDIX_IDS_PER_REASON} more (excluded.csv)` : '';
    const details = [...new Set(list.map((e) => e.detail))];
    const detail = details.length === 1 ? details[0] : `e.g. ${details[0]} (${details.length} different details; all in excluded.csv)`;
    return { cells: [label, String(list.length), ids + more, detail] };
  });
  return {
    id: 'table-excluded',
    title,
    columns: [{ label: 'Reason', align: 'left' }, { label: 'n', align: 'right' }, { label: 'Patients', align: 'left' }, { label: 'Detail', align: 'left' }],
    rows,
    footnotes: ['Every excluded patient with the reason, the detail and the spreadsheet row(s) (header = row 1) is in excluded.csv beside this report.'],
  };
}

/** excluded.csv: one row per excluded patient (formula-safe cells). */
export function excludedCsv(flow: BundleFlow): string {
  const lines = [['patient', 'reason', 'label', 'detail', 'file', 'rows'].join(',')];
  for (const e of flow.excluded) {
    const files = [...new Set(e.rows.map((r) => r.file))].join('; ');
    lines.push([e.id, e.reason, e.label, e.detail, files, e.rows.map((r) => r.row).join(' ')].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
