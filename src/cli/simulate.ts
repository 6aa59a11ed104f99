/** `siilab simulate <profile.yaml> [--n N] [--seed S] --out FILE [--long FILE] [--force]`. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { optionalNumber, optionalString, parseCommandArgs, requireString } from './args.js';
import { usageError } from '../errors.js';
import { cliMessages, simulateMessages } from '../messages/index.js';
import { loadProfile } from '../simulate/loadProfile.js';
import { simulateCohort } from '../simulate/simulateCohort.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { toCsv } from '../io/toCsv.js';
import { emit } from './output.js';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate a cohort that reproduces a paper\'s published summaries (profile YAML)',
  usage: `siilab simulate <profile.yaml> --out FILE [--n N] [--seed S] [--long FILE] [--force] [--json]
  Writes one row per patient to --out (CSV) and, when the profile has a draw schedule, one row per
  blood draw to --long. --n rescales every group proportionally; --seed overrides the profile's seed.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('simulate', argv, {
      out: { type: 'string' }, long: { type: 'string' }, n: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' },
    });
    const file = a.positionals[0];
    if (!file) throw usageError(cliMessages.badOption('simulate', 'give the profile YAML as the first argument.'));
    const out = resolve(ctx.cwd, requireString('simulate', a, 'out'));
    const longOut = optionalString(a, 'long');
    const n = optionalNumber('simulate', a, 'n');
    const seed = optionalNumber('simulate', a, 'seed');
    if (n !== null && (!Number.isInteger(n) || n < 4)) throw usageError(cliMessages.badOption('simulate', `--n must be an integer of at least 4, got ${n}.`));
    if (seed !== null && !Number.isInteger(seed)) throw usageError(cliMessages.badOption('simulate', `--seed must be an integer, got ${seed}.`));
    for (const f of [out, longOut && resolve(ctx.cwd, longOut)]) if (f && existsSync(f) && !a.values.force) throw usageError(simulateMessages.outExists(f));
    const profile = loadProfile(resolve(ctx.cwd, file));
    const sim = simulateCohort(profile, { n: n ?? undefined, seed: seed ?? undefined });
    writeFileAtomic(out, toCsv(sim.wide.columns, sim.wide.rows));
    if (longOut && sim.long) writeFileAtomic(resolve(ctx.cwd, longOut), toCsv(sim.long.columns, sim.long.rows));
    const result = { profile: profile.id, seed: sim.seed, n: sim.n, out, long: longOut && sim.long ? resolve(ctx.cwd, longOut) : null, draws: sim.long?.rows.length ?? 0, endpoints: sim.endpoints };
    emit(ctx, Boolean(a.values.json), result, () =>
      `Simulated ${sim.n} patients from profile ${profile.id} (seed ${sim.seed}) → ${out}` +
      (result.long ? `\n${result.draws} blood draws → ${result.long}` : '') +
      sim.endpoints.map((e) => `\n  ${e.name}: ${e.events} events`).join('') + '\n');
    return 0;
  },
};
