/** The command registry: one import and one entry per command; each command lives in its own file. */
import type { Command } from './command.js';
import { simulateCommand } from './simulate.js';
import { powerCommand } from './power.js';
import { inspectCommand } from './inspect.js';
import { kmCommand } from './km.js';
import { coxCommand } from './cox.js';

const list: Command[] = [
  // add commands here, e.g. kmCommand,
  simulateCommand,
  powerCommand,
  inspectCommand,
  kmCommand,
  coxCommand,
];

export const commands: Record<string, Command> = Object.fromEntries(list.map((c) => [c.name, c]));
