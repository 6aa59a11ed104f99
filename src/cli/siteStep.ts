/**
 * `siilab site-step <study.yaml> --beta B1,B2,... [--analysis cox-1] [--site NAME] [--out FILE] [--json]`:
 * one centre's answer in a distributed Newton–Raphson round: the log partial likelihood, score
 * vector and information matrix of the analysis's multivariable Cox model at β, on this centre's rows.
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, numberList, optionalString, parseCommandArgs } from './args.js';
import { emit, toJson } from './output.js';
import { usageError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import { siteStep } from '../multicentre/siteStep.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { sig } from '../report/text/formatNumber.js';

export const siteStepCommand: Command = {
  name: 'site-step',
  summary: 'multi-centre: one centre’s score and information at a proposed β (distributed Cox, for siilab pool --rounds)',
  usage: `siilab site-step <study.yaml> --beta B1,B2,... [--analysis cox-1] [--site NAME] [--out FILE] [--json]
  Start with --beta 0,0,... (one value per model term); send FILE to the coordinator, who runs
  'siilab pool --rounds' on every centre's step and sends back the next β, until it says converged.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('site-step', argv, { beta: { type: 'string' }, analysis: { type: 'string' }, site: { type: 'string' }, out: { type: 'string' } });
    const spec = fileArgument('site-step', a);
    const beta = numberList('site-step', a, 'beta');
    if (!beta) throw usageError(cliMessages.missingOption('site-step', 'beta'));
    const step = await siteStep(resolve(ctx.cwd, spec), optionalString(a, 'site') ?? spec, optionalString(a, 'analysis') ?? 'cox-1', beta);
    const out = optionalString(a, 'out');
    if (out) writeFileAtomic(resolve(ctx.cwd, out), toJson(step) + '\n');
    emit(ctx, Boolean(a.values.json), step, () =>
      `Site step for ${step.analysis} at ${step.site} (n = ${step.n}, events = ${step.events}) at β = (${step.beta.join(', ')}):\n` +
      `  log partial likelihood ${sig(step.loglik, 10)}; score (${step.score.map((u) => sig(u, 6)).join(', ')})\n` +
      (out ? `Written to ${resolve(ctx.cwd, out)}: send it to the coordinator.\n` : ''));
    return 0;
  },
};
