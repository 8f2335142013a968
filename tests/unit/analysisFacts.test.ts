import { explainChain, rankChains, type Chain } from '../../src/analytics/path/connectionPath';
import { factSentence } from '../../src/analytics/path/factSentence';
import { UNSPECIFIED, bucketBy, idSet } from '../../src/analytics/shared/figures';
import { rollUpPlaces } from '../../src/analytics/shared/placeRollup';

const node = (id: string, name: string, kind = 'AGENCY') => ({ id, name, kind });

describe('facts in words', () => {
  it('says a membership in the present, or in the past once it ended, with the role', () => {
    expect(factSentence('MEMBER_OF', 'Nguyễn Văn Trường', 'PC07', { role: 'Trưởng phòng' })).toBe(
      'Nguyễn Văn Trường is a member of PC07 (Trưởng phòng)',
    );
    expect(factSentence('MEMBER_OF', 'Lưu Minh Thức', 'Công an huyện Yên Minh', { until: '2018-02-17' })).toBe(
      'Lưu Minh Thức was a member of Công an huyện Yên Minh until 2018-02-17',
    );
  });

  it('dates containment and succession', () => {
    expect(factSentence('PART_OF', 'xã Pải Lủng', 'huyện Mèo Vạc', { validTo: '2025-06-30' })).toBe(
      'xã Pải Lủng was part of huyện Mèo Vạc until 2025-06-30',
    );
    expect(factSentence('SUCCEEDED_BY', 'xã Pải Lủng', 'xã Đồng Văn', { date: '2025-07-01' })).toBe(
      'xã Pải Lủng was succeeded by xã Đồng Văn on 2025-07-01',
    );
  });
});

describe('chains', () => {
  const chain = (confidences: string[], ids: string[]): Chain => ({
    nodes: ids.map((id) => node(id, id.toUpperCase())),
    rels: confidences.map((confidence, i) => ({
      type: 'PART_OF' as const,
      start: ids[i]!,
      end: ids[i + 1]!,
      props: { confidence, sources: ['story:x'] },
    })),
  });

  it('prefers the chain with more confirmed facts, then the stronger weakest fact', () => {
    const weak = chain(['SINGLE_SOURCE', 'SINGLE_SOURCE'], ['a', 'b', 'c']);
    const strong = chain(['CONFIRMED', 'SINGLE_SOURCE'], ['a', 'd', 'c']);
    const even = chain(['CONFIRMED', 'UNVERIFIED'], ['a', 'e', 'c']);
    expect(rankChains([weak, even, strong]).map((c) => c.nodes[1]!.id)).toEqual(['d', 'b', 'e']);
  });

  it('explains each step in walking order and says when it walks a fact backwards', () => {
    const walked: Chain = {
      nodes: [node('event:e', 'the rescue', 'EVENT'), node('agency:p', 'the police'), node('agency:q', 'the province police')],
      rels: [
        {
          type: 'TOOK_PART_IN',
          start: 'agency:p',
          end: 'event:e',
          props: { role: 'led it', confidence: 'CONFIRMED', sources: ['story:a'] },
        },
        { type: 'PART_OF', start: 'agency:p', end: 'agency:q', props: { confidence: 'SINGLE_SOURCE', sources: ['story:b'] } },
      ],
    };
    const [first, second] = explainChain(walked);
    expect(first).toMatchObject({
      from: { id: 'event:e' },
      to: { id: 'agency:p' },
      direction: 'BACKWARD',
      sentence: 'the police took part in the rescue (led it)',
      role: 'led it',
    });
    expect(second).toMatchObject({
      direction: 'FORWARD',
      sentence: 'the police is part of the province police',
      sources: ['story:b'],
    });
  });
});

describe('traceable figures', () => {
  it('keeps the ids behind every count, and files silent sources under UNSPECIFIED', () => {
    const awards = [
      { id: 'award:1', level: 'PROVINCE' },
      { id: 'award:2', level: null },
      { id: 'award:3', level: 'PROVINCE' },
    ];
    expect(
      bucketBy(
        awards,
        (a) => a.id,
        (a) => a.level,
      ),
    ).toEqual([
      { key: 'PROVINCE', label: 'PROVINCE', count: 2, ids: ['award:1', 'award:3'] },
      { key: UNSPECIFIED, label: UNSPECIFIED, count: 1, ids: ['award:2'] },
    ]);
    expect(idSet(['b', 'a', 'b'])).toEqual({ count: 2, ids: ['a', 'b'] });
  });

  it('rolls a fact up to the units it had then and to today’s, counting each fact once per unit', () => {
    const place = (id: string, level: string) => ({ id, name: id, kind: 'PLACE', level });
    const reach = rollUpPlaces(
      [
        { fact: 'event:1', place: 'place:xa', day: '2023-04-03' },
        { fact: 'event:1', place: 'place:xa', day: '2023-04-03' },
        { fact: 'event:2', place: 'place:xa', day: '2026' },
        { fact: 'event:3', place: 'place:xa', day: null },
      ],
      [
        {
          place: 'place:xa',
          lastDay: '2025-06-30',
          then: [
            { ...place('place:xa', 'COMMUNE'), validFrom: null, validTo: null },
            { ...place('place:huyen', 'DISTRICT'), validFrom: null, validTo: '2025-06-30' },
            { ...place('place:tinh-moi', 'PROVINCE'), validFrom: '2025-07-01', validTo: null },
          ],
          now: [place('place:xa-moi', 'COMMUNE')],
        },
      ],
    );
    expect(reach.then.map((b) => [b.place.id, b.ids])).toEqual([
      ['place:xa', ['event:1', 'event:2', 'event:3']],
      ['place:huyen', ['event:1', 'event:3']],
      ['place:tinh-moi', ['event:2']],
    ]);
    expect(reach.now).toEqual([
      {
        place: { id: 'place:xa-moi', kind: 'PLACE', name: 'place:xa-moi' },
        level: 'COMMUNE',
        count: 3,
        ids: ['event:1', 'event:2', 'event:3'],
      },
    ]);
  });
});
