// siilab analyze end to end (read → derive → every analysis → bundle → report files in memory) on
// simulated cohorts of 200 and 100,000 patients (deng2025's profile: wide file + repeated draws;
// hong2021's: wide file). Each size runs in a child process so its peak memory (maxRSS) is its own.
// Targets (issue 6): under 2 s for 200 patients, under 30 s for 100,000. No R counterpart.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const child = `
const [paper, n, dir] = process.argv.slice(1);
const { loadProfile } = await import('${root}/dist/simulate/loadProfile.js');
const { simulateCohort } = await import('${root}/dist/simulate/simulateCohort.js');
const { toCsv } = await import('${root}/dist/io/toCsv.js');
const { writeFileSync, copyFileSync } = await import('node:fs');
const { analyzeStudy } = await import('${root}/dist/analysis/analyzeStudy.js');
const { buildReport } = await import('${root}/dist/report/build/buildReport.js');
const { renderReportFiles } = await import('${root}/dist/report/writeReport.js');
const sim = simulateCohort(loadProfile('${root}/examples/' + paper + '/profile.yaml'), { n: Number(n) });
writeFileSync(dir + '/cohort.csv', toCsv(sim.wide.columns, sim.wide.rows));
if (sim.long) writeFileSync(dir + '/draws.csv', toCsv(sim.long.columns, sim.long.rows));
copyFileSync('${root}/examples/' + paper + '/study.yaml', dir + '/study.yaml');
const t0 = performance.now();
const { bundle } = await analyzeStudy(dir + '/study.yaml');
const t1 = performance.now();
await renderReportFiles(buildReport(bundle), ['html', 'docx', 'md']);
const t2 = performance.now();
console.log(JSON.stringify({ analyze: t1 - t0, report: t2 - t1, maxRSS: process.resourceUsage().maxRSS / 1024 }));
`;

export async function run({ tmp }) {
  const rows = [];
  for (const [paper, n] of [['deng2025', 200], ['hong2021', 200], ['deng2025', 100000], ['hong2021', 100000]]) {
    const dir = join(tmp, `analyze-${paper}-${n}`);
    mkdirSync(dir, { recursive: true });
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, paper, String(n), dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(r.stderr);
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    rows.push({ task: `analyze ${paper} (all analyses + report)`, n, siilabMs: m.analyze + m.report, rMs: null, peakMB: m.maxRSS, note: `analyses ${m.analyze.toFixed(0)} ms, report ${m.report.toFixed(0)} ms; target ${n <= 200 ? '< 2 s' : '< 30 s'}` });
  }
  return rows;
}
