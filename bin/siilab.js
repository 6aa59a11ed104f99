#!/usr/bin/env node
// On Linux, siilab runs with glibc malloc tunables (bin/glibcTunables.js: huge pages for large
// blocks, and freed blocks given back to the system), which glibc reads only when a process
// starts. So this script runs the CLI in a child process with them set (and --expose-gc, for the
// collections between a command's phases: src/runtime/collectGarbage.ts) and passes on its exit
// code and the signals it is sent (`serve`, help and version run here: long-lived or trivial).
// The child ends itself if this process dies. SIILAB_HUGEPAGES=0 turns it off.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { GLIBC_TUNABLES as TUNABLE } from './glibcTunables.js';

const argv = process.argv.slice(2);
const tunables = process.env.GLIBC_TUNABLES ?? '';
const here = argv[0] === undefined || ['serve', 'help', '--help', '-h', '--version', '-v'].includes(argv[0]);
if (process.platform === 'linux' && !here && process.env.SIILAB_HUGEPAGES !== '0' && !tunables.includes('glibc.malloc.hugetlb')) {
  const env = { ...process.env, GLIBC_TUNABLES: tunables ? `${tunables}:${TUNABLE}` : TUNABLE, SIILAB_PARENT_PID: String(process.pid) };
  const child = spawn(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit', env });
  // a signal sent to this process is passed on (Ctrl-C reaches both: the child then ends at the first)
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (e) => {
    process.stderr.write(`siilab: could not start: ${e.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
} else {
  const parent = Number(process.env.SIILAB_PARENT_PID);
  if (parent > 0) {
    // the launcher above died (killed without passing it on): do not run on as an orphan
    setInterval(() => process.ppid !== parent && process.exit(1), 1000).unref();
  }
  // a reader that stops early (`siilab km … --json | head`) closes the pipe: the output is no longer
  // wanted, which is not an error (no stack trace; exit 0 as after a complete write)
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  const { main } = await import(mainModule());
  main(argv).then((code) => {
    process.exitCode = code;
  });
}

/**
 * The CLI's entry: the bundle (scripts/bundle.mjs: ~50 ms to load instead of ~530 ms) when it is
 * newer than the compiled modules it was made from, else those (a `tsc` run since, or no bundle).
 */
function mainModule() {
  const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return mtime('../dist/bundle/main.js') >= mtime('../dist/cli/main.js') ? '../dist/bundle/main.js' : '../dist/cli/main.js';
}
