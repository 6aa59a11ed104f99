/**
 * The command registry: one line per command (name, one-line summary, loader). Each command lives
 * in its own file and is imported only when it runs, so `siilab calc` does not pay for loading the
 * spreadsheet, Word and PNG libraries that other commands need.
 */
import type { Command } from './command.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

const entries: CommandEntry[] = [
  { name: 'calc', summary: 'bedside calculator: SII and relatives for one patient, read against the seed studies', load: async () => (await import('./calc.js')).calcCommand },
  { name: 'indices', summary: 'SII, NLR, PLR, dNLR, SIRI and PIV for every row of a table', load: async () => (await import('./indices.js')).indicesCommand },
  { name: 'km', summary: 'Kaplan–Meier estimates and log-rank tests', load: async () => (await import('./km.js')).kmCommand },
  { name: 'cox', summary: 'Cox proportional hazards regression', load: async () => (await import('./cox.js')).coxCommand },
  { name: 'cif', summary: "competing risks: cumulative incidence per cause and group (Aalen–Johansen) with Gray's test", load: async () => (await import('./cif.js')).cifCommand },
  { name: 'finegray', summary: 'competing risks: Fine–Gray subdistribution hazards regression beside the cause-specific Cox model', load: async () => (await import('./finegray.js')).fineGrayCommand },
  { name: 'compare', summary: 'compare variables between groups (baseline table tests)', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'roc', summary: 'ROC analysis: AUC with DeLong CI, optimal cut-offs, paired comparisons, combined markers', load: async () => (await import('./roc.js')).rocCommand },
  { name: 'tdroc', summary: "time-dependent ROC: AUC(t) with IPCW and influence-function CI, paired differences, Harrell's and Uno's C", load: async () => (await import('./tdroc.js')).tdrocCommand },
  { name: 'logit', summary: 'binary logistic regression', load: async () => (await import('./logit.js')).logitCommand },
  { name: 'validate', summary: 'bootstrap internal validation (optimism-corrected C, calibration slope, Brier) and calibration at a horizon', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'dca', summary: 'decision curve analysis: net benefit over threshold probabilities', load: async () => (await import('./dca.js')).dcaCommand },
  { name: 'audit', summary: 'check that the numbers a published paper reports agree with each other', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'inspect', summary: 'describe a data file and suggest how its columns map to siilab variables', load: async () => (await import('./inspect.js')).inspectCommand },
  { name: 'init', summary: 'write a first study file (study.yaml) from a data file', load: async () => (await import('./init.js')).initCommand },
  { name: 'analyze', summary: 'run a study spec end to end: data → derivations → analyses → results bundle → report', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'report', summary: 'render a results bundle as HTML, Word and Markdown with tables and figures', load: async () => (await import('./report.js')).reportCommand },
  { name: 'demo', summary: "simulate the seed papers' cohorts, run their analyses and write the reports (simulated data)", load: async () => (await import('./demo.js')).demoCommand },
  { name: 'simulate', summary: "simulate a cohort that reproduces a paper's published summaries (profile YAML)", load: async () => (await import('./simulate.js')).simulateCommand },
  { name: 'meta', summary: 'meta-analysis of published effects: pooled estimate, heterogeneity, prediction interval, subgroups, meta-regression, funnel plot', load: async () => (await import('./meta.js')).metaCommand },
  { name: 'pool', summary: 'multi-centre: pool site bundles (Kaplan–Meier, stratified log-rank, Cox/logistic by meta-analysis) without patient rows', load: async () => (await import('./pool.js')).poolCommand },
  { name: 'site-step', summary: 'multi-centre: one centre’s score and information at a proposed β (distributed Cox, for siilab pool --rounds)', load: async () => (await import('./siteStep.js')).siteStepCommand },
  { name: 'power', summary: 'sample size or power for a planned study (log-rank/Cox, AUC, events per variable)', load: async () => (await import('./power.js')).powerCommand },
  { name: 'serve', summary: 'start the local web application (calculator, cohorts, analyses, cutoff explorer, audit, reports)', load: async () => (await import('./serve.js')).serveCommand },
];

export const commands: Readonly<Record<string, CommandEntry>> = Object.fromEntries(entries.map((c) => [c.name, c]));
