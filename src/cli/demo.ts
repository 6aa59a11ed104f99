/** `siilab demo [--paper deng2025|yu2023|hong2021|all] [--out DIR] [--format html,docx,md]`. */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { choice, optionalList, optionalString, parseCommandArgs } from './args.js';
import { PAPERS, runDemoPaper, type Paper } from '../demo/runDemo.js';
import { reportFormats } from './reportFormats.js';
import { emit } from './output.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'simulate the seed papers\' cohorts, run their analyses and write the reports (simulated data)',
  usage: `siilab demo [--paper deng2025|yu2023|hong2021|all] [--out DIR] [--format html,docx,md] [--json]
  For each paper: simulate a cohort reproducing its published summaries, run its analysis plan
  (examples/<paper>/study.yaml) and write the report with published numbers beside reproduced ones.
  Default: all three papers into ./siilab-demo.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('demo', argv, { paper: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } });
    const which = choice('demo', a, 'paper', [...PAPERS, 'all'] as const, 'all');
    const papers: Paper[] = which === 'all' ? [...PAPERS] : [which];
    const out = resolve(ctx.cwd, optionalString(a, 'out') ?? 'siilab-demo');
    const formats = reportFormats('demo', optionalList(a, 'format'));
    const quiet = Boolean(a.values.json);
    const started = Date.now();
    const results: Awaited<ReturnType<typeof runDemoPaper>>[] = [];
    for (const p of papers) {
      const r = await runDemoPaper(p, out, formats, quiet ? undefined : (s) => ctx.err(`  ${s}\n`));
      results.push(r);
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    emit(ctx, quiet, { out, papers: results.map((r) => ({ paper: r.paper, n: r.n, out: r.out, report: r.report, comparison: r.comparison })) }, () =>
      `\nsiilab demo — SIMULATED cohorts from the seed papers' published summaries (${secs} s)\n` +
      results.map((r) => `  ${r.paper.padEnd(9)} ${String(r.n).padStart(4)} patients  →  ${r.report}`).join('\n') +
      `\n\nOpen a report.html in your browser; report.docx opens in Word. Each report sets the paper's printed numbers beside the reproduced ones.\n`);
    return 0;
  },
};
