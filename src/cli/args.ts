/** Argument parsing shared by the commands, on node:util parseArgs; every problem is a usage error (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../errors.js';
import { cliMessages, ioMessages } from '../messages/index.js';
import type { ReadTableOptions } from '../io/readTable.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export function parseCommandArgs(cmd: string, argv: string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw usageError(cliMessages.badOption(cmd, (e as Error).message.replace(/\. To specify a positional.*$/s, '.')));
  }
}

export function requireString(cmd: string, a: ParsedArgs, name: string): string {
  const v = a.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw usageError(cliMessages.missingOption(cmd, name));
  return v;
}

export function optionalString(a: ParsedArgs, name: string): string | null {
  const v = a.values[name];
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function optionalNumber(cmd: string, a: ParsedArgs, name: string): number | null {
  const v = optionalString(a, name);
  if (v === null) return null;
  const x = Number(v);
  if (!Number.isFinite(x)) throw usageError(cliMessages.badNumberOption(cmd, name, v));
  return x;
}

export function optionalList(a: ParsedArgs, name: string): string[] | null {
  const v = optionalString(a, name);
  if (v === null) return null;
  return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function numberList(cmd: string, a: ParsedArgs, name: string): number[] | null {
  const l = optionalList(a, name);
  if (l === null) return null;
  return l.map((s) => {
    const x = Number(s);
    if (!Number.isFinite(x)) throw usageError(cliMessages.badNumberOption(cmd, name, s));
    return x;
  });
}

export function choice<T extends string>(cmd: string, a: ParsedArgs, name: string, choices: readonly T[], dflt: T): T {
  const v = optionalString(a, name);
  if (v === null) return dflt;
  if (!(choices as readonly string[]).includes(v)) throw usageError(cliMessages.badChoice(cmd, name, v, choices));
  return v as T;
}

export function fileArgument(cmd: string, a: ParsedArgs): string {
  const f = a.positionals[0];
  if (!f) throw usageError(cliMessages.missingFileArgument(cmd));
  return f;
}

/** `--ref A=x --ref B=y` or `--ref A=x,B=y` → map. */
export function refLevels(cmd: string, a: ParsedArgs, name = 'ref'): Map<string, string> {
  const raw = a.values[name];
  const items = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).flatMap((s) => s.split(','));
  const m = new Map<string, string>();
  for (const it of items) {
    const k = it.indexOf('=');
    if (k <= 0) throw usageError(cliMessages.badOption(cmd, `--${name} takes COLUMN=LEVEL, got '${it}'.`));
    m.set(it.slice(0, k).trim(), it.slice(k + 1).trim());
  }
  return m;
}

/**
 * Options of every command that reads a data file: `--sheet`, `--no-header`, `--columns A,B,…`
 * (names of a file without a header; implies --no-header) and `--decimal ,|.`.
 */
export const DATA_FILE_OPTIONS: OptionSpec = {
  sheet: { type: 'string' },
  'no-header': { type: 'boolean' },
  columns: { type: 'string' },
  decimal: { type: 'string' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
};

/** The usage lines of DATA_FILE_OPTIONS besides --sheet, for a command's --help. */
export const DATA_FILE_USAGE = `  --no-header            the file has no header row: the first row is data, columns are V1…Vn
  --columns A,B,...      names of the columns of a file without a header row (implies --no-header)
  --decimal , | .        decimal mark of the numbers (decimal commas are sniffed in ;-separated files)
  --progress             rows read and share of the file on stderr (default: on a terminal, for reads over 1 s); --no-progress never`;

/** readTable's options from DATA_FILE_OPTIONS. */
export function tableOptions(cmd: string, a: ParsedArgs): ReadTableOptions {
  const decimal = optionalString(a, 'decimal');
  if (decimal !== null && decimal.trim() !== '.' && decimal.trim() !== ',') throw usageError(cliMessages.badOption(cmd, ioMessages.badDecimalMark(decimal)));
  const columns = optionalList(a, 'columns');
  return {
    sheet: optionalString(a, 'sheet'),
    header: a.values['no-header'] ? false : null,
    columns,
    decimal: decimal === null ? null : (decimal.trim() as '.' | ','),
    progress: a.values['no-progress'] ? false : a.values.progress ? true : null,
  };
}
