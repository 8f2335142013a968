import { readProvinceMap } from '../geo/readProvinceMap';
import { joinProvinceFigures, mapAssetPath, mapForPeriod, provinceCounts, type PlaceCount } from './mapLayer';

/** The part of a dashboard the map needs: the current period and its provinces, with ids when read live. */
export interface DashboardWithProvinces {
  readonly current: {
    readonly from: string;
    readonly to: string;
    readonly provinces: {
      readonly then: readonly (PlaceCount & { readonly ids?: readonly string[] })[];
      readonly now: readonly (PlaceCount & { readonly ids?: readonly string[] })[];
    };
  };
}

const MAP_ENUM = { 'provinces-63': 'PROVINCES_63', 'provinces-34': 'PROVINCES_34' } as const;

export interface DashboardMapRegion {
  readonly name: string;
  readonly code: string;
  readonly kind: 'PROVINCE' | 'ARCHIPELAGO';
  readonly placeId: string;
  readonly count: number | null;
  readonly ids: readonly string[] | null;
}

export interface DashboardMap {
  readonly map: (typeof MAP_ENUM)[keyof typeof MAP_ENUM];
  readonly url: string;
  readonly reading: 'THEN' | 'NOW';
  readonly spansMerger: boolean;
  readonly regions: readonly DashboardMapRegion[];
  readonly unmatched: readonly { readonly placeId: string; readonly count: number }[];
}

/**
 * Given a dashboard (live or from the cube), returns its current period drawn on the map
 * mapForPeriod chooses, each province taking its count in the reading it chooses (then or now),
 * with the ids behind it when the dashboard was read live; pure but for reading the map file once.
 * FieldDashboard.map and the map's export both read it.
 */
export function dashboardMap(parent: DashboardWithProvinces): DashboardMap {
  const { from, to, provinces } = parent.current;
  const choice = mapForPeriod({ from, to });
  const buckets = choice.reading === 'then' ? provinces.then : provinces.now;
  const ids = new Map(buckets.map((b) => [b.place.id, b.ids ?? null]));
  const joined = joinProvinceFigures(readProvinceMap(choice.map), provinceCounts(buckets));
  return {
    map: MAP_ENUM[choice.map],
    url: mapAssetPath(choice.map),
    reading: choice.reading === 'then' ? ('THEN' as const) : ('NOW' as const),
    spansMerger: choice.spansMerger,
    regions: joined.data.map((d) => ({
      name: d.name,
      code: d.code,
      kind: d.kind === 'province' ? 'PROVINCE' : 'ARCHIPELAGO',
      placeId: d.placeId,
      count: d.value,
      ids: d.value === null ? null : (ids.get(d.placeId) ?? null),
    })),
    unmatched: joined.unmatched.map((u) => ({ placeId: u.placeId, count: u.value })),
  };
}
