/**
 * AUC(t) and its SE on 46,000 and 100,000 generated patients (bench/lib/survivalCohort.mjs, seed 11:
 * times rounded to 0.1, so heavily tied) against riskRegression::Score (test/reference/timeroc/timeroc.R).
 * At 46,000 the SE equals Score's; above n = 46,340 Score's SE is wrong (n² overflows a 32-bit
 * integer: at 100,000 it is 7× too small), so there the SE is checked for its 1/√n scaling instead.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeRoc } from '../../../src/stats/timeroc/timeRoc.js';
import { ref, relErr } from './referenceData.js';

interface Large { n: number; seed: number; times: number[]; auc: { marker: string; time: number; auc: number; se: number }[] }
const large = (ref as unknown as { large: Large[] }).large;

/** The benchmark's generator (plain JS, untyped). */
const generator = new URL('../../../bench/lib/survivalCohort.mjs', import.meta.url).href;

async function cohort(n: number, seed: number) {
  const { writeSurvivalCohort } = (await import(generator)) as { writeSurvivalCohort: (file: string, n: number, seed: number) => Promise<string> };
  const f = join(mkdtempSync(join(tmpdir(), 'siilab-tdroc-large-')), 'c.csv');
  await writeSurvivalCohort(f, n, seed);
  const lines = readFileSync(f, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return {
    time: Float64Array.from(lines, (c) => Number(c[1])),
    event: Uint8Array.from(lines, (c) => Number(c[2])),
    markers: [{ name: 'x1', values: Float64Array.from(lines, (c) => Number(c[3])) }, { name: 'x2', values: Float64Array.from(lines, (c) => Number(c[4])) }],
  };
}

describe('large tied cohorts against riskRegression::Score', () => {
  it('46,000 patients: AUC(t) to 1e-6 and SE to 1e-6; 100,000: AUC(t) to 1e-6 and the SE scales as 1/√n', async () => {
    const [small, big] = large;
    expect([small.n, big.n]).toEqual([46000, 100000]);
    const rs = timeRoc({ ...(await cohort(small.n, small.seed)), times: small.times });
    const rb = timeRoc({ ...(await cohort(big.n, big.seed)), times: big.times });
    for (const x of small.auc) {
      const p = rs.markers.find((m) => m.marker === x.marker)!.at[small.times.indexOf(x.time)];
      expect(relErr(p.auc!, x.auc)).toBeLessThan(1e-6);
      expect(relErr(p.se!, x.se)).toBeLessThan(1e-6);
    }
    for (const x of big.auc) {
      const k = big.times.indexOf(x.time);
      const p = rb.markers.find((m) => m.marker === x.marker)!.at[k];
      expect(relErr(p.auc!, x.auc)).toBeLessThan(1e-6);
      const s = rs.markers.find((m) => m.marker === x.marker)!.at[k];
      expect(p.se! / s.se!).toBeGreaterThan(0.9 * Math.sqrt(46000 / 100000));
      expect(p.se! / s.se!).toBeLessThan(1.1 * Math.sqrt(46000 / 100000));
      expect(x.se).toBeLessThan(0.2 * p.se!); // Score's overflowed SE, recorded so that a fixed riskRegression shows up here
    }
  }, 60_000);
});
