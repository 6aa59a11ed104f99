/**
 * Time and cause for one patient of a competing-risks endpoint: status 1 when the first event was
 * an event of interest (e.g. recurrence), 2 when a competing event (e.g. death) came first, 0 when
 * censored. From dates: the earliest event day decides (a tie counts as the event of interest);
 * from follow-up time columns: an event of interest is at `time`, a competing event without it at
 * `competingTime` ("death without recurrence"), censoring at `time`. Administrative censoring cuts
 * follow-up at a horizon (an event after it → censored at the horizon).
 *
 * @example
 * competingTime({ origin: 0, events: [0], eventDays: [NaN], competing: [1], competingDays: [300], endDay: 500, time: NaN, competingTime: NaN }, null, false)
 * // { time: 300, status: 2, cause: null }
 */
import { anyEvent } from './endpointTime.js';
import type { MissingCause } from './missingCause.js';

export interface CompetingInputs {
  /** Time origin, days since 1970 (NaN missing). */
  origin: number;
  /** Indicators of the events of interest and of the competing events: 1, 0 or NaN. */
  events: readonly number[];
  eventDays: readonly number[];
  competing: readonly number[];
  competingDays: readonly number[];
  /** Day of last follow-up, NaN when unknown. */
  endDay: number;
  /** From time columns: time to the event of interest or censoring, and to the competing event (NaN: dates are used). */
  time: number;
  competingTime: number;
}

export interface CompetingTime {
  time: number;
  /** 0 censored, 1 event of interest, 2 competing event; NaN when undefined. */
  status: number;
  cause: MissingCause | null;
}

const fail = (cause: MissingCause): CompetingTime => ({ time: NaN, status: NaN, cause });

/** Earliest day of the events that happened; NaN when one of them has no day, Infinity when none happened. */
function firstDay(events: readonly number[], days: readonly number[]): number {
  let first = Infinity;
  for (let k = 0; k < events.length; k++) {
    if (events[k] !== 1) continue;
    if (Number.isNaN(days[k])) return NaN;
    first = Math.min(first, days[k]);
  }
  return first;
}

export function competingTime(x: CompetingInputs, horizon: number | null, useTime: boolean): CompetingTime {
  const ev = anyEvent(x.events);
  if (Number.isNaN(ev)) return fail('absent');
  const cp = anyEvent(x.competing);
  // Without the event of interest, whether a competing event happened must be known.
  if (ev === 0 && Number.isNaN(cp)) return fail('absent');
  let t: number;
  let status: number;
  if (useTime) {
    if (ev === 1) [t, status] = [x.time, 1];
    else if (cp === 1) [t, status] = [Number.isNaN(x.competingTime) ? x.time : x.competingTime, 2];
    else [t, status] = [x.time, 0];
    if (Number.isNaN(t)) return fail('absent');
  } else {
    if (Number.isNaN(x.origin)) return fail('no-origin');
    const fi = ev === 1 ? firstDay(x.events, x.eventDays) : Infinity;
    const fc = cp === 1 ? firstDay(x.competing, x.competingDays) : Infinity;
    if (Number.isNaN(fi) || (Number.isNaN(fc) && ev === 0)) return fail('event-date-missing');
    if (ev === 1 && !(fc < fi)) [t, status] = [fi - x.origin, 1];
    else if (cp === 1) [t, status] = [fc - x.origin, 2];
    else {
      if (Number.isNaN(x.endDay)) return fail('absent');
      [t, status] = [x.endDay - x.origin, 0];
    }
  }
  if (t < 0) return fail('before-origin');
  if (horizon !== null && t > horizon) return { time: horizon, status: 0, cause: null };
  return { time: t, status, cause: null };
}
