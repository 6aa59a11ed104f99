/**
 * Trim-and-fill against metafor's trimfill() (L0, side from Egger's slope): k0 and side exactly;
 * the final model refitted in R fully converged on trimfill's augmented data, 1e-6 relative. For
 * REML, trimfill's inner (trimmed) fits run at metafor's default threshold (1e-5 on |Δτ²|), which
 * moves the mirror centre and so the filled values, τ² and the SE at ~1e-6: REML is compared at 1e-5.
 */
import { describe, expect, it } from 'vitest';
import { trimAndFill } from '../../../src/stats/meta/trimAndFill.js';
import { close, loadSet, reference } from './reference.js';

describe('trimAndFill vs metafor trimfill', () => {
  for (const c of reference.trimfill) {
    it(c.id, () => {
      const d = loadSet(c.data);
      const r = trimAndFill(d.yi, d.vi, { method: c.method, test: 'z' })!;
      expect(r.k0).toBe(c.k0);
      expect(r.side).toBe(c.side);
      const rel = c.method === 'REML' ? 1e-5 : 1e-6;
      close(r.fit.b[0], c.estimate, rel);
      close(r.fit.se[0], c.se, rel);
      close(r.fit.tau2, c.tau2, rel, 1e-7);
      close(r.fit.ciLower[0], c.ciLower, rel);
      close(r.fit.ciUpper[0], c.ciUpper, rel);
      const sortedMine = [...r.filledYi].sort((a, b) => a - b);
      const sortedR = [...(Array.isArray(c.filledYi) ? c.filledYi : [c.filledYi])].sort((a: number, b: number) => a - b);
      sortedMine.forEach((v, i) => close(v, sortedR[i], rel));
    });
  }
});
