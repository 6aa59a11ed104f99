/** The command registry: one import and one entry per command; each command lives in its own file. */
import type { Command } from './command.js';

const list: Command[] = [
  // add commands here, e.g. kmCommand,
];

export const commands: Record<string, Command> = Object.fromEntries(list.map((c) => [c.name, c]));
