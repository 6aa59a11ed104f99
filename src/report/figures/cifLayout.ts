/**
 * Layout of the cumulative-incidence figure: the Kaplan–Meier layout (kmLayout.ts) on the CIF step
 * curves — rising from 0, no median lines, numbers at risk under the axis — with the P labelled as
 * Gray's test instead of the log-rank test. Pure: numbers in, positions out.
 *
 * @example cifLayout(cifFigureData(result, 1, { title: 'Recurrence' })).pText?.text // "Gray's test P = 0.012"
 */
import type { KmFigureData } from './kmData.js';
import { kmLayout, type KmLayout, type KmOptions } from './kmLayout.js';

export function cifLayout(data: KmFigureData, options: KmOptions = {}): KmLayout {
  const L = kmLayout(data, { ...options, medianLines: false });
  const relabel = (s: string) => s.replace(/^Log-rank/, "Gray's test").replace(/log-rank/g, "Gray's test").replace(/[Ss]urvival (probability|curves?)/g, 'cumulative incidence');
  return {
    ...L,
    pText: L.pText ? { ...L.pText, text: relabel(L.pText.text) } : null,
    description: relabel(L.description),
  };
}
