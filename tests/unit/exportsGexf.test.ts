import { XMLParser } from 'fast-xml-parser';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { writeGexf } from '../../src/exports/writeGexf';
import { FIXTURE, TRICKY_NAME } from '../support/exportFixture';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (name) => ['node', 'edge', 'attvalue', 'attribute', 'attributes'].includes(name),
});
const XSD_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('writeGexf', () => {
  const gexf = writeGexf(FIXTURE, { exportedOn: '2026-01-15', description: 'Mạng ảnh hưởng quanh Đào Quang Vinh' });
  const doc = xml.parse(gexf);

  it('writes GEXF 1.3 in its namespace', () => {
    expect(gexf.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.gexf).toMatchObject({ version: '1.3', xmlns: 'http://gexf.net/1.3', 'xmlns:viz': 'http://gexf.net/1.3/viz' });
  });

  it('keeps the meta block to what the 1.3 schema allows', () => {
    expect(doc.gexf.meta).toEqual({
      lastmodifieddate: '2026-01-15',
      creator: 'exemplar-graph',
      description: 'Mạng ảnh hưởng quanh Đào Quang Vinh',
    });
  });

  it('parses back with graphology-gexf: every node and edge, names, kinds and scores', () => {
    const back = parse(MultiGraph, gexf);
    expect(back.order).toBe(FIXTURE.nodes.length);
    expect(back.size).toBe(FIXTURE.edges.length);
    expect(back.getNodeAttributes('person:dao-quang-vinh')).toMatchObject({
      label: 'Đào Quang Vinh',
      kind: 'PERSON',
      confidence: 'CONFIRMED',
      pageRank: 0.31,
      betweenness: 0.5,
      degree: 2,
      community: 0,
      x: 10.5,
      y: -3,
    });
    expect(back.getNodeAttributes('award:tricky')).toMatchObject({
      label: TRICKY_NAME,
      hops: 2,
      posthumous: false,
      dateStart: '2020-11-20',
    });
    expect(back.getNodeAttributes('place:tinh-ha-giang')).toMatchObject({ label: 'tỉnh Hà Giang', dateEnd: '2025-06-30' });
    const [succeeded] = back.edges('place:tinh-ha-giang', 'place:tinh-tuyen-quang');
    expect(back.isDirected(succeeded!)).toBe(true);
    expect(back.getEdgeAttributes(succeeded!)).toMatchObject({
      relationship: 'SUCCEEDED_BY',
      instrument: 'Nghị quyết 202/2025/QH15',
    });
  });

  it('escapes quotes, commas, line breaks and <&> in names (the parsed name is the written one)', () => {
    expect(gexf).toContain('&lt;trao tặng&gt; &amp; vinh danh');
    expect(gexf).toMatch(/lần 1&#(10|xA);&lt;/);
    const award = doc.gexf.graph.nodes.node.find((n: { id: string }) => n.id === 'award:tricky');
    expect(award.label).toBe(TRICKY_NAME);
  });

  it('marks the graph dynamic with dates as its time format', () => {
    expect(doc.gexf.graph).toMatchObject({ mode: 'dynamic', timeformat: 'date', defaultedgetype: 'directed' });
  });

  it("gives dated nodes and edges start and end days for Gephi's timeline, and undated ones none", () => {
    const node = (id: string) => doc.gexf.graph.nodes.node.find((n: { id: string }) => n.id === id);
    // A partial date spans its days: an event of October 2020 starts on its first day.
    expect(node('event:cuu-nguoi-song-lo-2020')).toMatchObject({ start: '2020-10-01' });
    expect(node('event:cuu-nguoi-song-lo-2020').end).toBeUndefined();
    expect(node('place:tinh-ha-giang')).toMatchObject({ end: '2025-06-30' });
    expect(node('place:tinh-ha-giang').start).toBeUndefined();
    expect(node('place:tinh-tuyen-quang')).toMatchObject({ start: '2025-07-01' });
    expect(node('person:dao-quang-vinh').start).toBeUndefined();
    const edge = (type: string) => doc.gexf.graph.edges.edge.find((e: { kind: string }) => e.kind === type);
    expect(edge('SUCCEEDED_BY')).toMatchObject({ start: '2025-07-01' });
    expect(edge('RECEIVED')).toMatchObject({ start: '2020-11-20' });
    expect(edge('TOOK_PART_IN').start).toBeUndefined();
    const bounds = [...doc.gexf.graph.nodes.node, ...doc.gexf.graph.edges.edge]
      .flatMap((e: { start?: string; end?: string }) => [e.start, e.end])
      .filter(Boolean);
    expect(bounds.length).toBe(6);
    for (const day of bounds) expect(day).toMatch(XSD_DATE);
  });

  it('writes a graph without any date as static', () => {
    const plain = xml.parse(writeGexf({ nodes: [{ id: 'a', kind: 'PERSON', name: 'A' }], edges: [] }));
    expect(plain.gexf.graph.mode).toBe('static');
    expect(plain.gexf.graph.timeformat).toBeUndefined();
  });

  it('drops characters XML cannot hold, so the file still parses', () => {
    const written = writeGexf({ nodes: [{ id: 'a', kind: 'PERSON', name: 'Lưu\u0007 Minh Thức\uFFFF' }], edges: [] });
    expect(parse(MultiGraph, written).getNodeAttribute('a', 'label')).toBe('Lưu Minh Thức');
  });

  it('refuses an edge to a node the graph lacks, naming it, before writing anything', () => {
    expect(() =>
      writeGexf({ nodes: [{ id: 'a', kind: 'PERSON', name: 'A' }], edges: [{ source: 'a', target: 'b', type: 'MEMBER_OF' }] }),
    ).toThrow(/Invalid edge\.target "b"/);
  });

  it('refuses a date that is not an ISO partial date, or that ends before it starts', () => {
    expect(() => writeGexf({ nodes: [{ id: 'a', kind: 'EVENT', name: 'A', start: '10/2020' }], edges: [] })).toThrow(
      /"10\/2020".*ISO date/,
    );
    expect(() =>
      writeGexf({ nodes: [{ id: 'a', kind: 'PLACE', name: 'A', start: '2025', end: '2024-12-31' }], edges: [] }),
    ).toThrow(/ends before it starts/);
  });

  it('refuses two nodes with one id', () => {
    const twice = { id: 'a', kind: 'PERSON', name: 'A' };
    expect(() => writeGexf({ nodes: [twice, twice], edges: [] })).toThrow(/two nodes have this id/);
  });
});
