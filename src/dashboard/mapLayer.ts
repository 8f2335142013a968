import type { ProvinceMap, ProvinceMapId } from '../geo/provinceMap';

/**
 * Which province map a dashboard period shows, and the join of per-province figures (keyed by
 * Place id) to the map's regions (keyed by name, as ECharts' map series wants).
 */

/** The first day of the 34 provinces (Nghị quyết 202/2025/QH15). */
export const MERGER_DAY = '2025-07-01';

/** Where the map's files are served: `/assets/geo/<id>.geojson`. */
export function mapAssetPath(map: ProvinceMapId): string {
  return `/assets/geo/${map}.geojson`;
}

/** A dashboard period: inclusive ISO days, null for no bound. */
export interface MapPeriod {
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * Which map, and which reading of the place rollup colours it: `then` counts a fact for the
 * province it was in on its day, `now` for today's province that succeeded it (placeRollup.ts).
 */
export interface MapChoice {
  readonly map: ProvinceMapId;
  readonly reading: 'then' | 'now';
  /** True when the period has days on both sides of the merger (or no bound on one side). */
  readonly spansMerger: boolean;
}

/**
 * Given a period, returns the map to draw it on: the 63 provinces when it ends before 1 July 2025,
 * read `then`; the 34 when it starts on or after that day, read `then`. A period spanning the
 * merger (2025 as a whole, or an open bound) takes the 34, read `now`: every fact of the period,
 * before or after the merger, has a province today (the rollup follows SUCCEEDED_BY), while the
 * 63-map has no shape for a unit formed on 1 July 2025, so facts after it could not be drawn there.
 * Reading `now` keeps every fact on the map, counted once, in the units a reader knows today; the
 * page should say so (`spansMerger`). Throws on a period that ends before it starts.
 */
export function mapForPeriod(period: MapPeriod): MapChoice {
  const { from, to } = period;
  if (from !== null && to !== null && to < from) {
    throw new RangeError(`mapForPeriod: the period ends (${to}) before it starts (${from})`);
  }
  if (to !== null && to < MERGER_DAY) return { map: 'provinces-63', reading: 'then', spansMerger: false };
  if (from !== null && from >= MERGER_DAY) return { map: 'provinces-34', reading: 'then', spansMerger: false };
  return { map: 'provinces-34', reading: 'now', spansMerger: true };
}

/** One region of the map series: its name (the ECharts key), its figure, and what it is. */
export interface MapDatum {
  readonly name: string;
  /** The figure of the province (for an archipelago: of its province); null when there is none. */
  readonly value: number | null;
  readonly placeId: string;
  readonly code: string;
  readonly kind: 'province' | 'archipelago';
}

export interface JoinedFigures {
  /** One datum per feature of the map, in the map's order. */
  readonly data: readonly MapDatum[];
  /** Figures whose id is no province of this map, in the order given: shown beside the map, never dropped silently. */
  readonly unmatched: readonly { readonly placeId: string; readonly value: number }[];
}

/**
 * Given a map and figures keyed by Place id, returns one datum per region: a province takes the
 * figure of its `placeId`, or of its `syntheticPlaceId` on a synthetic graph (the two id spaces
 * never meet: synthetic ids start `place:syn-`); an archipelago takes its province's figure, so it
 * is drawn in its province's colour. A figure no region takes is returned in `unmatched`.
 */
export function joinProvinceFigures(map: ProvinceMap, figures: ReadonlyMap<string, number>): JoinedFigures {
  const taken = new Set<string>();
  const data = map.features.map(({ properties: p }): MapDatum => {
    const key = figures.has(p.placeId) ? p.placeId : figures.has(p.syntheticPlaceId) ? p.syntheticPlaceId : null;
    if (key !== null) taken.add(key);
    return { name: p.name, value: key === null ? null : figures.get(key)!, placeId: p.placeId, code: p.code, kind: p.kind };
  });
  const unmatched = [...figures].filter(([placeId]) => !taken.has(placeId)).map(([placeId, value]) => ({ placeId, value }));
  return { data, unmatched };
}

/** The few fields of a dashboard place bucket (PlaceBucket in analytics/figures.ts) the map needs. */
export interface PlaceCount {
  readonly place: { readonly id: string };
  readonly level: string;
  readonly count: number;
}

/** Given the place buckets of a panel (then or now), returns the province counts keyed by Place id. */
export function provinceCounts(buckets: readonly PlaceCount[]): Map<string, number> {
  return new Map(buckets.filter((b) => b.level === 'PROVINCE').map((b) => [b.place.id, b.count]));
}
