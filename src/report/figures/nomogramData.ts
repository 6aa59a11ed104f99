/**
 * What the nomogram figure draws, as plain data built from the computed nomogram
 * (src/stats/nomogram/nomogram.ts): one row per axis — the 0–100 points scale, one row per predictor
 * (tick positions on the points scale with their value labels), the total-points scale, and the
 * linear-predictor and survival axes (tick positions on the total-points scale).
 *
 * @example
 * nomogramFigureData(nomo, { horizonLabel: (t) => `${t / 12}-year survival` }).rows[0].label // 'Points'
 */
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import type { Nomogram } from '../../stats/nomogram/nomogram.js';

export interface NomogramTickData {
  /** On the row's scale: points (0 … maxScale) for 'points' rows, total points for 'total' rows. */
  readonly at: number;
  readonly label: string;
}

export interface NomogramRowData {
  readonly label: string;
  readonly scale: 'points' | 'total';
  readonly ticks: readonly NomogramTickData[];
  /** Minor ticks without labels (positions only). */
  readonly minor?: readonly number[];
  readonly kind: 'scale' | 'predictor' | 'outcome';
}

export interface NomogramFigureData {
  readonly title?: string;
  readonly maxScale: number;
  readonly totalMax: number;
  readonly rows: readonly NomogramRowData[];
}

const fmtValue = format('~g');
const fmtSurv = format('.2~f');

export function nomogramFigureData(
  nomo: Nomogram,
  opts: { readonly title?: string; readonly horizonLabel?: (t: number) => string; readonly valueLabel?: (covariate: string, v: number | string) => string } = {},
): NomogramFigureData {
  const rows: NomogramRowData[] = [];
  const pts = Array.from({ length: 11 }, (_, i) => (i * nomo.maxScale) / 10);
  rows.push({
    label: 'Points',
    scale: 'points',
    kind: 'scale',
    ticks: pts.map((at) => ({ at, label: fmtValue(at) })),
    minor: Array.from({ length: 50 }, (_, i) => ((i + 0.5) * nomo.maxScale) / 50).filter((x) => Math.abs((x * 10) % nomo.maxScale) > 1e-9),
  });
  for (const p of nomo.predictors) {
    rows.push({
      label: p.label,
      scale: 'points',
      kind: 'predictor',
      ticks: p.values.map((v, i) => ({
        at: p.points[i],
        label: opts.valueLabel ? opts.valueLabel(p.covariate, v) : typeof v === 'number' ? fmtValue(v) : v,
      })),
    });
  }
  const totalMax = nomo.totalPoints[1];
  const totalTicks = scaleLinear().domain([0, totalMax]).ticks(10);
  rows.push({ label: 'Total points', scale: 'total', kind: 'scale', ticks: totalTicks.map((at) => ({ at, label: fmtValue(at) })) });
  rows.push({ label: 'Linear predictor', scale: 'total', kind: 'outcome', ticks: nomo.lpTicks.map((t) => ({ at: t.points, label: fmtValue(t.value) })) });
  for (const s of nomo.survival)
    rows.push({
      label: opts.horizonLabel ? opts.horizonLabel(s.horizon) : `Survival at ${fmtValue(s.horizon)}`,
      scale: 'total',
      kind: 'outcome',
      ticks: s.ticks.map((t) => ({ at: t.points, label: fmtSurv(t.value) })),
    });
  return { title: opts.title, maxScale: nomo.maxScale, totalMax, rows };
}
