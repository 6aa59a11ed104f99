import { describe, expect, test } from 'vitest';
import { eventWithin, survivalTime } from '../../src/cohort/endpointTime.js';

const x = (o: Partial<Parameters<typeof survivalTime>[0]>) => ({ origin: 0, events: [0], eventDays: [NaN], endDay: 500, timeDays: NaN, ...o });

describe('survivalTime', () => {
  test('censored at last follow-up', () => expect(survivalTime(x({}), null, false)).toEqual({ time: 500, event: 0, cause: null }));
  test('composite: the earlier of recurrence (300) and metastasis (200)', () =>
    expect(survivalTime(x({ events: [1, 1], eventDays: [300, 200] }), null, false)).toEqual({ time: 200, event: 1, cause: null }));
  test('composite: only one happened', () =>
    expect(survivalTime(x({ events: [0, 1], eventDays: [NaN, 250] }), null, false)).toEqual({ time: 250, event: 1, cause: null }));
  test('administrative censoring at the horizon', () => {
    expect(survivalTime(x({ events: [1], eventDays: [400] }), 365, false)).toEqual({ time: 365, event: 0, cause: null });
    expect(survivalTime(x({ events: [1], eventDays: [365] }), 365, false)).toEqual({ time: 365, event: 1, cause: null });
    expect(survivalTime(x({}), 365, false)).toEqual({ time: 365, event: 0, cause: null });
  });
  test('follow-up before treatment is refused with its cause', () =>
    expect(survivalTime(x({ origin: 600 }), null, false).cause).toBe('before-origin'));
  test('event without a date; unknown event; no origin', () => {
    expect(survivalTime(x({ events: [1], eventDays: [NaN] }), null, false).cause).toBe('event-date-missing');
    expect(survivalTime(x({ events: [NaN] }), null, false).cause).toBe('absent');
    expect(survivalTime(x({ origin: NaN }), null, false).cause).toBe('no-origin');
  });
  test('from a time column', () => expect(survivalTime(x({ events: [1], timeDays: 42 }), null, true)).toEqual({ time: 42, event: 1, cause: null }));
});

describe('eventWithin', () => {
  test('event inside, after, none with enough and too little follow-up', () => {
    expect(eventWithin(x({ events: [1], eventDays: [100] }), 365, false)).toEqual({ value: 1, cause: null });
    expect(eventWithin(x({ events: [1], eventDays: [400] }), 365, false)).toEqual({ value: 0, cause: null });
    expect(eventWithin(x({ endDay: 365 }), 365, false)).toEqual({ value: 0, cause: null });
    expect(eventWithin(x({ endDay: 200 }), 365, false)).toEqual({ value: NaN, cause: 'short-follow-up' });
  });
  test('without a horizon: any event, no dates needed', () =>
    expect(eventWithin(x({ events: [0, 1], origin: NaN }), null, false)).toEqual({ value: 1, cause: null }));
});
