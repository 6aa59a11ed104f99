/** Meta-analysis forest and funnel plots: geometry from the layout, deterministic SVG, PNG renders. */
import { describe, expect, it } from 'vitest';
import { metaForestLayout } from '../../../src/report/figures/metaForestLayout.js';
import { metaForestSvg } from '../../../src/report/figures/metaForestSvg.js';
import { funnelLayout } from '../../../src/report/figures/funnelLayout.js';
import { funnelSvg } from '../../../src/report/figures/funnelSvg.js';
import { svgToPng } from '../../../src/report/png.js';
import { textWidth } from '../../../src/report/figures/textWidth.js';
import type { MetaForestFigureData } from '../../../src/report/figures/metaForestData.js';

const data: MetaForestFigureData = {
  title: 'SII and survival',
  measureName: 'Hazard ratio',
  estimateHeader: 'HR (95% CI)',
  groups: [{ heading: null, studies: [
    { label: 'hong2021', estimate: 2.211, lower: 1.089, upper: 4.489, weight: 75, n: 58 },
    { label: 'deng2025', estimate: 12.13, lower: 2.442, upper: 60.24, weight: 25, n: 186, flagged: true },
    { label: 'tiny', estimate: 0.5, lower: 0.0001, upper: 2000, weight: 0.5 },
  ] }],
  pooled: [
    { label: 'Fixed effect', estimate: 2.92, lower: 1.53, upper: 5.58 },
    { label: 'Random effects (REML)', estimate: 3.4, lower: 1.2, upper: 9.6, main: true },
  ],
  prediction: { label: '95% prediction interval', lower: 0.3, upper: 40 },
  notes: ['Heterogeneity: τ² = 1.049; Q = 3.63 on 1 df (P = 0.057); I² = 72.4%'],
};

describe('metaForestLayout', () => {
  const L = metaForestLayout(data);
  it('square areas are proportional to the weights', () => {
    const [a, b] = L.squares;
    expect((a.half / b.half) ** 2).toBeCloseTo(75 / 25, 10);
  });
  it('the main diamond spans its CI and sits on the pooled estimate; the PI bar spans the PI', () => {
    const x = (v: number) => {
      const t = L.axis.ticks;
      const lo = t[0], hi = t[t.length - 1];
      return lo.pos + ((Math.log(v) - Math.log(lo.value)) / (Math.log(hi.value) - Math.log(lo.value))) * (hi.pos - lo.pos);
    };
    const main = L.diamonds.find((d) => d.main)!;
    expect(main.xm).toBeCloseTo(x(3.4), 6);
    expect(main.x0).toBeCloseTo(x(1.2), 6);
    expect(main.x1).toBeCloseTo(x(9.6), 6);
    expect(L.prediction!.x0).toBeCloseTo(x(0.3), 6);
    expect(L.prediction!.x1).toBeCloseTo(x(40), 6);
    expect(L.prediction!.y).toBeGreaterThan(main.y);
  });
  it('a CI beyond the axis becomes arrows; a flagged study is hollow', () => {
    const w = L.whiskers[2];
    expect(w.arrowLeft && w.arrowRight).toBe(true);
    expect(L.squares[1].hollow).toBe(true);
  });
  it('every text stays inside the figure', () => {
    for (const t of L.texts) {
      const w = textWidth(t.text, L.fontSize, t.bold);
      const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
      expect(x0).toBeGreaterThanOrEqual(-0.01);
      expect(x0 + w).toBeLessThanOrEqual(L.width + 0.01);
      expect(t.y).toBeLessThanOrEqual(L.height);
    }
  });
  it('SVG is deterministic, accessible, and renders to PNG', () => {
    const s = metaForestSvg(data);
    expect(metaForestSvg(data)).toBe(s);
    expect(s).toContain('role="img"');
    expect(s).toContain('Random effects (REML): 3.40 (1.20–9.60)');
    expect(s).not.toMatch(/NaN|Infinity/);
    const png = svgToPng(s, { dpi: 72 });
    expect(png.length).toBeGreaterThan(1000);
  });
});

describe('funnelLayout', () => {
  const f = { title: 'Funnel', measureName: 'Hazard ratio', centre: 2, centreLabel: 'pooled', notes: ["Egger's test: z = 1.41, P = 0.160."],
    points: [{ label: 'a', estimate: 2, se: 0.1 }, { label: 'b', estimate: 4, se: 0.5 }, { label: 'c', estimate: 1, se: 0.5, imputed: true }] };
  const L = funnelLayout(f);
  it('SE 0 at the top, larger SE lower; the region is centre ± 1.96·SE', () => {
    expect(L.points[1].y).toBeGreaterThan(L.points[0].y);
    expect(L.region[1][0]).toBeCloseTo(L.centreX, 9);
    expect(L.region[1][1]).toBeCloseTo(L.plot.y0, 9);
    expect(L.points[2].imputed).toBe(true);
    // symmetric on the log scale about the centre
    expect(L.centreX - L.region[0][0]).toBeCloseTo(L.region[2][0] - L.centreX, 6);
  });
  it('SVG renders', () => {
    const s = funnelSvg(f);
    expect(s).toContain('trim-and-fill');
    expect(s).not.toMatch(/NaN|Infinity/);
    expect(svgToPng(s, { dpi: 72 }).length).toBeGreaterThan(1000);
  });
});
