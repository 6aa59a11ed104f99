/** The CLI entry: dispatch to a command, turn refusals into one message and an exit code. */
import { SiilabError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import type { CommandContext } from './command.js';
import { commands } from './commands.js';

export function defaultContext(): CommandContext {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

export function helpText(): string {
  const lines = ['siilab — systemic immune-inflammation index: survival, ROC, regression, reports.', '', 'Commands:'];
  for (const c of Object.values(commands)) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', "Run 'siilab <command> --help' for a command's options. Exit codes: 0 ok, 2 usage, 3 data, 4 analysis impossible.");
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], ctx: CommandContext = defaultContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ctx.out(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === 'version') {
    ctx.out(`${(await import('../version.js')).VERSION}\n`);
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    ctx.err(`siilab: ${cliMessages.unknownCommand(name, Object.keys(commands))}\n`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.out(cmd.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, ctx);
  } catch (e) {
    if (e instanceof SiilabError) {
      // the shell's messages (src/messages/cli.ts) already name the command: not twice
      const prefix = `siilab ${name}: `;
      ctx.err(`${e.message.startsWith(prefix) ? '' : prefix}${e.message}\n`);
      return e.exitCode;
    }
    const detail = e instanceof Error ? e.message : String(e);
    ctx.err(`siilab ${name}: ${cliMessages.internal(detail)}\n`);
    if (process.env.SIILAB_DEBUG && e instanceof Error) ctx.err(String(e.stack) + '\n');
    return 1;
  }
}
