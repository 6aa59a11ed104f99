/**
 * `--per COL=N`, `--transform COL=log|log2|log10|sqrt` and `--standardise A,B` of `siilab cox` and
 * `siilab logit`: continuous covariates on a usable scale, named in the output ("SII (per 100)",
 * "log afp", "age (per SD = 10.4)"). The scaling is src/stats/design/scaleCovariate.ts, the same the
 * study pipeline uses.
 */
import { usageError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import type { RawCovariate } from '../io/covariates.js';
import { scaleCovariate, type CovariateTransform } from '../stats/design/scaleCovariate.js';
import { refLevels, optionalList, type ParsedArgs } from './args.js';
import type { OptionSpec } from './args.js';

export const SCALE_OPTIONS: OptionSpec = {
  per: { type: 'string', multiple: true },
  transform: { type: 'string', multiple: true },
  standardise: { type: 'string' },
};

export const SCALE_HELP = `  --per COL=N            effect per N units of COL (e.g. --per SII=100)
  --transform COL=F      F = log, log2, log10 or sqrt of COL before --per
  --standardise A,B      these covariates per SD (mean 0, SD 1)`;

export interface CovariateScale {
  readonly transform?: CovariateTransform;
  readonly per?: number;
}

const PREFIX: Readonly<Record<string, string>> = { log: 'log ', log2: 'log₂ ', log10: 'log₁₀ ', sqrt: '√' };

/** The scales the options ask for, by column; refuses unknown transforms, bad numbers and non-covariates. */
export function covariateScales(cmd: string, a: ParsedArgs, covariates: readonly string[]): Map<string, CovariateScale> {
  const out = new Map<string, { transform?: CovariateTransform; per?: number }>();
  const get = (c: string, opt: string) => {
    if (!covariates.includes(c)) throw usageError(cliMessages.badOption(cmd, `--${opt} names '${c}', which is not among the covariates.`));
    const s = out.get(c) ?? {};
    out.set(c, s);
    return s;
  };
  for (const [c, v] of refLevels(cmd, a, 'per')) {
    const n = Number(v);
    if (!(n > 0) || !Number.isFinite(n)) throw usageError(cliMessages.badOption(cmd, `--per ${c}=${v}: N must be a positive number.`));
    get(c, 'per').per = n;
  }
  for (const [c, v] of refLevels(cmd, a, 'transform')) {
    if (!['log', 'log2', 'log10', 'sqrt'].includes(v)) throw usageError(cliMessages.badOption(cmd, `--transform ${c}=${v}: the transform must be log, log2, log10 or sqrt.`));
    const s = get(c, 'transform');
    if (s.transform) throw usageError(cliMessages.badOption(cmd, `'${c}' has two transforms.`));
    s.transform = v as CovariateTransform;
  }
  for (const c of optionalList(a, 'standardise') ?? []) {
    const s = get(c, 'standardise');
    if (s.transform) throw usageError(cliMessages.badOption(cmd, `'${c}' is both transformed and standardised; choose one.`));
    s.transform = 'standardise';
  }
  return out;
}

/** Applies the scales to numeric covariates (a categorical one is refused), renaming them after their scale. */
export function applyCovariateScales(cmd: string, covs: readonly RawCovariate[], scales: ReadonlyMap<string, CovariateScale>): RawCovariate[] {
  return covs.map((c) => {
    const s = scales.get(c.name);
    if (!s) return c;
    if (c.kind !== 'numeric') throw usageError(cliMessages.badOption(cmd, `'${c.name}' is categorical; --per, --transform and --standardise apply to numeric covariates.`));
    const r = scaleCovariate(c.values, s);
    if (r.outOfDomain) throw usageError(cliMessages.badOption(cmd, `--transform ${c.name}=${s.transform}: ${r.outOfDomain} row(s) have ${s.transform === 'sqrt' ? 'a negative value' : 'a value ≤ 0'}.`));
    if (s.transform === 'standardise' && !((r.sd ?? NaN) > 0)) throw usageError(cliMessages.badOption(cmd, `'${c.name}' cannot be standardised: it has fewer than two distinct values.`));
    const per = s.per ?? 1;
    const fn = s.transform && s.transform !== 'standardise' ? PREFIX[s.transform] : '';
    const suffix = s.transform === 'standardise' ? ` (per ${per === 1 ? '' : `${per} `}SD = ${Number((r.sd as number).toPrecision(4))})` : per !== 1 ? ` (per ${per})` : '';
    return { name: `${fn}${c.name}${suffix}`, kind: 'numeric', values: r.values };
  });
}
