/**
 * The spline effect figure from a real fit (survival::pbc, Cox with rcs(bili, 4) + age): the curve passes
 * through ratio 1 at the reference, the band encloses it, knots and rug sit on the x axis, valid PNG.
 * Set NOMOGRAM_PNG_DIR to write the SVG/PNG for looking at them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coxph } from '../../../src/stats/survival/cox/coxph.js';
import { splineCurve } from '../../../src/stats/design/splineCurve.js';
import { splineCurveLayout } from '../../../src/report/figures/splineCurveLayout.js';
import { splineCurveSvg } from '../../../src/report/figures/splineCurveSvg.js';
import { svgToPng } from '../../../src/report/png.js';
import { col, complete, sub } from '../../stats/design/splineReference.js';

describe('spline effect figure', () => {
  it('pbc rcs(bili, 4) + age', () => {
    const rows = complete('pbc', ['time', 'death', 'bili', 'age']);
    const bili = sub(col('pbc', 'bili'), rows);
    const fit = coxph({
      time: sub(col('pbc', 'time'), rows), event: sub(col('pbc', 'death'), rows), skipZph: true,
      covariates: [{ name: 'bili', kind: 'spline', values: bili, knots: 4 }, { name: 'age', kind: 'numeric', values: sub(col('pbc', 'age'), rows) }],
    });
    const c = splineCurve({ knots: fit.splines[0].knots, coef: [0, 1, 2].map((j) => fit.coefficients[j].coef), variance: [0, 1, 2].map((j) => [0, 1, 2].map((k) => fit.variance[j][k])), values: bili });
    const data = { measure: 'HR', xLabel: 'Bilirubin, mg/dL', points: c.points, reference: c.reference, knots: fit.splines[0].knots, rug: Array.from(bili), note: 'P for nonlinearity < 0.001' };
    const L = splineCurveLayout(data);
    expect(L.curve.length).toBe(100);
    // the curve is inside its band at every x
    L.curve.forEach(([, y], i) => {
      expect(y).toBeLessThanOrEqual(L.band[L.band.length - 1 - i][1] + 1e-9);
      expect(y).toBeGreaterThanOrEqual(L.band[i][1] - 1e-9);
    });
    expect(L.oneY).not.toBeNull();
    expect(L.knots.length).toBe(4); // display range: 10th smallest to 10th largest value (0.5 … 17.1), all knots inside
    const svg = splineCurveSvg(data);
    expect(svg).toContain('class="band"');
    const png = svgToPng(svg);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const dir = process.env.NOMOGRAM_PNG_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'spline-bili.svg'), svg);
      writeFileSync(join(dir, 'spline-bili.png'), png);
    }
  });
});
