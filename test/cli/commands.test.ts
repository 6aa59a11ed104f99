import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { runCli } from '../helpers/runCli.js';

describe('command registry', () => {
  it('every entry loads the command of its own name', async () => {
    for (const [name, e] of Object.entries(commands)) {
      const c = await e.load();
      expect(c.name).toBe(name);
      expect(c.usage).toContain(`siilab ${name}`);
    }
  });
  it('help lists every command; unknown commands exit 2', async () => {
    const h = await runCli(['help']);
    for (const name of Object.keys(commands)) expect(h.stdout).toContain(name);
    const u = await runCli(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("unknown command 'frobnicate'");
  });
});
