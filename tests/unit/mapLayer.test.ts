import { readFileSync } from 'node:fs';
import path from 'node:path';
import { joinProvinceFigures, mapAssetPath, mapForPeriod, provinceCounts } from '../../src/dashboard/mapLayer';
import type { ProvinceMap } from '../../src/geo/provinceMap';

const load = (name: string) =>
  JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'src', 'web', 'assets', 'geo', `${name}.geojson`), 'utf8'),
  ) as ProvinceMap;
const MAP_63 = load('provinces-63');
const MAP_34 = load('provinces-34');

describe('mapForPeriod', () => {
  it('shows the 63 provinces, as they were, for a period that ends before 1 July 2025', () => {
    expect(mapForPeriod({ from: '2023-01-01', to: '2023-12-31' })).toEqual({
      map: 'provinces-63',
      reading: 'then',
      spansMerger: false,
    });
    expect(mapForPeriod({ from: null, to: '2025-06-30' }).map).toBe('provinces-63');
  });

  it('shows the 34 provinces for a period from 1 July 2025 on', () => {
    expect(mapForPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      map: 'provinces-34',
      reading: 'then',
      spansMerger: false,
    });
    expect(mapForPeriod({ from: '2025-07-01', to: null }).map).toBe('provinces-34');
  });

  it("shows a period spanning the merger on the 34, counted for today's provinces", () => {
    expect(mapForPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      map: 'provinces-34',
      reading: 'now',
      spansMerger: true,
    });
    expect(mapForPeriod({ from: null, to: null })).toEqual({ map: 'provinces-34', reading: 'now', spansMerger: true });
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => mapForPeriod({ from: '2024-02-01', to: '2024-01-01' })).toThrow(
      /ends \(2024-01-01\) before it starts \(2024-02-01\)/,
    );
  });

  it('serves each map from the assets folder', () => {
    expect(mapAssetPath('provinces-63')).toBe('/assets/geo/provinces-63.geojson');
  });
});

describe('joinProvinceFigures', () => {
  it('colours Hà Giang on the 63-map from its Place id, and lists an id the map has no province for', () => {
    const { data, unmatched } = joinProvinceFigures(
      MAP_63,
      new Map([
        ['place:tinh-ha-giang', 3],
        ['place:xa-pai-lung', 1],
      ]),
    );
    expect(data.find((d) => d.name === 'Hà Giang')).toEqual({
      name: 'Hà Giang',
      value: 3,
      placeId: 'place:tinh-ha-giang',
      code: '02',
      kind: 'province',
    });
    expect(data.find((d) => d.name === 'Tuyên Quang')?.value).toBeNull();
    expect(unmatched).toEqual([{ placeId: 'place:xa-pai-lung', value: 1 }]);
    expect(data).toHaveLength(65);
  });

  it('does not draw Hà Giang on the 34-map: its figure is returned as unmatched', () => {
    const { data, unmatched } = joinProvinceFigures(
      MAP_34,
      new Map([
        ['place:tinh-ha-giang', 3],
        ['place:tinh-tuyen-quang', 5],
      ]),
    );
    expect(data.find((d) => d.name === 'Tuyên Quang')?.value).toBe(5);
    expect(unmatched).toEqual([{ placeId: 'place:tinh-ha-giang', value: 3 }]);
  });

  it('draws each archipelago in the colour of its province', () => {
    const daNang = MAP_34.features.find((f) => f.properties.name === 'Đà Nẵng')!.properties.placeId;
    const khanhHoa = MAP_34.features.find((f) => f.properties.name === 'Khánh Hòa')!.properties.placeId;
    const { data, unmatched } = joinProvinceFigures(
      MAP_34,
      new Map([
        [daNang, 7],
        [khanhHoa, 2],
      ]),
    );
    expect(data.find((d) => d.name === 'Quần đảo Hoàng Sa')).toMatchObject({ value: 7, kind: 'archipelago' });
    expect(data.find((d) => d.name === 'Quần đảo Trường Sa')).toMatchObject({ value: 2, kind: 'archipelago' });
    expect(unmatched).toEqual([]);
  });

  it("joins the synthetic graph's provinces by their synthetic ids", () => {
    const { data } = joinProvinceFigures(MAP_34, new Map([['place:syn-p03', 9]]));
    expect(data.find((d) => d.name === 'Tuyên Quang')?.value).toBe(9);
  });
});

describe('provinceCounts', () => {
  it("keeps the provinces of a panel's place buckets, keyed by id", () => {
    const counts = provinceCounts([
      { place: { id: 'place:tinh-ha-giang' }, level: 'PROVINCE', count: 4 },
      { place: { id: 'place:huyen-meo-vac' }, level: 'DISTRICT', count: 2 },
    ]);
    expect([...counts]).toEqual([['place:tinh-ha-giang', 4]]);
  });
});
