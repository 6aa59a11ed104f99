/**
 * ROC analysis of several markers on the same subjects: each marker (rocAnalysis), every pair
 * compared by the paired DeLong test in the order given (diff = AUC(a) − AUC(b)), and optionally
 * the combined logistic marker compared with each. The caller passes complete cases of all markers,
 * so that every comparison is paired.
 */
import { analysisError } from '../../errors.js';
import { rocMessages } from '../../messages/index.js';
import { combinedMarker, type CombinedMarker } from './combinedMarker.js';
import { compareAucs, type RocComparison } from './compareAucs.js';
import { rocAnalysis, type RocOptions, type RocResult } from './rocAnalysis.js';

export interface MarkerColumn {
  readonly name: string;
  readonly values: Float64Array;
}

export interface RocMarkersOptions extends Omit<RocOptions, 'marker'> {
  /** Fit and analyse the combined logistic marker (needs ≥ 2 markers). */
  readonly combine?: boolean;
}

export interface RocReport {
  readonly nCases: number;
  readonly nControls: number;
  readonly markers: readonly RocResult[];
  readonly comparisons: readonly RocComparison[];
  readonly combined: CombinedMarker | null;
}

/**
 * @example
 * const y = Float64Array.of(0, 0, 0, 1, 1, 1);
 * const r = rocMarkers([{ name: 'a', values: Float64Array.of(1, 2, 4, 3, 5, 6) }, { name: 'b', values: Float64Array.of(2, 1, 3, 6, 4, 5) }], y);
 * r.comparisons[0].diff // -0.11111111111111116
 */
export function rocMarkers(markers: readonly MarkerColumn[], y: Float64Array, opts: RocMarkersOptions = {}): RocReport {
  const seen = new Set<string>();
  for (const m of markers) {
    if (seen.has(m.name)) throw analysisError(rocMessages.duplicateMarker(m.name));
    seen.add(m.name);
  }
  const results = markers.map((m) => rocAnalysis(m.values, y, { ...opts, marker: m.name }));
  const level = opts.level ?? 0.95;
  const comparisons: RocComparison[] = [];
  for (let i = 0; i < results.length; i++)
    for (let j = i + 1; j < results.length; j++) comparisons.push(compareAucs(results[i], results[j], level));
  let combined: CombinedMarker | null = null;
  if (opts.combine) {
    if (markers.length < 2) throw analysisError(rocMessages.combineNeedsTwo());
    combined = combinedMarker(markers.map((m) => m.values), y, results, markers.map((m) => m.name), opts);
  }
  return Object.freeze({
    nCases: results[0].nCases,
    nControls: results[0].nControls,
    markers: Object.freeze(results),
    comparisons: Object.freeze(comparisons),
    combined,
  });
}
