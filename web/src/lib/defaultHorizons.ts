/**
 * Default prediction horizons for a survival endpoint, in the endpoint's time unit: 1, 3 and 5
 * years when the follow-up reaches them, else the three largest of 3, 6, 12, 24 and 36 months that
 * lie within 90% of the longest follow-up (a horizon beyond the follow-up has no patient at risk:
 * its AUC(t), calibration and net benefit cannot be estimated). Without a follow-up time (dates only,
 * or no cohort profile) the pipeline's own default, 1, 3 and 5 years. The single horizon of
 * calibration, validation and decision curves is the middle one (the pipeline's default: 3 years).
 *
 * @example
 * defaultHorizons('months', 27.7) // { horizons: [6, 12, 24], horizon: 12, reason: '…' }
 * defaultHorizons('days', 4000).horizons // [365, 1096, 1826]
 */
import { daysPer } from '../../../src/study/canonical.js';
import { analysisFormMessages as FM } from '../../../src/messages/analysisForm.js';

export interface HorizonDefaults {
  readonly horizons: number[];
  readonly horizon: number;
  /** Why these horizons (shown beside the fields). */
  readonly reason: string;
}

const MONTHS_LADDER = [3, 6, 12, 24, 36];
const YEARS = [1, 3, 5];

/** `months` in `unit`, rounded as a person would write it (whole days and weeks, 2 decimals otherwise). */
function fromMonths(months: number, unit: string): number {
  const x = (months * (daysPer('months') ?? 30.4375)) / (daysPer(unit) ?? 30.4375);
  return unit === 'days' || unit === 'weeks' ? Math.round(x) : Number(x.toFixed(2));
}

export function defaultHorizons(unit: string, longestFollowUp: number | null): HorizonDefaults {
  const years = YEARS.map((y) => fromMonths(12 * y, unit));
  if (longestFollowUp === null || !(longestFollowUp > 0)) return { horizons: years, horizon: years[1], reason: FM.horizonsYears(unit) };
  const limit = 0.9 * longestFollowUp;
  const fmt = (x: number) => String(Number(x.toPrecision(3)));
  if (years.every((h) => h <= limit)) return { horizons: years, horizon: years[1], reason: FM.horizonsReached(fmt(longestFollowUp), unit) };
  const fit = MONTHS_LADDER.map((m) => fromMonths(m, unit)).filter((h) => h <= limit);
  const horizons = fit.length ? fit.slice(-3) : [Number((limit / 2).toPrecision(2))];
  return {
    horizons,
    horizon: horizons[Math.floor((horizons.length - 1) / 2) + (horizons.length === 2 ? 1 : 0)],
    reason: FM.horizonsWithin(fmt(longestFollowUp), unit),
  };
}
