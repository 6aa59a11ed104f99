/** The shape of a CLI command and the context it prints through (so tests can capture output). */
export interface CommandContext {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress may be shown. */
  isTTY: boolean;
  /** Working directory for relative paths. */
  cwd: string;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Runs the command; returns the exit code (0 on success). Throws SiilabError on refusal. */
  run(argv: string[], ctx: CommandContext): Promise<number>;
}
