import { readImpactRow, summariseImpact, type MovementImpactRow } from '../../src/analytics/movement/movementImpact';
import { internStrings } from '../../src/analytics/shared/strings';

const MOVEMENT = { id: 'movement:m', kind: 'MOVEMENT', name: 'Phong trào' };

describe('movement impact columns', () => {
  it('reads the columns back into rows, lists cut by their counts and nulls kept', () => {
    const impact = JSON.stringify({
      awards: {
        id: ['award:a', 'award:b'],
        on: ['2020', null],
        recipients: ['person:x', 'collective:y'],
        'recipients#': [2, 0],
        form: ['HUAN_CHUONG', null],
        level: [null, null],
        kind: ['LAO_DONG', null],
        recipientsResolved: [true, null],
      },
      heldUp: { id: ['person:x'], since: [null] },
      exemplars: {
        id: ['person:x'],
        name: ['X'],
        kind: ['PERSON'],
        fields: ['field:f'],
        'fields#': [1],
        homes: [],
        'homes#': [0],
        events: ['event:e'],
        'events#': [1],
      },
      events: { id: ['event:e'], on: ['2020-10'], places: ['place:c1', 'place:d1'], 'places#': [2] },
      fields: [{ id: 'field:f', name: 'F', broader: [] }],
      stories: {
        id: ['story:s'],
        name: ['S'],
        channel: ['NEWS'],
        publisher: [null],
        on: ['2020-11-01'],
        featured: ['person:x', 'event:e'],
        'featured#': [2],
        publishers: ['agency:p'],
        'publishers#': [1],
        publisherNames: ['P'],
        'publisherNames#': [1],
      },
      undatedStories: ['story:u'],
      rollups: {
        place: ['place:c1'],
        lastDay: [null],
        then: ['place:c1', 'place:d1'],
        'then#': [2],
        validFrom: [null, '2020-01-01'],
        'validFrom#': [2],
        validTo: [null, null],
        'validTo#': [2],
        now: ['place:c1'],
        'now#': [1],
      },
      rollupPlaces: { id: ['place:c1', 'place:d1'], name: ['Xã 1', 'Huyện 1'], level: ['COMMUNE', 'DISTRICT'] },
    });
    const row = readImpactRow(MOVEMENT, impact);
    expect(row.awards).toEqual([
      {
        id: 'award:a',
        on: '2020',
        recipients: ['person:x', 'collective:y'],
        form: 'HUAN_CHUONG',
        level: null,
        kind: 'LAO_DONG',
        recipientsResolved: true,
      },
      { id: 'award:b', on: null, recipients: [], form: null, level: null, kind: null, recipientsResolved: null },
    ]);
    expect(row.heldUp).toEqual([{ id: 'person:x', since: null }]);
    expect(row.exemplars).toEqual([
      { id: 'person:x', name: 'X', kind: 'PERSON', fields: ['field:f'], homes: [], events: ['event:e'] },
    ]);
    expect(row.events).toEqual([{ id: 'event:e', on: '2020-10', places: ['place:c1', 'place:d1'] }]);
    expect(row.stories).toEqual([
      {
        id: 'story:s',
        name: 'S',
        channel: 'NEWS',
        publisher: null,
        on: '2020-11-01',
        featured: ['person:x', 'event:e'],
        publishedBy: [{ id: 'agency:p', name: 'P' }],
      },
    ]);
    expect(row.undatedStories).toEqual(['story:u']);
    expect(row.rollups).toEqual([
      {
        place: 'place:c1',
        lastDay: null,
        then: [
          { id: 'place:c1', kind: 'PLACE', name: 'Xã 1', level: 'COMMUNE', validFrom: null, validTo: null },
          { id: 'place:d1', kind: 'PLACE', name: 'Huyện 1', level: 'DISTRICT', validFrom: '2020-01-01', validTo: null },
        ],
        now: [{ id: 'place:c1', kind: 'PLACE', name: 'Xã 1', level: 'COMMUNE' }],
      },
    ]);
  });
});

describe('movement impact from a row of the exemplars that may count', () => {
  const commune = { id: 'place:c1', kind: 'PLACE', name: 'Xã 1', level: 'COMMUNE' };
  const oldDistrict = { id: 'place:d-old', kind: 'PLACE', name: 'Huyện cũ', level: 'DISTRICT' };
  const newDistrict = { id: 'place:d-new', kind: 'PLACE', name: 'Huyện mới', level: 'DISTRICT' };
  const award = (id: string, on: string, recipients: string[]) => ({
    id,
    on,
    recipients,
    form: 'BANG_KHEN',
    level: null,
    kind: null,
    recipientsResolved: true,
  });
  const row: MovementImpactRow = {
    movement: MOVEMENT,
    // person:b is held up without a day and awarded nothing: known by its id alone.
    heldUp: [
      { id: 'person:a', since: null },
      { id: 'person:b', since: null },
    ],
    awards: [award('award:1', '2019', ['person:a']), award('award:2', '2021-05-01', ['person:a'])],
    exemplars: [{ id: 'person:a', kind: 'PERSON', name: 'A', fields: ['field:f'], homes: ['place:c1'], events: [] }],
    events: [],
    fields: [{ id: 'field:f', name: 'F', broader: [] }],
    stories: [],
    undatedStories: [],
    rollups: [
      {
        place: 'place:c1',
        lastDay: null,
        then: [
          { ...commune, validFrom: null, validTo: null },
          { ...oldDistrict, validFrom: null, validTo: '2019-12-31' },
          { ...newDistrict, validFrom: '2020-01-01', validTo: null },
        ],
        now: [commune, newDistrict],
      },
    ],
  };
  const impact = summariseImpact(row, { from: '2021-01-01', to: '2021-12-31', replicationWindowDays: 365 });

  it('counts an exemplar by a recognition in the period and lists one known by its id alone as undated', () => {
    expect(impact.exemplars.all.ids).toEqual(['person:a']);
    expect(impact.awards.all.ids).toEqual(['award:2']);
    expect(impact.undated.ids).toEqual(['person:b']);
  });

  it('reads an exemplar’s home on its first recognition, whenever it is counted', () => {
    expect(impact.places.then.map((b) => b.place.id).sort()).toEqual(['place:c1', 'place:d-old']);
    expect(impact.places.now.map((b) => b.place.id).sort()).toEqual(['place:c1', 'place:d-new']);
    expect(impact.fields.map((b) => b.key)).toEqual(['field:f']);
  });
});

describe('internStrings', () => {
  it('leaves every value as it was, in arrays and objects at any depth, and returns the value it was given', () => {
    const parsed = JSON.parse(
      JSON.stringify({
        ids: ['person:x', 'person:x', 'event:e'],
        nested: { list: [['person:x', 3, null, true], { id: 'event:e', on: '2020' }], empty: [] },
        count: 2,
        none: null,
      }),
    ) as unknown;
    const copy = structuredClone(parsed);
    expect(internStrings(parsed)).toBe(parsed);
    expect(parsed).toEqual(copy);
  });
});
