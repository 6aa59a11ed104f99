/**
 * Vite configuration of the siilab web front end (React + TypeScript).
 *
 * The browser bundle reuses the project's pure modules from ../src (indices, evidence, survival
 * and ROC engines, report figures and tables). Those modules import each other with Node's `.js`
 * suffixes; `siilabSources()` resolves `./x.js` to `./x.ts` when only the TypeScript file exists.
 * Node built-ins must never reach the browser: any `node:*` import fails the build, except the one
 * `readFileSync` in src/model/modelFile.ts (used only by `loadModelFile`, which the browser never
 * calls), which resolves to a stub that throws.
 *
 * `npm run web:build` writes web/dist (served by `siilab serve`); `npm run web:dev` serves the
 * front end with hot reload and proxies /api to SIILAB_API (default http://127.0.0.1:8080).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const WEB = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(WEB, '..');
const NODE_STUB = '\0siilab-node-stub';
/** Node built-ins the bundle tolerates, and the only files allowed to import them. */
const ALLOWED_NODE: Record<string, readonly string[]> = { 'node:fs': ['src/model/modelFile.ts'] };

export function siilabSources(): Plugin {
  return {
    name: 'siilab-sources',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      const from = importer.replace(/\?.*$/, '');
      if (source.startsWith('node:') || ['fs', 'path', 'crypto', 'url', 'os'].includes(source)) {
        const rel = relative(ROOT, from).split(sep).join('/');
        if ((ALLOWED_NODE[source] ?? []).includes(rel)) return NODE_STUB;
        throw new Error(`siilab web: ${rel} imports ${source}; Node built-ins cannot run in the browser (import a pure module instead).`);
      }
      if ((source.startsWith('./') || source.startsWith('../')) && source.endsWith('.js')) {
        const ts = resolve(dirname(from), source.slice(0, -3) + '.ts');
        if (existsSync(ts) && !existsSync(resolve(dirname(from), source))) return ts;
        const tsx = resolve(dirname(from), source.slice(0, -3) + '.tsx');
        if (existsSync(tsx)) return tsx;
      }
      return null;
    },
    load(id) {
      if (id !== NODE_STUB) return null;
      return 'const no = (name) => () => { throw new Error(name + " is not available in the browser."); };\n' +
        'export const readFileSync = no("readFileSync");\nexport default { readFileSync };\n';
    },
  };
}

/**
 * The worker bundle's dependency licences (Vite's `build.license` covers only the main bundle):
 * name, version, licence and licence text of every package in the worker, as
 * web/dist/.vite/worker-license.md.
 */
function workerLicenses(): Plugin {
  return {
    name: 'siilab-worker-licenses',
    generateBundle(_opts, bundle) {
      const pkgs = new Map<string, string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(id.replace(/\\/g, '/'));
          if (m) pkgs.set(m[2], m[1]);
        }
      }
      // Packages that share a licence text are listed together, the text once (150 @stdlib packages share one).
      const byText = new Map<string, string[]>();
      for (const [name, dir] of [...pkgs].sort()) {
        const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        const lic = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
        const text = lic ? readFileSync(join(dir, lic), 'utf8').trim() : `${pj.license ?? 'see the package'}`;
        byText.set(text, [...(byText.get(text) ?? []), `${name} ${pj.version} (${pj.license ?? '?'})`]);
      }
      const parts = ['# Licences of the third-party packages in the explorer worker\n'];
      for (const [text, names] of byText) parts.push(`## ${names.join(', ')}\n\n${text}\n`);
      this.emitFile({ type: 'asset', fileName: '.vite/worker-license.md', source: parts.join('\n') });
    },
  };
}

export default defineConfig({
  root: WEB,
  base: '/',
  plugins: [siilabSources()],
  resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.jsx', '.json'] },
  oxc: { jsx: { runtime: 'automatic' } },
  // Dependencies' licence headers (hundreds of kB of @stdlib Apache notices) go to
  // web/dist/.vite/license.md instead of into every bundle.
  worker: { format: 'es', plugins: () => [siilabSources(), workerLicenses()], rolldownOptions: { output: { comments: false } } },
  build: {
    outDir: resolve(WEB, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    modulePreload: { polyfill: false },
    license: true,
    rolldownOptions: { output: { comments: false } },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.SIILAB_API ?? 'http://127.0.0.1:8080', changeOrigin: true } },
  },
});
