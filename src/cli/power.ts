/** `siilab power`: sample size or power for a planned SII study (log-rank/Cox, AUC, events per variable). */
import type { Command } from './command.js';
import { choice, optionalNumber, parseCommandArgs } from './args.js';
import { usageError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import { schoenfeldEvents, schoenfeldPower } from '../stats/power/schoenfeld.js';
import { aucPower, aucSampleSize } from '../stats/power/aucSampleSize.js';
import { eventsPerVariable } from '../stats/power/eventsPerVariable.js';
import { emit } from './output.js';

const METHODS = ['logrank', 'auc', 'epv'] as const;

function num(a: Parameters<typeof optionalNumber>[1], name: string, dflt: number | null, lo: number, hi: number, open = true): number {
  const v = optionalNumber('power', a, name) ?? dflt;
  if (v === null) throw usageError(cliMessages.missingOption('power', name));
  if (open ? !(v > lo && v < hi) : !(v >= lo && v <= hi)) throw usageError(cliMessages.badOption('power', `--${name} must be between ${lo} and ${hi}${open ? ' (exclusive)' : ''}, got ${v}.`));
  return v;
}

export const powerCommand: Command = {
  name: 'power',
  summary: 'sample size or power for a planned study (log-rank/Cox, AUC, events per variable)',
  usage: `siilab power --method logrank --hr HR [--alpha 0.05] [--power 0.8 | --events D] [--allocation 0.5] [--event-prob P]
siilab power --method auc --auc A [--auc0 0.5] [--alpha 0.05] [--power 0.8 | --cases N1] [--ratio K]
siilab power --method epv --variables K [--epv 10] --event-rate P
  logrank: Schoenfeld (1983) events for a two-group comparison (e.g. SII high vs low); with --events, the power.
  auc: Hanley–McNeil (1982) variance as in Obuchowski (1998); --ratio = controls per case.
  epv: Peduzzi (1996) events per variable for a multivariable model (yu2023 planned with 10).`,
  async run(argv, ctx) {
    const a = parseCommandArgs('power', argv, {
      method: { type: 'string' }, hr: { type: 'string' }, alpha: { type: 'string' }, power: { type: 'string' }, events: { type: 'string' },
      allocation: { type: 'string' }, 'event-prob': { type: 'string' }, auc: { type: 'string' }, auc0: { type: 'string' }, cases: { type: 'string' },
      ratio: { type: 'string' }, variables: { type: 'string' }, epv: { type: 'string' }, 'event-rate': { type: 'string' },
    });
    const method = choice('power', a, 'method', METHODS, 'logrank');
    const alpha = num(a, 'alpha', 0.05, 0, 1);
    let result: Record<string, unknown>;
    let text: string;
    if (method === 'logrank') {
      const hr = num(a, 'hr', null, 0, Infinity);
      if (hr === 1) throw usageError(cliMessages.badOption('power', '--hr 1 means no effect: no sample size detects it.'));
      const allocation = num(a, 'allocation', 0.5, 0, 1);
      const events = optionalNumber('power', a, 'events');
      if (events !== null) {
        if (!(events > 0)) throw usageError(cliMessages.badOption('power', `--events must be positive, got ${events}.`));
        const p = schoenfeldPower(hr, events, alpha, allocation);
        result = { method: 'logrank', formula: 'Schoenfeld 1983', hazardRatio: hr, alpha, allocation, events, power: p };
        text = `Log-rank (Schoenfeld 1983): HR ${hr}, ${events} events, allocation ${allocation}, two-sided α ${alpha} → power ${(100 * p).toFixed(1)}%\n`;
      } else {
        const power = num(a, 'power', 0.8, 0, 1);
        const ep = optionalNumber('power', a, 'event-prob');
        if (ep !== null && !(ep > 0 && ep <= 1)) throw usageError(cliMessages.badOption('power', `--event-prob must be in (0, 1], got ${ep}.`));
        const r = schoenfeldEvents({ hazardRatio: hr, alpha, power, allocation, eventProbability: ep ?? undefined });
        result = { method: 'logrank', formula: 'Schoenfeld 1983', hazardRatio: hr, alpha, power, allocation, eventProbability: ep, ...r };
        text = `Log-rank (Schoenfeld 1983): HR ${hr}, allocation ${allocation}, two-sided α ${alpha}, power ${power}\n  events required: ${r.eventsRequired}` +
          (r.patientsRequired !== null ? `\n  patients required (event probability ${ep}): ${r.patientsRequired}` : '\n  (give --event-prob to turn events into patients)') + '\n';
      }
    } else if (method === 'auc') {
      const auc = num(a, 'auc', null, 0, 1);
      const auc0 = num(a, 'auc0', 0.5, 0, 1);
      if (auc === auc0) throw usageError(cliMessages.badOption('power', '--auc equals --auc0: there is no difference to detect.'));
      const ratio = num(a, 'ratio', 1, 0, Infinity);
      const cases = optionalNumber('power', a, 'cases');
      if (cases !== null) {
        if (!Number.isInteger(cases) || cases < 2) throw usageError(cliMessages.badOption('power', `--cases must be an integer ≥ 2, got ${cases}.`));
        const nControls = Math.ceil(ratio * cases - 1e-9);
        const p = aucPower({ auc, auc0, nCases: cases, nControls, alpha });
        result = { method: 'auc', formula: 'Hanley–McNeil 1982 / Obuchowski 1998', auc, auc0, alpha, nCases: cases, nControls, power: p };
        text = `AUC ${auc} vs ${auc0}: ${cases} cases and ${nControls} controls, two-sided α ${alpha} → power ${(100 * p).toFixed(1)}%\n`;
      } else {
        const power = num(a, 'power', 0.8, 0, 1);
        const r = aucSampleSize(auc, auc0, alpha, power, ratio);
        result = { method: 'auc', formula: 'Hanley–McNeil 1982 / Obuchowski 1998', auc, auc0, alpha, targetPower: power, controlsPerCase: ratio, ...r };
        text = `AUC ${auc} vs ${auc0} (two-sided α ${alpha}, power ${power}, ${ratio} controls per case):\n  ${r.nCases} cases and ${r.nControls} controls (achieved power ${(100 * r.power).toFixed(1)}%)\n`;
      }
    } else {
      const k = num(a, 'variables', null, 1, 1000, false);
      const epv = num(a, 'epv', 10, 0, 1000);
      const rate = num(a, 'event-rate', null, 0, 1);
      const r = eventsPerVariable({ variables: k, eventsPerVariable: epv, eventRate: rate });
      result = { method: 'epv', formula: 'Peduzzi 1996', variables: k, eventsPerVariable: epv, eventRate: rate, ...r };
      text = `Events per variable (Peduzzi 1996): ${k} variables × ${epv} events = ${r.events} events; at an event rate of ${rate}: ${r.patients} patients\n`;
    }
    emit(ctx, Boolean(a.values.json), result, () => text);
    return 0;
  },
};
