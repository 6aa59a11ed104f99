/** Runs the CLI in-process and captures stdout, stderr and the exit code. */
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: () => any;
}

export async function runCli(argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    isTTY: false,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
