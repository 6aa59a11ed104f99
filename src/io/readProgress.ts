/**
 * Progress of a long read on stderr: phase (reading bytes, then locating rows), rows read and the
 * share of the file done. Shown on a terminal once a read has taken over a second (short reads print
 * nothing), or from the start with `progress: true` (`--progress`: one line per second when stderr
 * is not a terminal, so logs stay readable); never with `progress: false`.
 *
 * @example
 * const p = readProgress('big.csv', 37_731_081, true); // stderr: 'big.csv: reading 52% …'
 * p.update('rows', 500_000, 0.5); p.done(1_000_000);   // 'big.csv: 1,000,000 rows read in 0.4 s'
 */
import { ioMessages } from '../messages/index.js';

export type ReadPhase = 'bytes' | 'rows';

export interface ReadProgress {
  readonly active: boolean;
  update(phase: ReadPhase, rows: number, fraction: number): void;
  done(rows: number): void;
}

const QUIET: ReadProgress = { active: false, update: () => {}, done: () => {} };

export function readProgress(file: string, bytes: number, progress: boolean | null | undefined, err: (s: string) => void = (s) => void process.stderr.write(s)): ReadProgress {
  const tty = Boolean(process.stderr.isTTY);
  if (progress === false || (progress !== true && !tty)) return QUIET;
  const t0 = performance.now();
  let last = -Infinity;
  let shown = false;
  const every = tty ? 100 : 1000;
  return {
    active: true,
    update(phase, rows, fraction) {
      const now = performance.now();
      if (progress !== true && now - t0 < 1000) return;
      if (now - last < every) return;
      last = now;
      shown = true;
      const line = ioMessages.readProgress(file, phase, rows, Math.min(1, fraction), bytes);
      err(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    done(rows) {
      if (!shown) return;
      const line = ioMessages.readDone(file, rows, (performance.now() - t0) / 1000);
      err(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}
