import { bboxOf, contains, type Area, type BBox } from './planarGeometry';

/** Share of an old unit's sample points that must fall in one new unit for it to count as that unit's predecessor. */
const MAJORITY = 0.9;
const GRID = 40;

function inBox(box: BBox, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/**
 * Given the old units' shapes and the new units' shapes (keyed by code), returns for each old unit
 * the new unit it became part of. The merger of 1 July 2025 joined whole provinces, never split
 * one, so each old shape should lie in one new shape: a grid of points over the old shape votes,
 * and at least 90% of the points that land in some new unit must agree. Two sources drew the
 * borders, so a few points along a border may land next door; a real split would throw here.
 * Derived from the shapes themselves, so the mapping needs no table typed by hand.
 */
export function successorsByShape(before: ReadonlyMap<string, Area>, after: ReadonlyMap<string, Area>): Map<string, string> {
  const candidates = [...after].map(([code, area]) => ({ code, area, box: bboxOf(area) }));
  const result = new Map<string, string>();
  for (const [code, area] of before) {
    const [west, south, east, north] = bboxOf(area);
    const votes = new Map<string, number>();
    let landed = 0;
    for (let i = 0; i < GRID; i++) {
      for (let j = 0; j < GRID; j++) {
        const x = west + ((i + 0.5) / GRID) * (east - west);
        const y = south + ((j + 0.5) / GRID) * (north - south);
        if (!contains(area, x, y)) continue;
        const hit = candidates.find((c) => inBox(c.box, x, y) && contains(c.area, x, y));
        if (!hit) continue;
        landed++;
        votes.set(hit.code, (votes.get(hit.code) ?? 0) + 1);
      }
    }
    const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    if (!best || count < MAJORITY * landed) {
      throw new Error(`successorsByShape: old unit ${code} does not lie in one new unit (votes ${JSON.stringify([...votes])})`);
    }
    result.set(code, best);
  }
  return result;
}
