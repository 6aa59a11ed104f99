/** The command registry: one import and one entry per command; each command lives in its own file. */
import type { Command } from './command.js';
import { calcCommand } from './calc.js';
import { indicesCommand } from './indices.js';
import { simulateCommand } from './simulate.js';
import { powerCommand } from './power.js';
import { reportCommand } from './report.js';
import { analyzeCommand } from './analyze.js';
import { demoCommand } from './demo.js';
import { inspectCommand } from './inspect.js';
import { initCommand } from './init.js';
import { rocCommand } from './roc.js';
import { coxCommand } from './cox.js';
import { kmCommand } from './km.js';
import { compareCommand } from './compare.js';
import { logitCommand } from './logit.js';
import { auditCommand } from './audit.js';

const list: Command[] = [
  // add commands here, e.g. kmCommand,
  calcCommand,
  indicesCommand,
  simulateCommand,
  powerCommand,
  analyzeCommand,
  demoCommand,
  reportCommand,
  inspectCommand,
  initCommand,
  rocCommand,
  coxCommand,
  kmCommand,
  compareCommand,
  logitCommand,
  auditCommand,
];

export const commands: Record<string, Command> = Object.fromEntries(list.map((c) => [c.name, c]));
