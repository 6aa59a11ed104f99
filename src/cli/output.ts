/** Writing a command's result: one JSON object (never NaN or Infinity) or readable text. */
import { SiilabError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import type { CommandContext } from './command.js';

/** JSON.stringify that refuses non-finite numbers (a bug if it ever happens: results use null). */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (key, v) => {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new SiilabError('analysis', cliMessages.internal(`non-finite number in output field '${key}'`));
      }
      if (v instanceof Float64Array || v instanceof Int32Array || v instanceof Uint8Array) return Array.from(v);
      return v;
    },
    indent,
  );
}

export function emit(ctx: CommandContext, asJson: boolean, result: unknown, text: () => string): void {
  if (asJson) ctx.out(toJson(result) + '\n');
  else ctx.out(text());
}
