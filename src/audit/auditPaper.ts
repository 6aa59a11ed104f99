/**
 * The audit's pure entry points (no I/O; the web app calls these): run every check on a validated
 * paper document and collect the findings.
 *
 * @example
 * const r = auditPaper(doc);       // doc: a PaperDoc from loadPaper / parsePaper
 * r.findings.filter((f) => f.severity === 'error').length
 */
import { CHECKS } from './checks/index.js';
import type { AuditResult, CheckSummary, IndexedPaper, PaperFinding } from './findings.js';
import type { PaperDoc } from './types.js';

/** Lookups shared by the checks. */
export function indexPaper(doc: PaperDoc): IndexedPaper {
  const rocByMarker = new Map<string, NonNullable<PaperDoc['roc']>[number]>();
  for (const r of doc.roc ?? []) if (!rocByMarker.has(r.marker)) rocByMarker.set(r.marker, r);
  return {
    doc,
    groups: new Map(doc.groups.map((g) => [g.id, g])),
    continuousByVariable: new Map((doc.continuous ?? []).map((r) => [r.variable, r])),
    rocByMarker,
    categorical: doc.categorical ?? [],
  };
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs every check on one paper. Findings are sorted by severity (errors first), then check order. */
export function auditPaper(doc: PaperDoc): AuditResult {
  const paper = indexPaper(doc);
  const checks: CheckSummary[] = [];
  const findings = [];
  for (const check of CHECKS) {
    const o = check.run(paper);
    checks.push({
      check: check.id,
      title: check.title,
      evaluated: o.evaluated,
      consistent: o.consistent,
      errors: o.findings.filter((f) => f.severity === 'error').length,
      warnings: o.findings.filter((f) => f.severity === 'warning').length,
      infos: o.findings.filter((f) => f.severity === 'info').length,
    });
    findings.push(...o.findings);
  }
  const rank = new Map(CHECKS.map((c, i) => [c.id, i]));
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || rank.get(a.check)! - rank.get(b.check)!);
  return { id: doc.id, title: doc.title, checks, findings };
}

/** The audit of several papers, in the shape of `siilab audit --json`. */
export interface AuditReport {
  readonly papers: readonly AuditResult[];
  readonly findings: readonly PaperFinding[];
}

export function auditPapers(docs: readonly PaperDoc[]): AuditReport {
  const papers = docs.map(auditPaper);
  return { papers, findings: papers.flatMap((p) => p.findings.map((f) => ({ paper: p.id, ...f }))) };
}
