import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { FIXTURE } from '../support/exportFixture';
import { addPostMergerFixture, POST_MERGER, removePostMergerFixture } from '../support/postMergerFixture';
import { seedRecords } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';

/** The export endpoints over HTTP: files that parse and hold what the API answers, and coded 4xx for bad arguments. */
const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'edge', 'data', 'key'].includes(name),
});
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await addPostMergerFixture(api.graph);
  await buildDashboardCube(api.graph);
});
afterAll(async () => {
  await removePostMergerFixture(api.graph);
  await buildDashboardCube(api.graph);
  await api.close();
});

async function get(path: string) {
  const response = await fetch(`${api.url}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function network(ids: string[], depth: number) {
  const { body } = await api.graphql(
    `query($ids: [ID!], $depth: Int) { influenceNetwork(ids: $ids, depth: $depth) { nodes { id start } edges { from to type } } }`,
    { ids, depth },
  );
  return body.data!.influenceNetwork as {
    nodes: { id: string; start: string | null }[];
    edges: { from: string; to: string; type: string }[];
  };
}

describe('GET /export/influence-network.*', () => {
  it('writes GEXF 1.3 with the nodes and edges of the same influenceNetwork answer, dated as dynamics', async () => {
    const expected = await network([PAI_LUNG], 1);
    const { status, type, body } = await get(`/export/influence-network.gexf?ids=${PAI_LUNG}&depth=1`);
    expect(status).toBe(200);
    expect(type).toContain('application/gexf+xml');
    const doc = xml.parse(body.toString('utf8'));
    expect(doc.gexf.version).toBe('1.3');
    expect(doc.gexf.graph).toMatchObject({ mode: 'dynamic', timeformat: 'date' });
    const nodes = doc.gexf.graph.nodes.node as { id: string; start?: string }[];
    expect(nodes.map((n) => n.id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(doc.gexf.graph.edges.edge).toHaveLength(expected.edges.length);
    const event = seedRecords('events.json').find((e) => e.id === PAI_LUNG)!;
    expect(nodes.find((n) => n.id === PAI_LUNG)?.start).toBe(event.date);
  });

  it('writes GraphML and CSV node and edge lists of the same answer', async () => {
    const expected = await network([PAI_LUNG], 1);
    const graphml = xml.parse((await get(`/export/influence-network.graphml?ids=${PAI_LUNG}&depth=1`)).body.toString('utf8'));
    expect((graphml.graphml.graph.node as { id: string }[]).map((n) => n.id).sort()).toEqual(
      expected.nodes.map((n) => n.id).sort(),
    );
    const nodes: Record<string, string>[] = parseCsv(
      (await get(`/export/influence-network.nodes.csv?ids=${PAI_LUNG}&depth=1&bom=true`)).body.toString('utf8'),
      {
        columns: true,
        bom: true,
      },
    );
    expect(nodes.map((n) => n.Id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    const edges: Record<string, string>[] = parseCsv(
      (await get(`/export/influence-network.edges.csv?ids=${PAI_LUNG}&depth=1`)).body.toString('utf8'),
      { columns: true },
    );
    expect(edges.map((e) => `${e.Source}|${e.Label}|${e.Target}`).sort()).toEqual(
      expected.edges.map((e) => `${e.from}|${e.type}|${e.to}`).sort(),
    );
  });

  it.each([
    ['depth=9', 'depth'],
    ['depth=two', 'depth'],
    ['limit=-1', 'limit'],
    ['engine=SPARK', 'engine'],
    ['recompute=yes', 'recompute'],
    ['feild=field:rescue', 'feild'],
  ])('answers 400 BAD_USER_INPUT naming the argument for %s', async (query, argumentName) => {
    const { status, body } = await get(`/export/influence-network.gexf?ids=${PAI_LUNG}&${query}`);
    expect(status).toBe(400);
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it('answers 400 for two seeds at once and 404 NOT_FOUND for an unknown id', async () => {
    const two = await get(`/export/influence-network.gexf?ids=${PAI_LUNG}&field=field:rescue`);
    expect(two.status).toBe(400);
    expect(JSON.parse(two.body.toString('utf8'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await get('/export/influence-network.gexf?ids=person:nobody');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ code: 'NOT_FOUND', id: 'person:nobody' });
  });
});

describe('POST /export/view.*', () => {
  it('writes the posted view, positions included', async () => {
    const response = await fetch(`${api.url}/export/view.graphml`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(FIXTURE),
    });
    expect(response.status).toBe(200);
    const doc = xml.parse(await response.text());
    expect((doc.graphml.graph.node as { id: string }[]).map((n) => n.id)).toEqual(FIXTURE.nodes.map((n) => n.id));
  });

  it('refuses a malformed graph with 400 naming the path', async () => {
    const response = await fetch(`${api.url}/export/view.gexf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nodes: [{ id: 'a', kind: 'PERSON' }], edges: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'nodes.0.name' });
  });
});

describe('GET /export/dashboard', () => {
  const filters = { field: 'field:rescue', from: '2018-01-01', to: '2024-12-31' };
  const query = new URLSearchParams(filters).toString();

  it("writes the summary as CSV with fieldDashboard's figures, in Vietnamese by default", async () => {
    const { body } = await api.graphql(
      `query($field: ID!, $from: Date!, $to: Date!) { fieldDashboard(field: $field, from: $from, to: $to) {
        current { exemplars { count } awards { count } events { count } stories { count } }
        previous { exemplars { count } awards { count } events { count } stories { count } } } }`,
      filters,
    );
    const d = body.data!.fieldDashboard;
    const csv = await get(`/export/dashboard/summary.csv?${query}`);
    expect(csv.status).toBe(200);
    const lines: string[][] = parseCsv(csv.body.toString('utf8'), { relax_column_count: true });
    const header = lines.findIndex((l) => l[0] === 'Chỉ tiêu');
    expect(lines[header]).toEqual(['Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Thay đổi']);
    const rows = Object.fromEntries(lines.slice(header + 1, header + 5).map((l) => [l[0], l.slice(1).map(Number)]));
    expect(rows).toEqual({
      'Gương điển hình': [
        d.current.exemplars.count,
        d.previous.exemplars.count,
        d.current.exemplars.count - d.previous.exemplars.count,
      ],
      'Khen thưởng': [d.current.awards.count, d.previous.awards.count, d.current.awards.count - d.previous.awards.count],
      'Sự kiện': [d.current.events.count, d.previous.events.count, d.current.events.count - d.previous.events.count],
      'Tin bài': [d.current.stories.count, d.previous.stories.count, d.current.stories.count - d.previous.stories.count],
    });
  });

  it('writes every panel into one workbook, in English when asked', async () => {
    const { status, body } = await get(`/export/dashboard.xlsx?${query}&lang=en`);
    expect(status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Summary', 'Awards by form', 'Stories per month', 'Provinces on the map']),
    );
  });

  it.each([
    ['summary.csv?field=field:rescue&from=2024-13-01&to=2024-12-31', 'from'],
    ['summary.csv?field=field:rescue&from=2024-12-31&to=2024-01-01', 'to'],
    ['charts.csv?field=field:rescue&from=2024-01-01&to=2024-12-31', 'panel'],
    ['summary.csv?field=field:rescue&from=2024-01-01&to=2024-12-31&lang=fr', 'lang'],
  ])('answers 400 naming the argument for %s', async (path, argumentName) => {
    const { status, body } = await get(`/export/dashboard/${path}`);
    expect(status).toBe(400);
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('fieldDashboard.map', () => {
  const MAP = `query($from: Date!, $to: Date!) { fieldDashboard(field: "field:rescue", from: $from, to: $to) {
    map { map url reading spansMerger regions { name code kind placeId count } unmatched { placeId count } } } }`;

  it('draws 2023 on the 63 provinces, Hà Giang coloured as it was', async () => {
    const { body } = await api.graphql(MAP, { from: '2023-01-01', to: '2023-12-31' });
    const map = body.data!.fieldDashboard.map;
    expect(map).toMatchObject({
      map: 'PROVINCES_63',
      url: '/assets/geo/provinces-63.geojson',
      reading: 'THEN',
      spansMerger: false,
    });
    expect(map.regions).toHaveLength(63 + 2);
    expect(map.regions.find((r: { placeId: string }) => r.placeId === 'place:tinh-ha-giang').count).toBeGreaterThan(0);
    expect(map.regions.find((r: { code: string }) => r.code === '08').count).toBeNull();
  });

  it('draws 2026 on the 34 provinces, Tuyên Quang coloured by the post-merger rescue', async () => {
    const { body } = await api.graphql(MAP, { from: '2026-01-01', to: '2026-12-31' });
    const map = body.data!.fieldDashboard.map;
    expect(map).toMatchObject({ map: 'PROVINCES_34', reading: 'THEN', spansMerger: false });
    expect(map.regions).toHaveLength(34 + 2);
    expect(map.regions.find((r: { placeId: string }) => r.placeId === POST_MERGER.province).count).toBe(1);
  });
});
