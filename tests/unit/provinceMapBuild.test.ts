import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Polygon } from 'geojson';
import { splitOffshore } from '../../scripts/geo/archipelagos';
import { nameKey, rulePlaceId, seedProvinceIds, slug, type SeedPlace } from '../../scripts/geo/placeIds';
import { roundArea, type Area } from '../../scripts/geo/planarGeometry';
import { simplifyAreas } from '../../scripts/geo/simplifyAreas';
import { successorsByShape } from '../../scripts/geo/successors';

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('province names and ids', () => {
  it('matches the spellings of the three sources to one key', () => {
    expect(nameKey('TP Hà Nội')).toBe(nameKey('Hà Nội'));
    expect(nameKey('thu do ha noi')).toBe(nameKey('Hà Nội'));
    expect(nameKey('Khánh Hoà')).toBe(nameKey('Khánh Hòa'));
    expect(nameKey('TP HCM')).toBe(nameKey('Hồ Chí Minh'));
    expect(nameKey('Thành phố Hồ Chí Minh')).toBe(nameKey('Hồ Chí Minh'));
    expect(nameKey('tỉnh Tuyên Quang')).toBe('tuyenquang');
    expect(nameKey('Đắk Lắk')).not.toBe(nameKey('Đắk Nông'));
  });

  it("forms ids by the seeds' slug rule, with -cu for a unit whose name passed to a merged one", () => {
    expect(slug('Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(rulePlaceId({ unit: 'tỉnh', name: 'Bà Rịa - Vũng Tàu' })).toBe('place:tinh-ba-ria-vung-tau');
    expect(rulePlaceId({ unit: 'thành phố', name: 'Đà Nẵng' }, true)).toBe('place:tp-da-nang-cu');
  });

  it("reads the seeds' provinces onto the map their validity puts them on", () => {
    const places = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'seeds', 'places.json'), 'utf8')) as SeedPlace[];
    const { before, after } = seedProvinceIds(places);
    expect(before.get('hagiang')).toBe('place:tinh-ha-giang');
    expect(after.has('hagiang')).toBe(false);
    expect(before.get('tuyenquang')).toBe('place:tinh-tuyen-quang-cu');
    expect(after.get('tuyenquang')).toBe('place:tinh-tuyen-quang');
    expect(before.get('hanoi')).toBe('place:ha-noi');
    expect(after.get('hanoi')).toBe('place:ha-noi');
    expect(before.has('xapailung')).toBe(false);
  });

  it('refuses two seed provinces of one name on one map', () => {
    const twice: SeedPlace[] = [
      { id: 'place:a', name: 'tỉnh Hà Giang', level: 'PROVINCE' },
      { id: 'place:b', name: 'tỉnh Hà Giang', level: 'PROVINCE', validTo: '2025-06-30' },
    ];
    expect(() => seedProvinceIds(twice)).toThrow(/place:a.*place:b/);
  });
});

describe('successorsByShape', () => {
  it('finds the new unit each old unit lies in', () => {
    const before = new Map<string, Area>([
      ['A', box(0, 0, 1, 1)],
      ['B', box(1, 0, 2, 1)],
      ['C', box(2, 0, 3, 1)],
    ]);
    const after = new Map<string, Area>([
      ['AB', box(0, 0, 2, 1)],
      ['C', box(2, 0, 3, 1)],
    ]);
    expect([...successorsByShape(before, after)]).toEqual([
      ['A', 'AB'],
      ['B', 'AB'],
      ['C', 'C'],
    ]);
  });

  it('tolerates a border drawn a little apart by two sources', () => {
    const before = new Map<string, Area>([['A', box(0, 0, 1.02, 1)]]);
    const after = new Map<string, Area>([
      ['X', box(0, 0, 1, 1)],
      ['Y', box(1, 0, 2, 1)],
    ]);
    expect(successorsByShape(before, after).get('A')).toBe('X');
  });

  it('throws on an old unit split between two new ones', () => {
    const before = new Map<string, Area>([['A', box(0, 0, 2, 1)]]);
    const after = new Map<string, Area>([
      ['X', box(0, 0, 1, 1)],
      ['Y', box(1, 0, 2, 1)],
    ]);
    expect(() => successorsByShape(before, after)).toThrow(/old unit A does not lie in one new unit/);
  });
});

describe('simplifyAreas', () => {
  // A wiggly border at x = 1 shared by two units, and a tiny island off the left one.
  const wiggle = Array.from({ length: 101 }, (_, i) => [1 + (i % 2 ? 0.0001 : 0), i / 100]);
  const left: Area = {
    type: 'MultiPolygon',
    coordinates: [
      [[[0, 0], ...wiggle, [0, 1], [0, 0]]],
      [
        [
          [-1, 0],
          [-0.999, 0],
          [-0.999, 0.001],
          [-1, 0],
        ],
      ],
    ],
  };
  const right: Area = { type: 'Polygon', coordinates: [[[2, 0], [2, 1], ...[...wiggle].reverse(), [2, 0]]] };
  const out = simplifyAreas(
    new Map<string, Area>([
      ['L', left],
      ['R', right],
    ]),
    { minWeight: 1e-5, minRingArea: 1e-4, decimals: 3 },
  );

  it('drops the points that make no visible difference and the rings too small to see', () => {
    const l = out.get('L')!;
    expect(l.type).toBe('Polygon');
    expect((l as Polygon).coordinates[0]!.length).toBeLessThan(10);
  });

  it('keeps a shared border the same on both sides', () => {
    const border = (a: Area) =>
      new Set((a as Polygon).coordinates[0]!.filter(([x]) => x! > 0.5 && x! < 1.5).map((p) => p.join()));
    expect(border(out.get('L')!)).toEqual(border(out.get('R')!));
  });

  it('throws rather than let a unit vanish', () => {
    const speck: Area = box(5, 5, 5.001, 5.001);
    expect(() => simplifyAreas(new Map([['S', speck]]), { minWeight: 1e-5, minRingArea: 1e-4, decimals: 3 })).toThrow(/"S"/);
  });
});

describe('roundArea', () => {
  it('rounds coordinates and drops a ring that collapses', () => {
    const area: Area = {
      type: 'MultiPolygon',
      coordinates: [box(0, 0, 1, 1).coordinates, box(3, 3, 3.0001, 3.0001).coordinates],
    };
    expect(roundArea(area, 3)).toEqual(box(0, 0, 1, 1));
  });
});

describe('splitOffshore', () => {
  it('takes out parts east of 109.6° E, and for an owner parts far from its mainland', () => {
    const province: Area = {
      type: 'MultiPolygon',
      coordinates: [
        box(108.5, 11.5, 109.4, 12.8).coordinates,
        box(112, 16, 112.1, 16.1).coordinates,
        box(109.1, 7.8, 109.15, 7.85).coordinates,
      ],
    };
    const owner = splitOffshore(province, true);
    expect(owner.mainland).toEqual(box(108.5, 11.5, 109.4, 12.8));
    expect((owner.offshore as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    const other = splitOffshore(province, false);
    expect((other.mainland as { coordinates: unknown[] }).coordinates).toHaveLength(2);
  });
});
