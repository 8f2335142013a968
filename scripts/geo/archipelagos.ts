import type { Position } from 'geojson';
import { areaOf, bboxOf, polygonsOf, ringArea, type Area, type BBox } from './planarGeometry';

/**
 * Hoàng Sa and Trường Sa. The 34-unit boundaries stop at 109.46° E and do not draw them; the
 * 63-unit boundaries (Open Development Vietnam's "Địa phận tỉnh") draw their islands and reefs as
 * outlying parts of Đà Nẵng and Khánh Hòa. Those parts are taken out of the two provinces and
 * drawn as features of their own, the same in both maps, named and labelled, and tied to their
 * province so they take its colour. Hoàng Sa belongs to Đà Nẵng and Trường Sa to Khánh Hòa before
 * and after 1 July 2025 (both keep their GSO codes 48 and 56).
 */

/** Parts of a province east of this longitude are offshore archipelagos: the mainland and its near islands stop at 109.47° E. */
export const OFFSHORE_EAST_OF = 109.6;

export interface Archipelago {
  readonly code: 'HS' | 'TS';
  readonly name: string;
  /** GSO code of the province it belongs to, in both maps. */
  readonly provinceCode: string;
  /** The extent Vietnamese publications give, [west, south, east, north]; see SOURCE.md for where. */
  readonly publishedExtent: BBox;
}

const minutes = (degrees: number, mins: number) => degrees + mins / 60;

export const ARCHIPELAGOS: readonly Archipelago[] = [
  // 15°45′–17°15′ N, 111°–113° E.
  { code: 'HS', name: 'Quần đảo Hoàng Sa', provinceCode: '48', publishedExtent: [111, minutes(15, 45), 113, minutes(17, 15)] },
  // 6°12′–12°00′ N, 111°30′–117°20′ E.
  {
    code: 'TS',
    name: 'Quần đảo Trường Sa',
    provinceCode: '56',
    publishedExtent: [minutes(111, 30), minutes(6, 12), minutes(117, 20), 12],
  },
];

/** Given an archipelago, returns where its label goes: the middle of its published extent, rounded to 0.01°. */
export function labelPoint(archipelago: Archipelago): [number, number] {
  const [west, south, east, north] = archipelago.publishedExtent;
  return [Math.round(((west + east) / 2) * 100) / 100, Math.round(((south + north) / 2) * 100) / 100];
}

/** For the two owners, a part more than this many degrees (about 110 km) from the province's largest part is offshore too. */
export const OFFSHORE_DISTANCE = 1;

/**
 * Given a province's shape and whether it owns an archipelago, returns its mainland (with near
 * islands) and its offshore parts, either null when empty. A part is offshore when it lies east of
 * 109.6° E, or, for Đà Nẵng and Khánh Hòa, when it lies more than 1° from the province's largest
 * part: the 63-unit data also gives Khánh Hòa a bank at 7.8° N, 109.1° E, 450 km south of its
 * coast, which can only belong to its offshore district, Trường Sa.
 */
export function splitOffshore(area: Area, ownsArchipelago: boolean): { mainland: Area | null; offshore: Area | null } {
  const polygons = polygonsOf(area);
  const largest = polygons.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
  const [w, s, e, n] = bboxOf({ type: 'Polygon', coordinates: largest });
  const mainland: Position[][][] = [];
  const offshore: Position[][][] = [];
  for (const polygon of polygons) {
    const [west, south, east, north] = bboxOf({ type: 'Polygon', coordinates: polygon });
    const far =
      west > e + OFFSHORE_DISTANCE ||
      east < w - OFFSHORE_DISTANCE ||
      south > n + OFFSHORE_DISTANCE ||
      north < s - OFFSHORE_DISTANCE;
    (west > OFFSHORE_EAST_OF || (ownsArchipelago && far) ? offshore : mainland).push(polygon);
  }
  return { mainland: mainland.length ? areaOf(mainland) : null, offshore: offshore.length ? areaOf(offshore) : null };
}
