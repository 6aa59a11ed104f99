/**
 * The nomogram figure from a real fit (survival::pbc, Cox model with a spline of bilirubin, age and sex):
 * one axis row per predictor and outcome scale, tick positions equal to the computed points, labels kept
 * apart, a valid PNG. Set NOMOGRAM_PNG_DIR to write the SVG/PNG for looking at them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coxph } from '../../../src/stats/survival/cox/coxph.js';
import type { CoxCovariateInput } from '../../../src/stats/survival/cox/types.js';
import { nomogramFromCox } from '../../../src/stats/nomogram/nomogramFromCox.js';
import { nomogramFigureData } from '../../../src/report/figures/nomogramData.js';
import { nomogramLayout } from '../../../src/report/figures/nomogramLayout.js';
import { nomogramSvg } from '../../../src/report/figures/nomogramSvg.js';
import { svgToPng } from '../../../src/report/png.js';
import { labelColumn } from '../../../src/io/columns.js';
import { textWidth } from '../../../src/report/figures/textWidth.js';
import { col, complete, sub, table } from '../../stats/design/splineReference.js';

function pbcNomogram(spline: boolean) {
  const rows = complete('pbc', ['time', 'death', 'bili', 'age']);
  const sex = labelColumn(table('pbc'), 'sex', 'sex');
  const covariates: CoxCovariateInput[] = [
    spline ? { name: 'bili', kind: 'spline', values: sub(col('pbc', 'bili'), rows), knots: 4 } : { name: 'bili', kind: 'numeric', values: sub(col('pbc', 'bili'), rows) },
    { name: 'age', kind: 'numeric', values: sub(col('pbc', 'age'), rows) },
    { name: 'sex', kind: 'categorical', values: Array.from(rows, (i) => sex[i]) },
  ];
  const fit = coxph({ time: sub(col('pbc', 'time'), rows), event: sub(col('pbc', 'death'), rows), covariates, skipZph: true });
  return nomogramFromCox(fit, covariates, [{ covariate: 'bili', label: 'Bilirubin (mg/dL)' }, { covariate: 'age', label: 'Age (years)' }, { covariate: 'sex', label: 'Sex' }], [1826, 3652]);
}

describe('nomogram figure', () => {
  for (const spline of [false, true]) {
    it(`pbc ${spline ? 'rcs(bili, 4)' : 'linear'} + age + sex`, () => {
      const nomo = pbcNomogram(spline);
      const data = nomogramFigureData(nomo, { title: 'Nomogram for death (pbc)', horizonLabel: (t) => `${Math.round(t / 365.25)}-year survival` });
      expect(data.rows.map((r) => r.label)).toEqual(['Points', 'Bilirubin (mg/dL)', 'Age (years)', 'Sex', 'Total points', 'Linear predictor', '5-year survival', '10-year survival']);
      const L = nomogramLayout(data);
      // tick positions follow the computed points on the common scale
      const bili = L.rows[1];
      const span = L.plotX1 - L.plotX0;
      bili.ticks.forEach((t, i) => expect(t.x).toBeCloseTo(L.plotX0 + (nomo.predictors[0].points[i] / 100) * span, 9));
      // every row's labels are apart on each side and the ends are labelled
      for (const r of L.rows) {
        for (const below of [false, true]) {
          const iv = r.ticks.filter((t) => t.label !== null && t.below === below).map((t) => [t.x - textWidth(t.label!, L.fontSize) / 2, t.x + textWidth(t.label!, L.fontSize) / 2]).sort((a, b) => a[0] - b[0]);
          for (let k = 1; k < iv.length; k++) expect(iv[k][0]).toBeGreaterThan(iv[k - 1][1]);
        }
        expect(r.ticks[0].label).not.toBeNull();
        expect(r.ticks[r.ticks.length - 1].label).not.toBeNull();
        for (const t of r.ticks) expect(t.x).toBeGreaterThanOrEqual(L.plotX0 - 1e-9);
        for (const t of r.ticks) expect(t.x).toBeLessThanOrEqual(L.plotX1 + 1e-9);
      }
      const svg = nomogramSvg(data);
      expect(svg).toContain('role="img"');
      expect((svg.match(/class="nomogram-row"/g) ?? []).length).toBe(8);
      const png = svgToPng(svg);
      expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
      const dir = process.env.NOMOGRAM_PNG_DIR;
      if (dir) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `nomogram-${spline ? 'rcs' : 'linear'}.svg`), svg);
        writeFileSync(join(dir, `nomogram-${spline ? 'rcs' : 'linear'}.png`), png);
      }
    });
  }
});
