/**
 * SVG of the cumulative-incidence figure (one cause, one curve per group, numbers at risk, Gray's
 * test P), drawn by the Kaplan–Meier renderer from cifLayout.
 *
 * @example const svg = cifSvg(cifFigureData(result, 1, { title: 'Recurrence by SII', timeLabel: 'Months' }));
 */
import type { KmFigureData } from './kmData.js';
import type { KmOptions } from './kmLayout.js';
import { kmSvgFromLayout } from './kmSvg.js';
import { cifLayout } from './cifLayout.js';

export function cifSvg(data: KmFigureData, options: KmOptions = {}): string {
  return kmSvgFromLayout(cifLayout(data, options), data.title);
}
