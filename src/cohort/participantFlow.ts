/**
 * The participant flow (screened → excluded, by reason → analysed, like yu2023 Figure 1), typed so
 * a report can draw the diagram, with every excluded patient listed with the reason. Each patient
 * is counted once, under the first reason in EXCLUSION_ORDER that applies.
 *
 * @example
 * buildFlow(3, [{ id: 'p2', rows: [], reasons: [{ reason: 'missing-value', variable: 'AFP', detail: 'AFP: missing' }] }])
 * // { screened: 3, steps: [{ reason: 'missing-value', label: 'missing value', n: 1 }], analysed: 2, excluded: [...] }
 */
import type { DataNote } from './dataNote.js';
import type { MissingCause } from './missingCause.js';
import { CAUSE_TEXT } from './missingCause.js';

export type ExclusionReason =
  | 'not-eligible'
  | 'duplicate-id'
  | 'follow-up-before-treatment'
  | 'zero-lymphocytes'
  | 'implausible-value'
  | 'missing-value'
  | 'short-follow-up';

export const EXCLUSION_ORDER: readonly ExclusionReason[] = [
  'not-eligible', 'duplicate-id', 'follow-up-before-treatment', 'zero-lymphocytes', 'implausible-value', 'missing-value', 'short-follow-up',
];

export const REASON_LABEL: Readonly<Record<ExclusionReason, string>> = {
  'not-eligible': 'not eligible',
  'duplicate-id': 'duplicate patient id',
  'follow-up-before-treatment': 'follow-up ends before treatment',
  'zero-lymphocytes': 'lymphocyte count 0',
  'implausible-value': 'implausible value',
  'missing-value': 'missing value',
  'short-follow-up': 'follow-up shorter than the horizon',
};

export function reasonOfCause(c: MissingCause): ExclusionReason {
  switch (c) {
    case 'implausible':
    case 'zero-denominator':
      return 'implausible-value';
    case 'zero-lymphocytes':
      return 'zero-lymphocytes';
    case 'before-origin':
      return 'follow-up-before-treatment';
    case 'short-follow-up':
      return 'short-follow-up';
    default:
      return 'missing-value';
  }
}

export const causeDetail = (variable: string, c: MissingCause): string => `${variable}: ${CAUSE_TEXT[c]}`;

export interface SourceRow {
  readonly file: string;
  /** Spreadsheet row number (header = 1). */
  readonly row: number;
}

export interface PatientReason {
  readonly reason: ExclusionReason;
  readonly variable: string | null;
  readonly detail: string;
  /** For not-eligible: the rule's label (one flow box per rule). */
  readonly label?: string;
  /** The value that excluded the patient (null when missing; absent when not one value). */
  readonly value?: string | number | null;
}

export interface ExcludedPatient {
  readonly id: string;
  readonly rows: readonly SourceRow[];
  readonly reason: ExclusionReason;
  readonly label: string;
  readonly variable: string | null;
  /** The value that excluded the patient (null: missing or not one value). */
  readonly value: string | number | null;
  readonly detail: string;
  /** Every other reason that also applied. */
  readonly alsoApplies: readonly string[];
}

export interface FlowStep {
  readonly reason: ExclusionReason;
  readonly label: string;
  readonly n: number;
  /** The same patients by the variable that excluded them (first reason only), largest first. */
  readonly byVariable: readonly { readonly variable: string | null; readonly n: number }[];
}

export interface ParticipantFlow {
  readonly screened: number;
  /** Exclusion boxes in order (only those with patients). */
  readonly steps: readonly FlowStep[];
  readonly analysed: number;
  readonly excluded: readonly ExcludedPatient[];
  /** Facts about the values read (mixed units converted, missing codes, implausible, zero, unusual), with rows. */
  readonly dataNotes: readonly DataNote[];
}

export interface PatientReasons {
  readonly id: string;
  readonly rows: readonly SourceRow[];
  readonly reasons: readonly PatientReason[];
}

export function buildFlow(screened: number, patients: readonly PatientReasons[], dataNotes: readonly DataNote[] = []): ParticipantFlow {
  const excluded: ExcludedPatient[] = [];
  const counts = new Map<string, { reason: ExclusionReason; label: string; n: number; by: Map<string | null, number> }>();
  for (const p of patients) {
    if (p.reasons.length === 0) continue;
    const sorted = [...p.reasons].sort((a, b) => EXCLUSION_ORDER.indexOf(a.reason) - EXCLUSION_ORDER.indexOf(b.reason));
    const r = sorted[0];
    const label = r.label ?? REASON_LABEL[r.reason];
    excluded.push({
      id: p.id, rows: p.rows, reason: r.reason, label, variable: r.variable, value: r.value ?? null, detail: r.detail,
      alsoApplies: sorted.slice(1).map((x) => x.detail),
    });
    const key = `${r.reason}\u0000${label}`;
    const s = counts.get(key) ?? { reason: r.reason, label, n: 0, by: new Map<string | null, number>() };
    s.n++;
    s.by.set(r.variable, (s.by.get(r.variable) ?? 0) + 1);
    counts.set(key, s);
  }
  const steps: FlowStep[] = [...counts.values()]
    .sort((a, b) => EXCLUSION_ORDER.indexOf(a.reason) - EXCLUSION_ORDER.indexOf(b.reason))
    .map((s) => ({
      reason: s.reason, label: s.label, n: s.n,
      byVariable: [...s.by].map(([variable, n]) => ({ variable, n })).sort((a, b) => b.n - a.n || String(a.variable).localeCompare(String(b.variable))),
    }));
  return Object.freeze({ screened, steps, analysed: screened - excluded.length, excluded, dataNotes });
}
