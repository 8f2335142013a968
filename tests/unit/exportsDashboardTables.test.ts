import { dashboardPanel } from '../../src/exports/dashboardTables';
import { parseExportGraph } from '../../src/exports/exportGraphSchema';
import type { DashboardMap } from '../../src/dashboard/dashboardMap';
import { pageTranslator } from '../../src/web/pageStrings';
import { FIXTURE } from '../support/exportFixture';

/** The dashboard's panels as the exports write them, and the check of a posted graph. */
const counted = (count: number) => ({ count });
const period = {
  from: '2024-01-01',
  to: '2024-12-31',
  exemplars: counted(3),
  awards: counted(2),
  events: counted(1),
  stories: counted(4),
  awardsByForm: [{ key: 'BANG_KHEN', label: 'BANG_KHEN', count: 2 }],
  awardsByLevel: [{ key: 'UNSPECIFIED', label: 'UNSPECIFIED', count: 2 }],
  storiesPerMonth: [{ key: '2024-06', label: '2024-06', count: 4 }],
  topPlaces: { then: [{ place: { id: 'place:tinh-ha-giang', name: 'tỉnh Hà Giang' }, level: 'PROVINCE', count: 3 }] },
  topAgencies: [],
};
const dashboard = {
  field: { name: 'Cứu nạn, cứu hộ' },
  place: null,
  current: period,
  previous: { ...period, exemplars: counted(1), awards: counted(2), events: counted(0), stories: counted(1) },
  change: { exemplars: 2, awards: 0, events: 1, stories: 3 },
};
const map: DashboardMap = {
  map: 'PROVINCES_63',
  url: '/assets/geo/provinces-63.geojson',
  reading: 'THEN',
  spansMerger: false,
  regions: [
    { name: 'Hà Giang', code: '02', kind: 'PROVINCE', placeId: 'place:tinh-ha-giang', count: 3, ids: null },
    { name: 'Cao Bằng', code: '04', kind: 'PROVINCE', placeId: 'place:tinh-cao-bang', count: null, ids: null },
    { name: 'Quần đảo Hoàng Sa', code: 'HS', kind: 'ARCHIPELAGO', placeId: 'place:da-nang', count: null, ids: null },
  ],
  unmatched: [],
};

describe('dashboardPanel', () => {
  const vi = pageTranslator('dashboard', 'vi');

  it('writes the summary with both periods and the change, in the page words', () => {
    const panel = dashboardPanel('summary', dashboard, map, vi);
    expect(panel.columns.map((c) => c.label)).toEqual(['Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Thay đổi']);
    expect(panel.rows[0]).toEqual({ figure: 'Gương điển hình', current: 3, previous: 1, change: 2 });
  });

  it('names award forms and levels as the page does, UNSPECIFIED included', () => {
    expect(dashboardPanel('awards-by-form', dashboard, map, vi).rows).toEqual([{ form: 'Bằng khen', count: 2 }]);
    expect(dashboardPanel('awards-by-level', dashboard, map, vi).rows).toEqual([{ level: 'Chưa rõ cấp', count: 2 }]);
  });

  it('lists every province of the map, 0 where none, without the archipelagos, and says which map', () => {
    const panel = dashboardPanel('map', dashboard, map, vi);
    expect(panel.rows).toEqual([
      { code: '02', province: 'Hà Giang', count: 3, id: 'place:tinh-ha-giang' },
      { code: '04', province: 'Cao Bằng', count: 0, id: 'place:tinh-cao-bang' },
    ]);
    expect(panel.note).toBe('Bản đồ 63 tỉnh, thành phố (trước 1/7/2025), theo địa giới khi đó.');
  });
});

describe('parseExportGraph', () => {
  it('accepts the writers’ own graph as it is', () => {
    expect(parseExportGraph(JSON.parse(JSON.stringify(FIXTURE)))).toEqual(JSON.parse(JSON.stringify(FIXTURE)));
  });

  it('refuses an unknown field, a missing name and a non-object, naming the path', () => {
    expect(() => parseExportGraph({ nodes: [{ id: 'a', kind: 'PERSON', name: 'A', colour: 'red' }], edges: [] })).toThrow(
      /nodes\.0/,
    );
    expect(() => parseExportGraph({ nodes: [{ id: 'a', kind: 'PERSON' }], edges: [] })).toThrow(
      expect.objectContaining({ argument: 'nodes.0.name', code: 'BAD_USER_INPUT' }),
    );
    expect(() => parseExportGraph('nodes')).toThrow(expect.objectContaining({ argument: 'body' }));
  });
});
