/**
 * A one-line progress bar on stderr ("bootstrap [######....] 120/200"), redrawn with a carriage
 * return at most ~10 times a second and ended with a newline. Shown only when stderr is a terminal
 * or the user asked for it (--progress); otherwise the callback does nothing.
 */
import type { CommandContext } from './command.js';

export function progressBar(ctx: CommandContext, label: string, enabled: boolean): { update: (done: number, total: number) => void; end: () => void } {
  if (!enabled) return { update: () => {}, end: () => {} };
  let last = 0;
  let shown = false;
  const width = 30;
  const draw = (done: number, total: number) => {
    const k = Math.round((done / total) * width);
    ctx.err(`\r${label} [${'#'.repeat(k)}${'.'.repeat(width - k)}] ${done}/${total}`);
    shown = true;
  };
  return {
    update: (done, total) => {
      const now = Date.now();
      if (done === total || now - last >= 100) {
        last = now;
        draw(done, total);
      }
    },
    end: () => {
      if (shown) ctx.err('\n');
    },
  };
}
