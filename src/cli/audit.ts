/**
 * `siilab audit [--paper deng2025|yu2023|hong2021|all] [FILE] [--json]`: checks that the numbers a
 * paper prints agree with each other (percentages, tests, regression rows, ROC rows, survival
 * summaries, cutoffs, P values). Audits a built-in seed paper, all of them (the default), or a
 * user's paper file in the same YAML/JSON form (schema/audit.schema.json).
 * Exit 0 when it ran, whatever it found; 3 for an invalid paper file; 2 for usage errors.
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { optionalString, parseCommandArgs } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { auditMessages } from '../messages/index.js';
import { auditPapers, type AuditReport } from '../audit/auditPaper.js';
import { BUILTIN_PAPERS, builtinPaper, loadPaperFile, type BuiltinPaper } from '../audit/loadPaper.js';
import type { AuditResult, Severity } from '../audit/findings.js';
import type { PaperDoc } from '../audit/types.js';
import { textTable } from '../report/text/textTable.js';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check that the numbers a published paper reports agree with each other',
  usage: `siilab audit [--paper deng2025|yu2023|hong2021|all] [FILE] [--json]
  Recomputes what a paper's printed numbers imply — percentages from counts, t and chi-square tests,
  P values from statistics, Wald = (β/SE)², exp(β) and its CI, P from a CI (Altman & Bland),
  AUC intervals and P values (Hanley–McNeil), sensitivity/specificity as fractions of the groups,
  Youden's index, a logistic model's intercept against the event rate, cutoffs used across the paper,
  the name of the effect measure, and P values printed as 0.000 — allowing for the rounding of every
  printed number. Findings are errors (numbers that cannot be reconciled), warnings (likely reporting
  slips) and notes.
  --paper ID   a built-in paper (deng2025, yu2023, hong2021) or 'all' (the default without FILE)
  FILE         a paper file in the same YAML or JSON form (see schema/audit.schema.json)
  --json       one JSON object: {papers:[{id,title,checks,findings}], findings:[{paper,location,check,severity,message,reported,recomputed}]}
  Exit codes: 0 the audit ran (whatever it found), 2 usage error, 3 invalid paper file.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('audit', argv, { paper: { type: 'string' } });
    const paper = optionalString(a, 'paper');
    if (a.positionals.length > 1) throw usageError(auditMessages.tooManyFiles());
    const file = a.positionals[0];
    if (paper !== null && file !== undefined) throw usageError(auditMessages.paperAndFile());
    let docs: PaperDoc[];
    if (file !== undefined) docs = [loadPaperFile(resolve(ctx.cwd, file), file)];
    else if (paper === null || paper === 'all') docs = BUILTIN_PAPERS.map((id) => builtinPaper(id));
    else if ((BUILTIN_PAPERS as readonly string[]).includes(paper)) docs = [builtinPaper(paper as BuiltinPaper)];
    else throw usageError(auditMessages.unknownPaper(paper, [...BUILTIN_PAPERS]));
    const report = auditPapers(docs);
    emit(ctx, Boolean(a.values.json), report, () => auditText(report));
    return 0;
  },
};

const HEADINGS: Record<Severity, string> = { error: 'Errors (numbers that cannot be reconciled)', warning: 'Warnings (likely reporting slips)', info: 'Notes' };
const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

function paperText(p: AuditResult): string {
  const n = (s: Severity) => p.findings.filter((f) => f.severity === s).length;
  const evaluated = p.checks.reduce((a, c) => a + c.evaluated, 0);
  const lines = [`${p.id} — ${p.title}`, `${p.checks.length} checks, ${evaluated} printed items evaluated: ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} note(s).`, ''];
  for (const s of ['error', 'warning', 'info'] as const) {
    const fs = p.findings.filter((f) => f.severity === s);
    if (fs.length === 0) continue;
    lines.push(`${HEADINGS[s]}:`);
    for (const f of fs) {
      lines.push(`  ${MARK[s]} ${f.location} [${f.check}]`, `    ${f.message}`, `    reported:   ${f.reported}`, `    recomputed: ${f.recomputed}`);
    }
    lines.push('');
  }
  lines.push(
    textTable(
      ['check', 'evaluated', 'consistent', 'errors', 'warnings', 'notes'],
      p.checks.map((c) => [c.check, String(c.evaluated), String(c.consistent), String(c.errors), String(c.warnings), String(c.infos)]),
    ),
  );
  return lines.join('\n');
}

/** Readable text: one section per paper, findings grouped by severity, then the checks. */
export function auditText(r: AuditReport): string {
  return r.papers.map(paperText).join('\n') + '\n';
}
