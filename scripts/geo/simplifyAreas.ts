import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { roundArea, type Area } from './planarGeometry';

export interface SimplifyOptions {
  /** Visvalingam weight below which a point goes: the area, in square degrees, of the triangle it makes with its neighbours. */
  readonly minWeight: number;
  /** Rings (islands, holes) smaller than this, in square degrees, are dropped. */
  readonly minRingArea: number;
  /** Decimals kept in the output coordinates. */
  readonly decimals: number;
}

/**
 * Settings for the province maps: a point goes when its triangle is under 5e-5 deg² (about
 * 0.6 km²; one pixel of a 600-pixel-high map of the country is about 6e-4 deg²), an island under
 * 1e-4 deg² (about 1.2 km²) goes, coordinates keep 3 decimals (about 110 m). Phú Quốc, Côn Đảo,
 * Lý Sơn, Cồn Cỏ and Bạch Long Vĩ stay.
 */
export const PROVINCE_SIMPLIFICATION: SimplifyOptions = { minWeight: 5e-5, minRingArea: 1e-4, decimals: 3 };

/**
 * Given shapes keyed by id and the settings, returns each simplified with its neighbours: the
 * shapes are joined into one topology first (topojson-server), so a border shared by two units is
 * one arc simplified once and both sides stay aligned; then Visvalingam simplification and the
 * dropping of small rings (topojson-simplify), then rounding. A shape that simplifies to nothing
 * throws, naming it: a province must never vanish from the map silently.
 */
export function simplifyAreas(shapes: ReadonlyMap<string, Area>, options: SimplifyOptions): Map<string, Area> {
  const collection: FeatureCollection<Area, { key: string }> = {
    type: 'FeatureCollection',
    features: [...shapes].map(([key, geometry]): Feature<Area, { key: string }> => ({
      type: 'Feature',
      properties: { key },
      geometry,
    })),
  };
  // 1e6 quantization (about 1.5 m here) snaps borders that two sources drew a hair apart without moving anything visible.
  // topojson-server's types give properties `GeoJsonProperties` (which allows null), topojson-simplify's want `{}`: the same runtime object.
  const joined = presimplify(topology({ shapes: collection }, 1e6) as Topology<Objects>);
  const simplified = simplify(joined, options.minWeight);
  const filtered = filter(simplified, filterWeight(simplified, options.minRingArea));
  const object = filtered.objects.shapes;
  if (!object) throw new Error('simplifyAreas: the topology lost its object');
  // When every ring is filtered away the object itself becomes null, and feature() returns no collection.
  const back = feature(filtered, object) as Partial<FeatureCollection<Area | null, { key: string }>>;
  const out = new Map<string, Area>();
  for (const f of back.features ?? []) {
    const rounded = f.geometry ? roundArea(f.geometry, options.decimals) : null;
    if (rounded) out.set(f.properties.key, rounded);
  }
  for (const key of shapes.keys()) if (!out.has(key)) throw new Error(`simplifyAreas: "${key}" simplified to nothing`);
  return out;
}
