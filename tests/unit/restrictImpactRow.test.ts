import type { MovementImpactRow } from '../../src/analytics/movement/movementColumns';
import { restrictImpactRow } from '../../src/analytics/movement/restrictImpactRow';

/**
 * restrictImpactRow against expectations worked out by hand from movementImpact.cypher's two date
 * tests ("may overlap", "may reach"); tests/integration/movementImpactBases.test.ts checks it
 * against the statement itself, on the seeds and on random facts.
 */
const exemplar = (id: string, extra: Partial<{ fields: string[]; homes: string[]; events: string[] }> = {}) => ({
  id,
  kind: 'PERSON',
  name: id,
  fields: extra.fields ?? [],
  homes: extra.homes ?? [],
  events: extra.events ?? [],
});
const story = (id: string, on: string | null, featured: string[]) => ({
  id,
  name: id,
  channel: 'NEWS',
  publisher: null,
  on,
  featured,
  publishedBy: [],
});

const WHOLE: MovementImpactRow = {
  movement: { id: 'movement:m', kind: 'MOVEMENT', name: 'M' },
  awards: [
    // 2018: before a period from 2019, it neither counts nor can follow a story in it.
    {
      id: 'award:2018',
      on: '2018',
      recipients: ['person:old'],
      form: 'BANG_KHEN',
      level: null,
      kind: null,
      recipientsResolved: true,
    },
    // 2021: after a period to 2020, it cannot count, but its recipient may follow a story in it.
    {
      id: 'award:2021',
      on: '2021',
      recipients: ['person:later'],
      form: 'HUAN_CHUONG',
      level: null,
      kind: null,
      recipientsResolved: true,
    },
    {
      id: 'award:undated',
      on: null,
      recipients: ['person:undated'],
      form: 'GIAY_KHEN',
      level: null,
      kind: null,
      recipientsResolved: true,
    },
  ],
  heldUp: [
    { id: 'person:unreadable', since: 'khoảng năm 2020' },
    { id: 'person:held-2019-06', since: '2019-06' },
  ],
  exemplars: [
    exemplar('person:old', { fields: ['field:old'], homes: ['place:old'] }),
    exemplar('person:later', { events: ['event:linked'] }),
    exemplar('person:undated'),
    exemplar('person:unreadable', { fields: ['field:kept'] }),
    exemplar('person:held-2019-06'),
    exemplar('person:featured'),
  ],
  events: [
    { id: 'event:linked', on: '2015-03-01', places: ['place:linked'] },
    { id: 'event:outside', on: '2015-03', places: ['place:outside'] },
    { id: 'event:undated', on: null, places: [] },
  ],
  fields: [
    { id: 'field:old', name: 'Old', broader: [] },
    { id: 'field:kept', name: 'Kept', broader: [] },
  ],
  stories: [
    story('story:in', '2020-05-01', ['person:featured']),
    story('story:out', '2012', ['person:old']),
    story('story:undated', null, ['movement:m']),
  ],
  undatedStories: [],
  rollups: [
    { place: 'place:old', lastDay: null, then: [], now: [] },
    { place: 'place:linked', lastDay: null, then: [], now: [] },
    { place: 'place:outside', lastDay: null, then: [], now: [] },
  ],
};

describe('restrictImpactRow', () => {
  it('returns the whole row without a period', () => {
    expect(restrictImpactRow(WHOLE, null, null)).toBe(WHOLE);
  });

  it('keeps the exemplars a recognition may reach or a story in the period features, with their events, fields and places', () => {
    const row = restrictImpactRow(WHOLE, '2019-01-01', '2020-12-31');
    expect(row.exemplars.map((x) => x.id)).toEqual([
      'person:later',
      'person:unreadable',
      'person:held-2019-06',
      'person:featured',
    ]);
    // Linked to a kept exemplar, so kept though dated outside; the other dated outside goes; undated passes.
    expect(row.events.map((e) => e.id)).toEqual(['event:linked', 'event:undated']);
    expect(row.fields.map((f) => f.id)).toEqual(['field:kept']);
    expect(row.rollups.map((r) => r.place)).toEqual(['place:linked']);
    expect(row.stories.map((s) => s.id)).toEqual(['story:in']);
    expect(row.undatedStories).toEqual(['story:undated']);
  });

  it('keeps every award, with its details only when it may overlap the period', () => {
    const row = restrictImpactRow(WHOLE, '2019-01-01', '2020-12-31');
    expect(row.awards.map((a) => [a.id, a.form])).toEqual([
      ['award:2018', null],
      ['award:2021', null],
      ['award:undated', 'GIAY_KHEN'],
    ]);
    expect(row.heldUp).toBe(WHOLE.heldUp);
  });

  it('compares a partial date with the same prefix of the bound', () => {
    // "2019-06" reaches a period from 2019-06-30 (same month), not one from 2019-07-01.
    expect(restrictImpactRow(WHOLE, '2019-06-30', null).exemplars.map((x) => x.id)).toContain('person:held-2019-06');
    expect(restrictImpactRow(WHOLE, '2019-07-01', null).exemplars.map((x) => x.id)).not.toContain('person:held-2019-06');
    // An event of March 2015 may overlap a period ending on 2015-03-01 and one starting on 2015-03-31.
    expect(restrictImpactRow(WHOLE, null, '2015-03-01').events.map((e) => e.id)).toContain('event:outside');
    expect(restrictImpactRow(WHOLE, '2015-03-31', '2016-01-01').events.map((e) => e.id)).toContain('event:outside');
  });
});
