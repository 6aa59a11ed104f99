/** User-facing messages of the command-line shell. */
export const cliMessages = {
  unknownCommand: (cmd: string, known: string[]) =>
    `unknown command '${cmd}'. Commands: ${known.join(', ')}. Run 'siilab help'.`,
  missingFileArgument: (cmd: string) => `siilab ${cmd}: give the data file as the first argument.`,
  missingOption: (cmd: string, opt: string) => `siilab ${cmd}: the option --${opt} is required.`,
  badOption: (cmd: string, detail: string) => `siilab ${cmd}: ${detail}`,
  badThreads: (cmd: string, text: string) => `siilab ${cmd}: --threads must be a whole number of threads from 1 to 256, not '${text}'.`,
  badNumberOption: (cmd: string, opt: string, value: string) =>
    `siilab ${cmd}: --${opt} must be a number, got '${value}'.`,
  badChoice: (cmd: string, opt: string, value: string, choices: readonly string[]) =>
    `siilab ${cmd}: --${opt} must be one of ${choices.join(', ')}, got '${value}'.`,
  internal: (detail: string) =>
    `internal error: ${detail}. This is a bug in siilab; please report it with the command you ran.`,
} as const;
