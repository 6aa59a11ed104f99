/**
 * A study (or source) the SQL path does not compile: its message is the reason, shown to the user,
 * and the JavaScript path runs instead.
 *
 * @example
 * throw new NotCompiled('the index SIRI from these inputs is computed in JavaScript');
 */
export class NotCompiled extends Error {}
