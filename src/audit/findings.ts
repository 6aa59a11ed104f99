/**
 * Findings of the audit and the contract of a check.
 *
 * Severity (the same rule in every check):
 * - `error`: the printed numbers contradict each other — no set of unrounded values that round to
 *   what is printed reproduces them.
 * - `warning`: the numbers can be reconciled only by reading them differently from what the paper
 *   says (groups exchanged, another test or correction, "0.001" meaning "< 0.001"), or a reporting
 *   convention that misleads (P = 0.000, an odds ratio called relative risk, cutoffs that differ).
 * - `info`: consistent, but worth knowing (e.g. a 2 × 2 test with an expected count below 5).
 */
import type { Location, PaperDoc, Group, RocRow, ContinuousRow, CategoricalRow } from './types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Where in the paper, e.g. "Table 1 › Age (years)". */
  readonly location: string;
  /** The check id, e.g. "percent-of-count". */
  readonly check: string;
  readonly severity: Severity;
  /** One sentence a clinician can understand. */
  readonly message: string;
  /** What the paper prints. */
  readonly reported: string;
  /** What was recomputed from the paper's other numbers. */
  readonly recomputed: string;
}

/** A finding as listed across papers (JSON output `findings`). */
export interface PaperFinding extends Finding {
  readonly paper: string;
}

/** How one check went on one paper. */
export interface CheckSummary {
  readonly check: string;
  readonly title: string;
  /** Number of printed items the check could evaluate. */
  readonly evaluated: number;
  /** Items with no error or warning. */
  readonly consistent: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The audit of one paper (what `auditPaper` returns). */
export interface AuditResult {
  readonly id: string;
  readonly title: string;
  readonly checks: readonly CheckSummary[];
  readonly findings: readonly Finding[];
}

/** A paper with lookups the checks share. */
export interface IndexedPaper {
  readonly doc: PaperDoc;
  readonly groups: ReadonlyMap<string, Group>;
  readonly continuousByVariable: ReadonlyMap<string, ContinuousRow>;
  readonly rocByMarker: ReadonlyMap<string, RocRow>;
  readonly categorical: readonly CategoricalRow[];
}

/** What a check returns on one paper. */
export interface CheckOutcome {
  readonly evaluated: number;
  readonly consistent: number;
  readonly findings: readonly Finding[];
}

export interface Check {
  readonly id: string;
  readonly title: string;
  /** The tolerance, documented (also shown in docs/readme/audit.md). */
  readonly tolerance: string;
  run(paper: IndexedPaper): CheckOutcome;
}

/** "Table 1 › Age (years)" */
export function where(loc: Location): string {
  return [loc.table, loc.row, loc.section].filter((s) => s !== undefined && s !== '').join(' › ') || '(unspecified)';
}

/** Accumulates a check's outcome: every evaluated item either passes or adds findings. */
export class Tally {
  evaluated = 0;
  consistent = 0;
  readonly findings: Finding[] = [];
  constructor(private readonly check: string) {}
  /** One item evaluated; consistent unless it produced an error or warning. */
  item(findings: readonly (Omit<Finding, 'check'> | null)[] = []): void {
    this.evaluated++;
    let bad = false;
    for (const f of findings) {
      if (!f) continue;
      this.findings.push({ ...f, check: this.check });
      if (f.severity !== 'info') bad = true;
    }
    if (!bad) this.consistent++;
  }
  outcome(): CheckOutcome {
    return { evaluated: this.evaluated, consistent: this.consistent, findings: this.findings };
  }
}
