/**
 * A polyline with the points closer than `tolerance` (figure units, pt) to the last point kept
 * dropped, first and last points always kept: the drawn line moves by less than the tolerance
 * anywhere (each dropped point lies within it of a kept one). A ROC curve of 100,000 patients has
 * 100,000 steps of a hundredth of a point; drawn as they are, they made a 3.6 MB SVG that looks the
 * same as a few thousand points. Small curves, whose steps are longer than the tolerance, are
 * returned point for point.
 *
 * @example
 * thinPolyline([[0, 0], [0.01, 0], [0.02, 0.01], [1, 1]], 0.05) // [[0, 0], [1, 1]]
 */
export function thinPolyline(points: readonly (readonly [number, number])[], tolerance: number): [number, number][] {
  const n = points.length;
  if (n <= 2) return points.map(([x, y]) => [x, y]);
  const t2 = tolerance * tolerance;
  const out: [number, number][] = [[points[0][0], points[0][1]]];
  let [lx, ly] = points[0];
  for (let i = 1; i < n - 1; i++) {
    const [x, y] = points[i];
    const dx = x - lx;
    const dy = y - ly;
    if (dx * dx + dy * dy < t2) continue;
    out.push([x, y]);
    lx = x;
    ly = y;
  }
  out.push([points[n - 1][0], points[n - 1][1]]);
  return out;
}
