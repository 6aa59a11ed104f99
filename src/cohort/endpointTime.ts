/**
 * Time to event for one patient, in days: from dates (origin → the first of the events that
 * happened, else → last follow-up), or from a follow-up time; composite endpoints take whichever
 * event came first; administrative censoring cuts follow-up at a horizon (event after it → censored
 * at the horizon). Also the yes/no "event within a horizon", which is undefined (excluded) for a
 * patient followed for less than the horizon without an event.
 *
 * @example
 * survivalTime({ origin: 0, events: [0, 1], eventDays: [NaN, 400], endDay: 900, timeDays: NaN }, 365)
 * // { time: 365, event: 0, cause: null }   (metastasis at day 400, after the 1-year horizon)
 */
import type { MissingCause } from './missingCause.js';

export interface EndpointInputs {
  /** Time origin, days since 1970 (NaN missing). */
  origin: number;
  /** Each event indicator: 1, 0 or NaN. */
  events: readonly number[];
  /** Day of each event (NaN when unknown); only read for events that happened. */
  eventDays: readonly number[];
  /** Day of last follow-up (censoring), NaN when unknown. */
  endDay: number;
  /** Follow-up time from a time column (NaN when dates are used); any unit, the horizon given in the same one. */
  timeDays: number;
}

export interface SurvivalTime {
  time: number;
  event: number;
  cause: MissingCause | null;
}

const fail = (cause: MissingCause): SurvivalTime => ({ time: NaN, event: NaN, cause });

/** Any event: 1 if one happened, 0 if none did and all are known, NaN otherwise. */
export function anyEvent(events: readonly number[]): number {
  if (events.some((e) => e === 1)) return 1;
  return events.some((e) => Number.isNaN(e)) ? NaN : 0;
}

export function survivalTime(x: EndpointInputs, horizonDays: number | null, useTime: boolean): SurvivalTime {
  const ev = anyEvent(x.events);
  if (Number.isNaN(ev)) return fail('absent');
  let t: number;
  if (useTime) {
    if (Number.isNaN(x.timeDays)) return fail('absent');
    t = x.timeDays;
  } else {
    if (Number.isNaN(x.origin)) return fail('no-origin');
    if (ev === 1) {
      let first = Infinity;
      for (let k = 0; k < x.events.length; k++) {
        if (x.events[k] !== 1) continue;
        if (Number.isNaN(x.eventDays[k])) return fail('event-date-missing');
        first = Math.min(first, x.eventDays[k]);
      }
      t = first - x.origin;
    } else {
      if (Number.isNaN(x.endDay)) return fail('absent');
      t = x.endDay - x.origin;
    }
  }
  if (t < 0) return fail('before-origin');
  if (horizonDays !== null && t > horizonDays) return { time: horizonDays, event: 0, cause: null };
  return { time: t, event: ev, cause: null };
}

/** Event within `withinDays` (null: any event, no time needed). */
export function eventWithin(x: EndpointInputs, withinDays: number | null, useTime: boolean): { value: number; cause: MissingCause | null } {
  if (withinDays === null) {
    const e = anyEvent(x.events);
    return Number.isNaN(e) ? { value: NaN, cause: 'absent' } : { value: e, cause: null };
  }
  const s = survivalTime(x, null, useTime);
  if (s.cause) return { value: NaN, cause: s.cause };
  if (s.event === 1) return { value: s.time <= withinDays ? 1 : 0, cause: null };
  return s.time >= withinDays ? { value: 0, cause: null } : { value: NaN, cause: 'short-follow-up' };
}
