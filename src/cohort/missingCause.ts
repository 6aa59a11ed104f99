/**
 * Why a patient's value is missing, carried from the cell to the participant flow so each
 * excluded patient is listed with the precise reason.
 */
export type MissingCause =
  | 'absent'
  | 'implausible'
  | 'missing-code'
  | 'zero-lymphocytes'
  | 'zero-denominator'
  | 'no-origin'
  | 'no-baseline-draw'
  | 'no-draw-in-window'
  | 'event-date-missing'
  | 'before-origin'
  | 'short-follow-up';

export const CAUSE_TEXT: Readonly<Record<MissingCause, string>> = {
  absent: 'missing',
  implausible: 'implausible value (set missing)',
  'missing-code': 'missing-value code (a negative value)',
  'zero-lymphocytes': 'lymphocyte count 0 (index undefined)',
  'zero-denominator': 'denominator 0 (index undefined)',
  'no-origin': 'no time-origin date',
  'no-baseline-draw': 'no blood draw on or before the time origin',
  'no-draw-in-window': 'no blood draw in the window',
  'event-date-missing': 'event without a date',
  'before-origin': 'follow-up ends before the time origin',
  'short-follow-up': 'followed for less than the horizon without an event',
};

/** Draw causes as one byte a draw: code 0 is "value present" (null), code i the cause DRAW_CAUSE[i]. */
export const DRAW_CAUSE: readonly (MissingCause | null)[] = [null, ...(Object.keys(CAUSE_TEXT) as MissingCause[])];

/** The byte that stands for a draw's cause (see DRAW_CAUSE). */
export const causeCode = (c: MissingCause | null): number => DRAW_CAUSE.indexOf(c);

const PRESENT = 0;
const IMPLAUSIBLE = causeCode('implausible');
const MISSING_CODE = causeCode('missing-code');
const ABSENT = causeCode('absent');

/**
 * The cause code of value i of a variable as readVariable gives it: present (0), implausible, a
 * missing-value code, else absent.
 *
 * @example valueCauseCode(new Float64Array([NaN]), new Uint8Array([1]), new Uint8Array([0]), 0) === causeCode('implausible')
 */
export function valueCauseCode(values: ArrayLike<number>, implausible: ArrayLike<number>, missingCode: ArrayLike<number>, i: number): number {
  if (!Number.isNaN(values[i])) return PRESENT;
  return implausible[i] ? IMPLAUSIBLE : missingCode[i] ? MISSING_CODE : ABSENT;
}
