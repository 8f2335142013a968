import type { Feature, FeatureCollection } from 'geojson';
import type { ArchipelagoProperties, ProvinceMap, ProvinceMapFeature, ProvinceProperties } from '../../src/geo/provinceMap';
import { ARCHIPELAGOS, labelPoint, splitOffshore } from './archipelagos';
import { areaOf, polygonsOf, type Area } from './planarGeometry';
import {
  nameKey,
  rulePlaceId,
  seedProvinceIds,
  syntheticMergedProvinceId,
  syntheticProvinceId,
  type SeedPlace,
} from './placeIds';
import { fullProvinceName, PROVINCES_34, PROVINCES_63, type ProvinceRow } from './provinceTables';
import { PROVINCE_SIMPLIFICATION, simplifyAreas, type SimplifyOptions } from './simplifyAreas';
import { successorsByShape } from './successors';

/** The archipelagos are many small reefs: simplified lightly, and only reefs under 2e-5 deg² (about 0.25 km²) dropped. */
export const ARCHIPELAGO_SIMPLIFICATION: SimplifyOptions = { minWeight: 1e-5, minRingArea: 2e-4, decimals: 3 };

/** The raw inputs, as read from shared/data/geo. */
export interface ProvinceMapSources {
  /** The 34 files of provinces-2025/: file name ("3_tinh_tuyen_quang.geojson") and content. */
  readonly after: readonly { readonly fileName: string; readonly collection: FeatureCollection }[];
  /** provinces-63.topo.json, converted to GeoJSON; each feature has `ten_tinh`. */
  readonly before: FeatureCollection;
  /** seeds/places.json. */
  readonly seedPlaces: readonly SeedPlace[];
}

/** One line of the mapping table: which id each shape is joined on. */
export interface MappingRow {
  readonly map: 'provinces-63' | 'provinces-34';
  readonly code: string;
  readonly name: string;
  readonly placeId: string;
  readonly idFrom: 'seeds' | 'rule';
  readonly syntheticPlaceId: string;
  readonly successorCode?: string;
}

export interface ProvinceMaps {
  readonly map63: ProvinceMap;
  readonly map34: ProvinceMap;
  readonly table: readonly MappingRow[];
}

function isArea(geometry: Feature['geometry']): geometry is Area {
  return geometry !== null && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon');
}

/** Given features, returns all their polygons as one area (a file or a topology object may hold a unit in several features). */
function unionOf(features: readonly Feature[], what: string): Area {
  const polygons = features.flatMap((f) => {
    if (!isArea(f.geometry)) throw new Error(`buildProvinceMaps: ${what} has a ${f.geometry?.type ?? 'null'} geometry`);
    return polygonsOf(f.geometry);
  });
  return areaOf(polygons);
}

/** Given source names and the table, returns the table row of each, throwing on a name that matches none or twice. */
function matchRows(names: readonly string[], table: readonly ProvinceRow[], what: string): ProvinceRow[] {
  const byKey = new Map(table.map((row) => [nameKey(row.name), row]));
  const seen = new Set<string>();
  return names.map((name) => {
    const row = byKey.get(nameKey(name));
    if (!row) throw new Error(`buildProvinceMaps: ${what} "${name}" matches no unit of the table`);
    if (seen.has(row.code)) throw new Error(`buildProvinceMaps: ${what} "${name}" matches ${row.code} twice`);
    seen.add(row.code);
    return row;
  });
}

/** Given each unit's shape, takes out the offshore parts: into `offshore` by province code. */
function takeOffshore(shapes: Map<string, Area>, offshore: Map<string, Area[]>): void {
  for (const [code, area] of shapes) {
    const owner = ARCHIPELAGOS.some((a) => a.provinceCode === code);
    const split = splitOffshore(area, owner);
    if (!split.offshore) continue;
    if (!owner) throw new Error(`buildProvinceMaps: unit ${code} has offshore parts but no archipelago`);
    if (!split.mainland) throw new Error(`buildProvinceMaps: unit ${code} has no mainland`);
    shapes.set(code, split.mainland);
    offshore.set(code, [...(offshore.get(code) ?? []), split.offshore]);
  }
}

/**
 * Given the raw boundary data and the seeds, returns the two maps and the mapping table: shapes
 * matched to GSO codes by name, simplified (topology-preserving), the archipelagos taken out of Đà
 * Nẵng and Khánh Hòa and drawn as features of their own, each 63-unit's successor found from the
 * shapes, and every feature tied to its Place id. Throws, naming the unit, on anything that does
 * not fit (an unknown name, a unit missing, a 34-unit whose name none of its predecessors had).
 */
export function buildProvinceMaps(sources: ProvinceMapSources): ProvinceMaps {
  // The 34: file "3_tinh_tuyen_quang.geojson" is unit 3 of the resolution, named in its slug.
  const files = sources.after.map(({ fileName, collection }) => {
    const match = /^(\d+)_(.+)\.geojson$/.exec(fileName);
    if (!match) throw new Error(`buildProvinceMaps: unexpected file name "${fileName}"`);
    return { order: Number(match[1]), slugName: match[2]!.replace(/_/g, ' '), area: unionOf(collection.features, fileName) };
  });
  const rows34 = matchRows(
    files.map((f) => f.slugName),
    PROVINCES_34,
    'file',
  );
  const order34 = new Map(files.map((f, i) => [rows34[i]!.code, f.order]));
  const raw34 = new Map(files.map((f, i) => [rows34[i]!.code, f.area]));

  const names63 = [...new Set(sources.before.features.map((f) => String(f.properties?.ten_tinh ?? '')))];
  const rows63 = matchRows(names63, PROVINCES_63, 'shape');
  const raw63 = new Map(
    names63.map((name, i) => [
      rows63[i]!.code,
      unionOf(
        sources.before.features.filter((f) => f.properties?.ten_tinh === name),
        name,
      ),
    ]),
  );
  for (const [table, shapes] of [
    [PROVINCES_34, raw34],
    [PROVINCES_63, raw63],
  ] as const) {
    const missing = table.filter((row) => !shapes.has(row.code)).map((row) => `${row.code} ${row.name}`);
    if (missing.length) throw new Error(`buildProvinceMaps: no shape for ${missing.join(', ')}`);
  }

  const offshore = new Map<string, Area[]>();
  takeOffshore(raw63, offshore);
  takeOffshore(raw34, offshore);
  const shapes63 = simplifyAreas(raw63, PROVINCE_SIMPLIFICATION);
  const shapes34 = simplifyAreas(raw34, PROVINCE_SIMPLIFICATION);
  const islands = simplifyAreas(
    // Lagoons are filled (outer rings only): an atoll drawn as a thin rim would not show its colour at the scale of the country.
    new Map(
      ARCHIPELAGOS.map((a) => [
        a.code,
        areaOf((offshore.get(a.provinceCode) ?? []).flatMap(polygonsOf).map(([outer]) => [outer!])),
      ]),
    ),
    ARCHIPELAGO_SIMPLIFICATION,
  );

  const successors = successorsByShape(shapes63, shapes34);
  const predecessors = new Map<string, ProvinceRow[]>();
  for (const row of PROVINCES_63) {
    const into = successors.get(row.code)!;
    predecessors.set(into, [...(predecessors.get(into) ?? []), row]);
  }
  // The unit of the 63 whose name the 34-unit took; the 34-units all took a predecessor's name.
  const carrier = new Map<string, string>();
  for (const row of PROVINCES_34) {
    const before = predecessors.get(row.code) ?? [];
    const named = before.find((old) => nameKey(old.name) === nameKey(row.name));
    if (!named) {
      throw new Error(
        `buildProvinceMaps: 34-unit ${row.code} ${row.name} has no predecessor of its name (${before.map((b) => b.name).join(', ')})`,
      );
    }
    carrier.set(named.code, row.code);
  }

  const seeds = seedProvinceIds(sources.seedPlaces);
  const id34 = new Map<string, { placeId: string; idFrom: MappingRow['idFrom']; syntheticPlaceId: string }>();
  for (const row of PROVINCES_34) {
    const seeded = seeds.after.get(nameKey(row.name));
    id34.set(row.code, {
      placeId: seeded ?? rulePlaceId(row),
      idFrom: seeded ? 'seeds' : 'rule',
      syntheticPlaceId: syntheticProvinceId(order34.get(row.code)!),
    });
  }
  const id63 = new Map<string, { placeId: string; idFrom: MappingRow['idFrom']; syntheticPlaceId: string }>();
  let mergedRank = 0;
  for (const row of PROVINCES_63) {
    const into = successors.get(row.code)!;
    const unchanged = predecessors.get(into)!.length === 1;
    const carries = carrier.get(row.code) !== undefined;
    const seeded = seeds.before.get(nameKey(row.name));
    const placeId = seeded ?? (unchanged ? id34.get(into)!.placeId : rulePlaceId(row, carries));
    const syntheticPlaceId = carries ? id34.get(into)!.syntheticPlaceId : syntheticMergedProvinceId(++mergedRank);
    id63.set(row.code, { placeId, idFrom: seeded ? 'seeds' : 'rule', syntheticPlaceId });
  }

  const table: MappingRow[] = [];
  const build = (
    map: MappingRow['map'],
    rows: readonly ProvinceRow[],
    shapes: Map<string, Area>,
    ids: typeof id63,
  ): ProvinceMap => {
    const features: ProvinceMapFeature[] = rows.map((row) => {
      const tie = ids.get(row.code)!;
      const successorCode = map === 'provinces-63' ? successors.get(row.code) : undefined;
      table.push({ map, code: row.code, name: row.name, ...tie, ...(successorCode ? { successorCode } : {}) });
      const properties: ProvinceProperties = {
        kind: 'province',
        code: row.code,
        name: row.name,
        fullName: fullProvinceName(row),
        unit: row.unit,
        placeId: tie.placeId,
        syntheticPlaceId: tie.syntheticPlaceId,
        ...(successorCode ? { successorCode } : {}),
      };
      return { type: 'Feature', properties, geometry: shapes.get(row.code)! };
    });
    for (const archipelago of ARCHIPELAGOS) {
      const province = ids.get(archipelago.provinceCode)!;
      const properties: ArchipelagoProperties = {
        kind: 'archipelago',
        code: archipelago.code,
        name: archipelago.name,
        label: archipelago.name,
        provinceCode: archipelago.provinceCode,
        provinceName: (map === 'provinces-63' ? PROVINCES_63 : PROVINCES_34).find((r) => r.code === archipelago.provinceCode)!
          .name,
        placeId: province.placeId,
        syntheticPlaceId: province.syntheticPlaceId,
        cp: labelPoint(archipelago),
      };
      features.push({ type: 'Feature', properties, geometry: islands.get(archipelago.code)! });
    }
    return { type: 'FeatureCollection', features };
  };
  const map63 = build('provinces-63', PROVINCES_63, shapes63, id63);
  const map34 = build('provinces-34', PROVINCES_34, shapes34, id34);
  return { map63, map34, table };
}
