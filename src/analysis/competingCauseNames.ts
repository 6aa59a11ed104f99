/**
 * The names of the two causes of a competing-risks endpoint from the labels of its events and
 * competing events: cause 1 the event(s) of interest, cause 2 the competing event(s) without it.
 * Shared by the analyses (competingCauses.ts) and the web explorer.
 *
 * @example competingCauseNames(['recurrence'], ['death']) // ['Recurrence', 'Death without recurrence']
 */

/** Lower-case the first letter of a word-like label ("Recurrence" → "recurrence", not "AFP" → "aFP"). */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function competingCauseNames(events: readonly string[], competing: readonly string[]): [string, string] {
  const event = events.join(' or ');
  return [upperFirst(event), `${upperFirst(competing.join(' or '))} without ${lowerFirst(event)}`];
}
