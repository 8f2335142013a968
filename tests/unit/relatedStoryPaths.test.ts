import { eventKindsOf } from '../../src/analytics/related/eventKinds';
import type { ReaderContext } from '../../src/analytics/related/relatedStoryContext';
import {
  kindsOfEvent,
  pathContribution,
  PATH_WEIGHTS,
  readerPaths,
  SUMMARY_KIND_FACTOR,
} from '../../src/analytics/related/relatedStoryPaths';
import { EVENT_KIND_WEIGHTS } from '../../src/analytics/related/eventKinds';

const place = (id: string, level: string, up: number, degree = 5, today: string[] = []) => ({
  id,
  name: id,
  level,
  up,
  degree,
  today: today.map((t) => ({ id: t, name: t })),
});

function context(overrides: Partial<ReaderContext>): ReaderContext {
  return {
    id: 'story:x',
    label: 'Story',
    day: null,
    title: null,
    events: [],
    places: [],
    agencies: [],
    people: [],
    awards: [],
    ...overrides,
  };
}

describe('eventKindsOf', () => {
  it('reads the finer kinds from the seed names: a sinkhole and a deep cave are cave rescues', () => {
    expect(eventKindsOf('RESCUE', 'Vụ nạn nhân rơi xuống hố sụt tại xã Pải Lủng', 'Pải Lủng sinkhole rescue')).toEqual([
      'CAVE',
      'RESCUE',
    ]);
    expect(eventKindsOf('RESCUE', 'Cứu nạn dưới hang sâu tại xã Vân Chải', null)).toContain('CAVE');
  });

  it('makes saving people from a flood or a river its own kind, apart from a flood reported as a disaster', () => {
    expect(eventKindsOf('RESCUE', 'Cứu người giữa dòng nước lũ tại Km06, Suối Cạn (Mèo Vạc)', null)).toContain('WATER_RESCUE');
    expect(eventKindsOf('DISASTER', 'Mưa lũ, lũ quét, sạt lở đất tại Hà Giang (9-10/6/2024)', null)).not.toContain(
      'WATER_RESCUE',
    );
  });

  it('matches whole words only: "lũ" is not inside "Lũng"', () => {
    expect(eventKindsOf(null, 'Đưa thi thể nạn nhân dưới hang sâu tại xã Lũng Phìn')).not.toContain('FLOOD');
    expect(eventKindsOf(null, 'Vây bắt đối tượng truy nã tại xã Phú Lũng')).toEqual(['PURSUIT']);
  });
});

describe('kindsOfEvent', () => {
  const event = (name: string, kind: string, summary: string | null) => ({
    id: 'event:x',
    name,
    nameEn: null,
    kind,
    summary,
    day: null,
    degree: 3,
  });

  it('reads an event summary too, at a discount: the Tả Mò landslide is also a rescue, the Lô rescue also a landslide', () => {
    const taMo = kindsOfEvent(
      event(
        'Sạt lở đất tại thôn Tả Mò, xã Yên Định, huyện Bắc Mê',
        'DISASTER',
        'Landslide that killed 11 people and injured 4; residents tried to rescue others and 3 of them died doing so.',
      ),
    );
    expect(taMo.get('LANDSLIDE')).toBe(1);
    expect(taMo.get('RESCUE')).toBe(SUMMARY_KIND_FACTOR);
    const lo = kindsOfEvent(
      event(
        'Hai anh em cứu người trên sông Lô tại xã Đạo Đức',
        'RESCUE',
        'Brothers took their family motorboat out and rescued an official whose car a landslide had pushed into the Lô.',
      ),
    );
    expect(lo.get('WATER_RESCUE')).toBe(1);
    expect(lo.get('LANDSLIDE')).toBe(SUMMARY_KIND_FACTOR);
  });

  it('never lets the setting a summary names unmake what the name says: a flood rescue "during the June floods" stays one', () => {
    const kinds = kindsOfEvent(
      event(
        'Cứu người giữa dòng nước lũ tại Km06, Suối Cạn (Mèo Vạc)',
        'RESCUE',
        'During the June 2024 floods, he jumped into the torrent and saved three local residents who were being swept away.',
      ),
    );
    expect(kinds.get('WATER_RESCUE')).toBe(1);
    expect(kinds.get('DISASTER')).toBe(SUMMARY_KIND_FACTOR);
  });
});

describe('readerPaths', () => {
  it('shares a kind found only in a summary at its discount', () => {
    const lo = {
      id: 'event:lo',
      name: 'Hai anh em cứu người trên sông Lô',
      nameEn: null,
      kind: 'RESCUE',
      summary: 'rescued an official whose car a landslide had pushed into the Lô',
      day: null,
      degree: 5,
    };
    const taMo = { ...lo, id: 'event:ta-mo', name: 'Sạt lở đất tại thôn Tả Mò', kind: 'DISASTER', summary: null };
    const [kind] = readerPaths(context({ events: [lo] }), context({ events: [taMo] }));
    expect(kind?.eventKind).toBe('LANDSLIDE');
    expect(pathContribution(kind!)).toBeCloseTo(
      PATH_WEIGHTS.SAME_EVENT_KIND * EVENT_KIND_WEIGHTS.LANDSLIDE * SUMMARY_KIND_FACTOR,
      12,
    );
  });

  it('names the finest shared unit, a commune above its district, and a province counts little', () => {
    const source = context({ places: [place('c', 'COMMUNE', 0), place('d', 'DISTRICT', 1, 9), place('p', 'PROVINCE', 2, 21)] });
    const sameCommune = readerPaths(source, context({ places: [place('c', 'COMMUNE', 0)] }));
    const sameDistrict = readerPaths(source, context({ places: [place('d', 'DISTRICT', 0, 9)] }));
    const sameProvince = readerPaths(source, context({ places: [place('p', 'PROVINCE', 0, 21)] }));
    const samePlace = (paths: ReturnType<typeof readerPaths>) => {
      const found = paths.find((p) => p.link === 'SAME_PLACE');
      if (!found) throw new Error('no SAME_PLACE');
      return found;
    };
    const a = samePlace(sameCommune);
    const b = samePlace(sameDistrict);
    const c = samePlace(sameProvince);
    expect(a.node.id).toBe('c');
    expect(pathContribution(a)).toBeGreaterThan(pathContribution(b));
    expect(pathContribution(b)).toBeGreaterThan(pathContribution(c) * 5);
  });

  it('relates two communes merged into one on 1 Jul 2025 through SAME_PLACE_TODAY', () => {
    const source = context({ places: [place('xa-pai-lung', 'COMMUNE', 0, 7, ['xa-dong-van-2025'])] });
    const paths = readerPaths(source, context({ places: [place('tt-dong-van', 'COMMUNE', 0, 4, ['xa-dong-van-2025'])] }));
    expect(paths.map((p) => [p.link, p.node.id])).toEqual([['SAME_PLACE_TODAY', 'xa-dong-van-2025']]);
  });

  it('counts time only within a shared kind, and a narrow kind more than a broad one', () => {
    const cave = { id: 'event:a', name: 'hố sụt', nameEn: null, kind: 'RESCUE', summary: null, day: '2023-04-03', degree: 5 };
    const source = context({ day: '2023-04-03', events: [cave] });
    const otherCave = readerPaths(source, context({ day: '2023-06-01', events: [{ ...cave, id: 'event:b', name: 'hang sâu' }] }));
    const otherRescue = readerPaths(
      source,
      context({ day: '2023-06-01', events: [{ ...cave, id: 'event:c', name: 'cứu người' }] }),
    );
    const unrelated = readerPaths(source, context({ day: '2023-04-04', title: 'Đại hội thi đua' }));
    expect(otherCave.map((p) => p.link)).toEqual(['SAME_EVENT_KIND', 'CLOSE_IN_TIME']);
    const kindOf = (paths: typeof otherCave) => pathContribution(paths.find((p) => p.link === 'SAME_EVENT_KIND')!);
    expect(kindOf(otherCave)).toBeCloseTo(PATH_WEIGHTS.SAME_EVENT_KIND, 12);
    expect(kindOf(otherCave)).toBeGreaterThan(kindOf(otherRescue) * 5);
    expect(unrelated).toEqual([]);
  });

  it('gives a place asked about no agency, field or exemplar paths (it has no people of its own)', () => {
    const people = [
      {
        id: 'person:a',
        name: 'A',
        exemplar: true,
        links: [{ id: 'field:f', name: 'f', rel: 'ACTIVE_IN', degree: 3, narrow: true }],
      },
    ];
    const agencies = [{ id: 'agency:g', name: 'g', level: 'DISTRICT', kind: 'POLICE', up: 0, degree: 5 }];
    const source = context({ label: 'Place', id: 'place:c', places: [place('place:c', 'COMMUNE', 0)], people, agencies });
    const candidate = context({ people: [{ ...people[0]!, id: 'person:b' }], agencies });
    expect(readerPaths(source, candidate)).toEqual([]);
    expect(
      readerPaths({ ...source, label: 'Event' }, candidate)
        .map((p) => p.link)
        .sort(),
    ).toEqual(['SAME_AGENCY', 'SAME_FIELD', 'SIMILAR_EXEMPLAR']);
  });

  it('relates two ad hoc State commendations by authorities of one level and province (SAME_COMMENDATION)', () => {
    // The seed's provincial Bằng khen for the Pải Lủng rescuers and the provincial police's ad hoc
    // commendations for the June 2024 flood response.
    const bangKhen = {
      id: 'award:pai-lung-bang-khen-2023',
      name: 'Bằng khen của UBND tỉnh',
      category: 'STATE',
      forEvent: true,
      issuerLevel: 'PROVINCE',
      issuerPlace: 'place:tinh-ha-giang',
    };
    const adHoc = { ...bangKhen, id: 'award:ca-ha-giang-flood-adhoc-2024', name: 'Khen thưởng đột xuất' };
    const source = context({ awards: [adHoc] });
    const links = (awards: ReaderContext['awards']) => readerPaths(source, context({ awards })).map((p) => [p.link, p.node.id]);
    expect(links([bangKhen])).toEqual([['SAME_COMMENDATION', 'award:pai-lung-bang-khen-2023']]);
    // Not the award both already feature, a badge outside the State's commendations, an award for no
    // event (a title for a career), nor one by an authority of another province or level.
    expect(links([adHoc])).toEqual([]);
    expect(links([{ ...bangKhen, category: 'NON_STATE' }])).toEqual([]);
    expect(links([{ ...bangKhen, forEvent: false }])).toEqual([]);
    expect(links([{ ...bangKhen, issuerPlace: 'place:tinh-lao-cai' }])).toEqual([]);
    expect(links([{ ...bangKhen, issuerLevel: 'CENTRAL' }])).toEqual([]);
    expect(links([{ ...bangKhen, issuerLevel: null }])).toEqual([]);
  });
});
