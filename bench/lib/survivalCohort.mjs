// Generates a survival cohort CSV for benchmarks: n patients, 5 covariates (x1..x3 normal, x4 0/1,
// x5 uniform), exponential times with covariate effects, ~30% censoring, times rounded to 0.1 (ties),
// a 2-level group and a 0/1 binary outcome. Deterministic (mulberry32 seed).
import { createWriteStream } from 'node:fs';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSurvivalCohort(file, n, seed = 42) {
  const u = mulberry32(seed);
  const norm = () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
  const out = createWriteStream(file);
  out.write('id,time,status,x1,x2,x3,x4,x5,group,outcome\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    const x1 = norm(), x2 = norm(), x3 = norm(), x4 = u() < 0.4 ? 1 : 0, x5 = u();
    const lp = 0.5 * x1 - 0.3 * x2 + 0.1 * x3 + 0.7 * x4 + 0.2 * x5;
    const t = -Math.log(u()) / (0.1 * Math.exp(lp));
    const c = -Math.log(u()) / 0.04;
    const time = Math.max(0.1, Math.round(Math.min(t, c) * 10) / 10);
    const status = t <= c ? 1 : 0;
    const outcome = u() < 1 / (1 + Math.exp(-(-0.5 + lp))) ? 1 : 0;
    buf += `${i + 1},${time},${status},${x1.toFixed(4)},${x2.toFixed(4)},${x3.toFixed(4)},${x4},${x5.toFixed(4)},${x4 ? 'B' : 'A'},${outcome}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return file;
}
