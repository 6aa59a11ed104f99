import { describe, expect, it } from 'vitest';
import { loadProfile, parseProfile } from '../../src/simulate/loadProfile.js';
import { simulateCohort } from '../../src/simulate/simulateCohort.js';
import { meanSd } from '../../src/simulate/momentMatched.js';
import type { CohortProfile } from '../../src/simulate/profile.js';

const col = (sim: ReturnType<typeof simulateCohort>, name: string) => {
  const j = sim.wide.columns.indexOf(name);
  return sim.wide.rows.map((r) => r[j]);
};

/** Checks every published summary of the profile against the simulated cohort. */
function checkProfile(p: CohortProfile) {
  const sim = simulateCohort(p);
  const group = col(sim, p.groupBy);
  expect(sim.n).toBe(p.groups.reduce((s, g) => s + g.n, 0));
  p.groups.forEach((g, gi) => {
    const idx = group.map((v, i) => (v === g.label ? i : -1)).filter((i) => i >= 0);
    expect(idx.length).toBe(g.n);
    for (const v of p.variables) {
      const values = col(sim, v.name);
      if (v.type === 'categorical') {
        // Category counts are reproduced exactly.
        v.levels.forEach((lv, k) => expect(idx.filter((i) => String(values[i]) === lv).length).toBe(v.counts[gi][k]));
      } else if (v.min === undefined && v.max === undefined) {
        // Means and SDs within 0.5% (rounding to the written decimals), unclamped variables.
        const s = meanSd(idx.map((i) => values[i] as number));
        const m = typeof v.mean === 'number' ? v.mean : v.mean[gi];
        const sd = typeof v.sd === 'number' ? v.sd : v.sd[gi];
        expect(Math.abs(s.mean - m) / m).toBeLessThan(0.005);
        expect(Math.abs(s.sd - sd) / sd).toBeLessThan(0.01);
      }
    }
    if (p.blood) {
      // SII recomputed from the written counts reproduces the SII variable within 0.1%.
      const [N, L, P, S] = ['neutrophils', 'lymphocytes', 'platelets', p.blood.sii].map((c) => col(sim, c) as number[]);
      for (const i of idx) expect(Math.abs((P[i] * N[i]) / L[i] - S[i]) / S[i]).toBeLessThan(1e-3);
    }
  });
  return sim;
}

describe('cohort simulator', () => {
  it('reproduces deng2025: group sizes, Table 1 counts, Table 2 SII/AFP, 110 recurrences, ~101 deaths', () => {
    const p = loadProfile('examples/deng2025/profile.yaml');
    const sim = checkProfile(p);
    const rec = sim.endpoints.find((e) => e.name === 'recurrence')!;
    expect(rec.events).toBe(110);
    const os = sim.endpoints.find((e) => e.name === 'os')!;
    expect(Math.abs(os.events - 101)).toBeLessThanOrEqual(15); // 3-year survival 45.70% (85/186)
    expect(sim.long).not.toBeNull();
    // Each patient's draws average to that patient's SII (deng2025's per-patient mean).
    const L = sim.long!;
    const id = L.columns.indexOf('id');
    const jN = L.columns.indexOf('neutrophils'), jL = L.columns.indexOf('lymphocytes'), jP = L.columns.indexOf('platelets');
    const first = sim.wide.rows.find((r) => L.rows.filter((d) => d[id] === r[0]).length >= 5)!;
    const draws = L.rows.filter((r) => r[id] === first[0]);
    expect(draws.length).toBeGreaterThanOrEqual(5);
    const meanSii = draws.reduce((s, r) => s + ((r[jP] as number) * (r[jN] as number)) / (r[jL] as number), 0) / draws.length;
    const sii = first[sim.wide.columns.indexOf('sii')] as number;
    expect(Math.abs(meanSii - sii) / sii).toBeLessThan(2e-3);
  });
  it('reproduces yu2023 Table 1', () => {
    const sim = checkProfile(loadProfile('examples/yu2023/profile.yaml'));
    expect(sim.endpoints[0].events).toBe(112);
  });
  it('reproduces hong2021 Table 3 counts and keeps SII on the right side of 340', () => {
    const p = loadProfile('examples/hong2021/profile.yaml');
    const sim = checkProfile(p);
    const g = col(sim, 'sii_group');
    const s = col(sim, 'sii') as number[];
    g.forEach((v, i) => expect(v === 'high' ? s[i] >= 340 : s[i] < 340).toBe(true));
  });
  it('is deterministic for a seed and differs across seeds', () => {
    const p = loadProfile('examples/hong2021/profile.yaml');
    expect(simulateCohort(p)).toEqual(simulateCohort(p));
    expect(simulateCohort(p, { seed: 7 }).wide.rows).not.toEqual(simulateCohort(p).wide.rows);
  });
  it('rescales group sizes with n', () => {
    const sim = simulateCohort(loadProfile('examples/deng2025/profile.yaml'), { n: 1000 });
    expect(sim.n).toBe(1000);
  });
  it('refuses a bad profile naming the field and line', () => {
    const bad = 'id: x\ntitle: t\nseed: 1\ngroupBy: g\ngroups:\n  - { label: "a", n: 3 }\nvariables:\n  - { name: v, type: categorical, levels: [p, q], counts: [[1, 1]] }\n';
    expect(() => parseProfile('p.yaml', bad)).toThrow("p.yaml: variable 'v', group 'a': the counts add up to 2, but the group has n = 3.");
    const bad2 = 'id: x\ntitle: t\nseed: 1\ngroupBy: g\ngroups:\n  - { label: "a", n: 3 }\nvariables:\n  - { name: v, type: gamma }\n';
    expect(() => parseProfile('p.yaml', bad2)).toThrow(/p.yaml, line 8: field 'variables.0.type' must be/);
  });
});
