import { XMLParser } from 'fast-xml-parser';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { writeGraphml } from '../../src/exports/writeGraphml';
import { FIXTURE, TRICKY_NAME } from '../support/exportFixture';

describe('writeGraphml', () => {
  const graphml = writeGraphml(FIXTURE);

  it('parses back with graphology-graphml: every node and edge with its attributes, typed', () => {
    const back = parse(MultiGraph, graphml);
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
    expect(back.getNodeAttributes('event:cuu-nguoi-song-lo-2020')).toMatchObject({ dateStart: '2020-10' });
    const [succeeded] = back.edges('place:tinh-ha-giang', 'place:tinh-tuyen-quang');
    expect(back.isDirected(succeeded!)).toBe(true);
    expect(back.getEdgeAttributes(succeeded!)).toMatchObject({
      label: 'SUCCEEDED_BY',
      relationship: 'SUCCEEDED_BY',
      dateStart: '2025-07-01',
      instrument: 'Nghị quyết 202/2025/QH15',
    });
  });

  it('declares each attribute once with a GraphML type, and none that no element has', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'key' }).parse(
      graphml,
    );
    const keys = Object.fromEntries(
      doc.graphml.key.map((k: Record<string, string>) => [`${k.for} ${k['attr.name']}`, k['attr.type']]),
    );
    expect(keys).toMatchObject({
      'node pageRank': 'double',
      'node community': 'int',
      'node posthumous': 'boolean',
      'node label': 'string',
      'edge instrument': 'string',
      'edge relationship': 'string',
    });
    expect(keys['edge dateEnd']).toBeUndefined();
    expect(new Set(doc.graphml.key.map((k: Record<string, string>) => k.id)).size).toBe(doc.graphml.key.length);
  });

  it('escapes <&> and keeps quotes, commas and line breaks in the text', () => {
    expect(graphml).toContain('Bằng khen "Tuổi trẻ dũng cảm", lần 1\n&lt;trao tặng&gt; &amp; vinh danh');
  });

  it('escapes an id with quotes and <&> in an attribute', () => {
    const odd = writeGraphml({
      nodes: [{ id: 'a"<&>b', kind: 'PERSON', name: 'A' }],
      edges: [{ source: 'a"<&>b', target: 'a"<&>b', type: 'MEMBER_OF' }],
    });
    const back = parse(MultiGraph, odd);
    expect(back.nodes()).toEqual(['a"<&>b']);
    expect(back.size).toBe(1);
  });

  it('refuses an edge to a node the graph lacks', () => {
    expect(() => writeGraphml({ nodes: [], edges: [{ source: 'a', target: 'b', type: 'MEMBER_OF' }] })).toThrow(
      /Invalid edge\.source "a"/,
    );
  });
});
