import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import type { ArchipelagoProperties, ProvinceMap, ProvinceMapFeature, ProvinceProperties } from '../../src/geo/provinceMap';

// The committed maps, as the dashboard serves them. Expected ids come from seeds/places.json, the
// merger from DOMAIN.md §2.4 (Hà Giang + Tuyên Quang → tỉnh Tuyên Quang), the island groups'
// owners from the law (Hoàng Sa: Đà Nẵng, Trường Sa: Khánh Hòa).
const DIR = path.join(__dirname, '..', '..', 'src', 'web', 'assets', 'geo');
const load = (name: string) => JSON.parse(readFileSync(path.join(DIR, `${name}.geojson`), 'utf8')) as ProvinceMap;
const MAPS = { 'provinces-63': load('provinces-63'), 'provinces-34': load('provinces-34') };

const provinces = (map: ProvinceMap) =>
  map.features.filter((f): f is ProvinceMapFeature & { properties: ProvinceProperties } => f.properties.kind === 'province');
const archipelagos = (map: ProvinceMap) =>
  map.features.filter(
    (f): f is ProvinceMapFeature & { properties: ArchipelagoProperties } => f.properties.kind === 'archipelago',
  );
const byName = (map: ProvinceMap, name: string) => provinces(map).find((f) => f.properties.name === name);
const points = (f: ProvinceMapFeature): Position[] =>
  (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);
const bbox = (fs: ProvinceMapFeature[]) => {
  const all = fs.flatMap(points);
  return [
    Math.min(...all.map((p) => p[0]!)),
    Math.min(...all.map((p) => p[1]!)),
    Math.max(...all.map((p) => p[0]!)),
    Math.max(...all.map((p) => p[1]!)),
  ];
};

describe('the committed province maps', () => {
  it('are small enough to serve (each under 300 kB)', () => {
    for (const name of Object.keys(MAPS)) expect(statSync(path.join(DIR, `${name}.geojson`)).size).toBeLessThan(300 * 1024);
  });

  it('draw 63 provinces before the merger and 34 after, each with the two archipelagos', () => {
    expect(provinces(MAPS['provinces-63'])).toHaveLength(63);
    expect(provinces(MAPS['provinces-34'])).toHaveLength(34);
    for (const map of Object.values(MAPS)) {
      expect(
        archipelagos(map)
          .map((f) => f.properties.label)
          .sort(),
      ).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
    }
  });

  it("has Hà Giang on the 63-map only, with the seeds' id", () => {
    expect(byName(MAPS['provinces-63'], 'Hà Giang')?.properties).toMatchObject({
      code: '02',
      placeId: 'place:tinh-ha-giang',
      fullName: 'tỉnh Hà Giang',
    });
    expect(byName(MAPS['provinces-34'], 'Hà Giang')).toBeUndefined();
    expect(provinces(MAPS['provinces-34']).some((f) => f.properties.placeId === 'place:tinh-ha-giang')).toBe(false);
  });

  it('has Tuyên Quang on both maps, as the old province before and the merged one after (two seed nodes)', () => {
    expect(byName(MAPS['provinces-63'], 'Tuyên Quang')?.properties.placeId).toBe('place:tinh-tuyen-quang-cu');
    expect(byName(MAPS['provinces-34'], 'Tuyên Quang')?.properties.placeId).toBe('place:tinh-tuyen-quang');
  });

  it('finds from the shapes that Hà Giang and the old Tuyên Quang became the new Tuyên Quang', () => {
    const map = MAPS['provinces-63'];
    expect(byName(map, 'Hà Giang')?.properties.successorCode).toBe('08');
    expect(byName(map, 'Tuyên Quang')?.properties.successorCode).toBe('08');
    const into08 = provinces(map)
      .filter((f) => f.properties.successorCode === '08')
      .map((f) => f.properties.name);
    expect(into08.sort()).toEqual(['Hà Giang', 'Tuyên Quang']);
  });

  it('gives every 34-unit at least one predecessor on the 63-map', () => {
    const successors = new Set(provinces(MAPS['provinces-63']).map((f) => f.properties.successorCode));
    expect([...successors].sort()).toEqual(
      provinces(MAPS['provinces-34'])
        .map((f) => f.properties.code)
        .sort(),
    );
  });

  it("ties Hoàng Sa to Đà Nẵng and Trường Sa to Khánh Hòa on both maps, with their province's ids", () => {
    for (const map of Object.values(MAPS)) {
      for (const [code, province] of [
        ['HS', 'Đà Nẵng'],
        ['TS', 'Khánh Hòa'],
      ] as const) {
        const group = archipelagos(map).find((f) => f.properties.code === code)!;
        const owner = byName(map, province)!;
        expect(group.properties).toMatchObject({
          provinceCode: owner.properties.code,
          provinceName: province,
          placeId: owner.properties.placeId,
          syntheticPlaceId: owner.properties.syntheticPlaceId,
        });
      }
    }
  });

  it('gives every feature a place id and a synthetic id, one province per id', () => {
    for (const map of Object.values(MAPS)) {
      for (const f of map.features) {
        expect(f.properties.placeId).toMatch(/^place:[a-z0-9-]+$/);
        expect(f.properties.syntheticPlaceId).toMatch(/^place:syn-o?p\d{2}$/);
      }
      expect(new Set(provinces(map).map((f) => f.properties.placeId)).size).toBe(provinces(map).length);
      expect(new Set(provinces(map).map((f) => f.properties.syntheticPlaceId)).size).toBe(provinces(map).length);
    }
    // The synthetic generator's ids: p01…p34 live through the reform, op01…op29 are merged away.
    const synthetic = (map: ProvinceMap) =>
      provinces(map)
        .map((f) => f.properties.syntheticPlaceId)
        .sort();
    const p = Array.from({ length: 34 }, (_, i) => `place:syn-p${String(i + 1).padStart(2, '0')}`);
    const op = Array.from({ length: 29 }, (_, i) => `place:syn-op${String(i + 1).padStart(2, '0')}`);
    expect(synthetic(MAPS['provinces-34'])).toEqual(p);
    expect(synthetic(MAPS['provinces-63'])).toEqual([...op, ...p].sort());
  });

  it('keeps the Place ids the seeds give: Hà Nội and Hồ Chí Minh City on both maps', () => {
    for (const map of Object.values(MAPS)) {
      expect(byName(map, 'Hà Nội')?.properties.placeId).toBe('place:ha-noi');
      expect(byName(map, 'Hồ Chí Minh')?.properties.placeId).toBe('place:tp-ho-chi-minh');
    }
  });

  it('names every region in NFC Vietnamese, once per map', () => {
    for (const map of Object.values(MAPS)) {
      const names = map.features.map((f) => f.properties.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toBe(name.normalize('NFC'));
    }
    expect(byName(MAPS['provinces-63'], 'Hòa Bình')).toBeDefined();
  });

  it('stays within Việt Nam: the mainland between 102.1–109.47° E and 8.3–23.4° N, the archipelagos at sea in their published extents', () => {
    for (const map of Object.values(MAPS)) {
      const [west, south, east, north] = bbox(provinces(map));
      expect(west).toBeGreaterThanOrEqual(102.1);
      expect(east).toBeLessThanOrEqual(109.47);
      expect(south).toBeGreaterThanOrEqual(8.3);
      expect(north).toBeLessThanOrEqual(23.4);
      const within = (box: number[], [w, s, e, n]: number[], slack: number) => {
        expect(box[0]).toBeGreaterThanOrEqual(w! - slack);
        expect(box[1]).toBeGreaterThanOrEqual(s! - slack);
        expect(box[2]).toBeLessThanOrEqual(e! + slack);
        expect(box[3]).toBeLessThanOrEqual(n! + slack);
      };
      const [hs, ts] = ['HS', 'TS'].map((code) => archipelagos(map).find((f) => f.properties.code === code)!);
      // 15°45′–17°15′ N, 111°–113° E.
      within(bbox([hs!]), [111, 15.75, 113, 17.25], 0.05);
      // 6°12′–12° N, 111°30′–117°20′ E; the boundary data also draws banks west of 111°30′, as far as 109.1° E.
      within(bbox([ts!]), [109.1, 6.2, 117.34, 12], 0.05);
      within([...hs!.properties.cp, ...hs!.properties.cp], [111, 15.75, 113, 17.25], 0);
      within([...ts!.properties.cp, ...ts!.properties.cp], [111.5, 6.2, 117.34, 12], 0);
    }
  });
});
