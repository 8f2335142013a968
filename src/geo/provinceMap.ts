import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * The shape of the two committed province maps (`src/web/assets/geo/provinces-63.geojson` and
 * `provinces-34.geojson`), read by the dashboard and written by `scripts/buildProvinceMaps.ts`.
 * Each is a GeoJSON FeatureCollection that ECharts' `registerMap` takes as is: it names a region by
 * `properties.name` and places its label at `properties.cp` when given.
 */

/** Which map: the 63 provinces until 30 June 2025, or the 34 from 1 July 2025. */
export type ProvinceMapId = 'provinces-63' | 'provinces-34';

/** A province or centrally-run city. */
export interface ProvinceProperties {
  readonly kind: 'province';
  /** Two-digit GSO code ("02" for Hà Giang). */
  readonly code: string;
  /** Bare Vietnamese name in NFC ("Hà Giang"); unique within a map, so it is the ECharts region name. */
  readonly name: string;
  /** The name with its unit ("tỉnh Hà Giang", "thành phố Huế"). */
  readonly fullName: string;
  readonly unit: 'tỉnh' | 'thành phố';
  /** The id of this unit's Place node in the real graph (seeds/places.json, or the rule in SOURCE.md). */
  readonly placeId: string;
  /** The id of the synthetic province drawn in this shape (bench/synthetic/geography.ts); a drawing slot, not a real place. */
  readonly syntheticPlaceId: string;
  /** On the 63-map only: the code of the 34-unit this province became part of on 1 July 2025. */
  readonly successorCode?: string;
}

/** Hoàng Sa or Trường Sa, drawn in the colour of the province it belongs to. */
export interface ArchipelagoProperties {
  readonly kind: 'archipelago';
  /** "HS" or "TS". */
  readonly code: string;
  /** "Quần đảo Hoàng Sa" or "Quần đảo Trường Sa": the ECharts region name and its label. */
  readonly name: string;
  readonly label: string;
  /** The province it belongs to (48 Đà Nẵng, 56 Khánh Hòa), and that province's ids, so it takes its figure. */
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly placeId: string;
  readonly syntheticPlaceId: string;
  /** Where ECharts puts the label: the middle of the archipelago's published extent. */
  readonly cp: readonly [number, number];
}

export type ProvinceMapProperties = ProvinceProperties | ArchipelagoProperties;
export type ProvinceMapFeature = Feature<Polygon | MultiPolygon, ProvinceMapProperties>;
export type ProvinceMap = FeatureCollection<Polygon | MultiPolygon, ProvinceMapProperties>;
