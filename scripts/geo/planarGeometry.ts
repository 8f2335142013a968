import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Small planar helpers on longitude/latitude degrees. At the scale of a province map, treating
 * degrees as a plane is accurate enough for what they are used for: voting which unit a shape
 * lies in, dropping rings too small to see, and bounding boxes.
 */

export type Area = Polygon | MultiPolygon;

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** Given a polygon or multipolygon, returns its polygons as lists of rings (outer ring first). */
export function polygonsOf(geometry: Area): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Given a list of polygons, returns the smallest geometry holding them (a Polygon when there is one). */
export function areaOf(polygons: Position[][][]): Area {
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Given a ring, returns its planar area in square degrees (always positive). */
export function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return Math.abs(twice / 2);
}

/** Given a point and a ring, returns whether the point is inside the ring (even-odd rule). */
function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Given a point and an area, returns whether the point is inside it (in an outer ring and in none of its holes). */
export function contains(geometry: Area, x: number, y: number): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => outer !== undefined && inRing(x, y, outer) && !holes.some((hole) => inRing(x, y, hole)),
  );
}

/** Given an area, returns its bounding box. */
export function bboxOf(geometry: Area): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [x, y] of polygon.flat() as [number, number][]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/**
 * Given an area and a number of decimals, returns it with every coordinate rounded, repeated
 * points dropped, and rings (then polygons) left with fewer than four points dropped; null when
 * nothing is left. Rounding to 3 decimals (about 110 m) is far below a pixel of a national map.
 */
export function roundArea(geometry: Area, decimals: number): Area | null {
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const polygons: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const rings: Position[][] = [];
    for (const [index, ring] of polygon.entries()) {
      const points: Position[] = [];
      for (const [x, y] of ring as [number, number][]) {
        const point = [round(x), round(y)];
        const last = points[points.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
      }
      const first = points[0];
      const last = points[points.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push([...first]);
      if (points.length >= 4) rings.push(points);
      else if (index === 0) break;
    }
    // A polygon whose outer ring collapsed is dropped with its holes.
    if (rings[0] && ringArea(rings[0]) > 0) polygons.push(rings);
  }
  return polygons.length === 0 ? null : areaOf(polygons);
}
