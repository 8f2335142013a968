import { parse } from 'csv-parse/sync';
import { writeEdgesCsv, writeNodesCsv } from '../../src/exports/writeGraphCsv';
import { FIXTURE, TRICKY_NAME } from '../support/exportFixture';

const read = (text: string) => parse<Record<string, string>>(text, { columns: true, bom: true });

describe('writeNodesCsv', () => {
  it("lists every node with Gephi's Id and Label columns, then the scores, dates and extras", () => {
    const text = writeNodesCsv(FIXTURE);
    expect(text.split('\r\n')[0]).toBe(
      'Id,Label,kind,confidence,pageRank,betweenness,degree,community,dateStart,dateEnd,x,y,hops,posthumous',
    );
    const rows = read(text);
    expect(rows).toHaveLength(FIXTURE.nodes.length);
    expect(rows[0]).toEqual({
      Id: 'person:dao-quang-vinh',
      Label: 'Đào Quang Vinh',
      kind: 'PERSON',
      confidence: 'CONFIRMED',
      pageRank: '0.31',
      betweenness: '0.5',
      degree: '2',
      community: '0',
      dateStart: '',
      dateEnd: '',
      x: '10.5',
      y: '-3',
      hops: '',
      posthumous: '',
    });
    expect(rows.find((r) => r.Id === 'event:cuu-nguoi-song-lo-2020')).toMatchObject({
      Label: 'Cứu người trên sông Lô',
      dateStart: '2020-10',
      hops: '1',
    });
    expect(rows.find((r) => r.Id === 'place:tinh-ha-giang')).toMatchObject({ dateEnd: '2025-06-30' });
  });

  it('quotes a name with quotes, a comma, a line break and <&>, and reads back the same', () => {
    const text = writeNodesCsv(FIXTURE);
    expect(text).toContain('"Bằng khen ""Tuổi trẻ dũng cảm"", lần 1\n<trao tặng> & vinh danh"');
    expect(read(text).find((r) => r.Id === 'award:tricky')).toMatchObject({ Label: TRICKY_NAME, posthumous: 'false' });
  });

  it('starts with a byte order mark for Excel only when asked', () => {
    expect(writeNodesCsv(FIXTURE, { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(writeNodesCsv(FIXTURE).charCodeAt(0)).toBe('I'.charCodeAt(0));
    expect(read(writeNodesCsv(FIXTURE, { bom: true }))[0]!.Id).toBe('person:dao-quang-vinh');
  });

  it('keeps text that would start a formula as text', () => {
    const text = writeNodesCsv({
      nodes: [{ id: 'story:x', kind: 'STORY', name: '=HYPERLINK("http://x")', pageRank: -1 }],
      edges: [],
    });
    expect(read(text)[0]).toMatchObject({ Label: '\'=HYPERLINK("http://x")', pageRank: '-1' });
  });

  it('writes with another delimiter when asked', () => {
    expect(
      writeNodesCsv({ nodes: [{ id: 'a', kind: 'PERSON', name: 'Lưu, Minh' }], edges: [] }, { delimiter: ';' }).split('\r\n')[1],
    ).toBe('a;Lưu, Minh;PERSON;;;;;;;;;');
  });
});

describe('writeEdgesCsv', () => {
  it("lists every edge with Gephi's Source, Target, Type and Label, the relationship and its dates", () => {
    const rows = read(writeEdgesCsv(FIXTURE));
    expect(rows).toHaveLength(FIXTURE.edges.length);
    expect(rows.find((r) => r.Label === 'SUCCEEDED_BY')).toEqual({
      Id: 'place:tinh-ha-giang|SUCCEEDED_BY|place:tinh-tuyen-quang',
      Source: 'place:tinh-ha-giang',
      Target: 'place:tinh-tuyen-quang',
      Type: 'Directed',
      Label: 'SUCCEEDED_BY',
      relationship: 'SUCCEEDED_BY',
      confidence: '',
      dateStart: '2025-07-01',
      dateEnd: '',
      instrument: 'Nghị quyết 202/2025/QH15',
    });
  });

  it('refuses an edge to a node the graph lacks', () => {
    expect(() => writeEdgesCsv({ nodes: [], edges: [{ source: 'a', target: 'b', type: 'MEMBER_OF' }] })).toThrow(
      /Invalid edge\.source "a"/,
    );
  });
});

describe("the graph writers' input check", () => {
  it('refuses an extra attribute named like a column rather than drop it', () => {
    expect(() =>
      writeNodesCsv({ nodes: [{ id: 'a', kind: 'PERSON', name: 'A', attributes: { label: 'x' } }], edges: [] }),
    ).toThrow(/Invalid node a attribute "label"/);
    expect(() =>
      writeEdgesCsv({
        nodes: [{ id: 'a', kind: 'PERSON', name: 'A' }],
        edges: [{ source: 'a', target: 'a', type: 'T', attributes: { Source: 'x' } }],
      }),
    ).toThrow(/attribute "Source"/);
  });
});
