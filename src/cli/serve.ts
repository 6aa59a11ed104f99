/** `siilab serve [--port 8080] [--host 127.0.0.1] [--data-dir DIR]`: the local web application. */
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './command.js';
import { optionalNumber, optionalString, parseCommandArgs } from './args.js';
import { usageError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import { openStore } from '../server/db/openStore.js';
import { buildApp } from '../server/app.js';
import { isLoopback, isWildcard, newToken } from '../server/security.js';
import { hostname, networkInterfaces } from 'node:os';
import { preloadDemo } from '../server/preloadDemo.js';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the local web application (calculator, cohorts, analyses, cutoff explorer, audit, reports)',
  usage: `siilab serve [--port 8080] [--host 127.0.0.1] [--data-dir DIR] [--max-upload-mb 50] [--no-demo]
  Stores studies, cohorts, runs and reports in DIR/siilab.sqlite (default DIR ./siilab-data), or in
  PostgreSQL when DATABASE_URL is set. Binds 127.0.0.1 by default; on any other address every request
  needs the access token printed at start. Patient data never leaves this machine.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('serve', argv, { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, 'max-upload-mb': { type: 'string' }, 'no-demo': { type: 'boolean' } });
    const port = optionalNumber('serve', a, 'port') ?? 8080;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(cliMessages.badOption('serve', `--port must be 0–65535, got ${port}.`));
    const host = optionalString(a, 'host') ?? '127.0.0.1';
    const mb = optionalNumber('serve', a, 'max-upload-mb') ?? 50;
    if (!(mb > 0)) throw usageError(cliMessages.badOption('serve', `--max-upload-mb must be positive, got ${mb}.`));
    const dataDir = resolve(ctx.cwd, optionalString(a, 'data-dir') ?? 'siilab-data');
    const store = await openStore({ dataDir, databaseUrl: process.env.DATABASE_URL ?? null });
    const token = isLoopback(host) ? null : newToken();
    const demo = a.values['no-demo'] ? null : await preloadDemo(store, dataDir);
    const app = await buildApp({ store, dataDir, token, allowedHosts: boundHosts(host), maxUploadBytes: mb * 1048576, webDir: WEB_DIR, demo });
    const address = await app.listen({ port, host });
    const url = new URL(address);
    // A wildcard address (0.0.0.0, ::) is not one a browser can open: print this machine's own address.
    const reachable = isWildcard(host)
      ? (Object.values(networkInterfaces()).flatMap((l) => l ?? []).find((i) => i.family === 'IPv4' && !i.internal)?.address ?? hostname())
      : host;
    const shown = `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${url.port}/`;
    ctx.out(`siilab: serving ${shown}${token ? `?token=${token}` : ''}\n`);
    ctx.out(`siilab: data in ${store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : join(dataDir, 'siilab.sqlite')}; press Ctrl+C to stop.\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void app.close().then(() => store.close()).then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};

/**
 * The names a request to a server bound to `host` may be addressed to besides the loopback ones:
 * none on loopback; the bound name or address; for 0.0.0.0/:: also this machine's name and addresses.
 */
export function boundHosts(host: string): string[] {
  if (isLoopback(host)) return [];
  if (!isWildcard(host)) return [host];
  const addrs = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((a) => a.address.replace(/%.*$/, '')));
  const name = hostname();
  return [...new Set([host, name, ...(name.includes('.') ? [] : [`${name}.local`]), ...addrs])];
}
