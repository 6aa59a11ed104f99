/** Rectangle and segment tests used by label placement (no drawing). */

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Do two boxes overlap (touching counts as apart)? */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Is `inner` inside `outer`? */
export function boxInside(inner: Box, outer: Box): boolean {
  return inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;
}

/** Does the segment (x1,y1)–(x2,y2) pass through box `b`? (Liang–Barsky clipping.) */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [
    [-dx, x1 - b.x0],
    [dx, b.x1 - x1],
    [-dy, y1 - b.y0],
    [dy, b.y1 - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
    }
  }
  return true;
}

/** Does a polyline pass through box `b`? */
export function polylineHitsBox(pts: readonly (readonly [number, number])[], b: Box): boolean {
  for (let i = 1; i < pts.length; i++) {
    if (segmentHitsBox(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1], b)) return true;
  }
  return pts.length === 1 && pts[0][0] >= b.x0 && pts[0][0] <= b.x1 && pts[0][1] >= b.y0 && pts[0][1] <= b.y1;
}

/** `b` grown by `m` on every side. */
export function inflate(b: Box, m: number): Box {
  return { x0: b.x0 - m, y0: b.y0 - m, x1: b.x1 + m, y1: b.y1 + m };
}
