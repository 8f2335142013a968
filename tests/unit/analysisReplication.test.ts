import { findReplications, type ReplicationExemplar, type ReplicationStory } from '../../src/analytics/movement/replication';

function exemplar(id: string, recognitions: string[], fields: string[] = [], places: string[] = []): ReplicationExemplar {
  return { id, kind: 'PERSON', name: id, recognitions, fields, places };
}

function story(id: string, on: string, featured: string[]): ReplicationStory {
  return { id, kind: 'STORY', name: id, on, featured };
}

describe('replication', () => {
  const featured = exemplar('person:a', ['2020-01-10'], ['field:rescue'], ['place:xa-1']);

  it('counts an exemplar recognised in the same field within the window after the story', () => {
    const later = exemplar('person:b', ['2020-06-01'], ['field:rescue']);
    const [found, ...rest] = findReplications([featured, later], [story('story:s', '2020-03-01', ['person:a'])], 365);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      story: { id: 'story:s' },
      featured: { id: 'person:a' },
      exemplar: { id: 'person:b' },
      recognisedOn: '2020-06-01',
      daysAfter: 92,
      sharedFields: ['field:rescue'],
      sharedPlaces: [],
    });
  });

  it('counts a shared commune or district as well as a shared field', () => {
    const later = exemplar('person:b', ['2020-06-01'], ['field:culture'], ['place:xa-1']);
    expect(findReplications([featured, later], [story('story:s', '2020-03-01', ['person:a'])], 365)[0]?.sharedPlaces).toEqual([
      'place:xa-1',
    ]);
  });

  it('ignores exemplars who share nothing, or were recognised before, on the day of, or after the window', () => {
    const stories = [story('story:s', '2020-03-01', ['person:a'])];
    expect(findReplications([featured, exemplar('person:b', ['2020-06-01'], ['field:culture'])], stories, 365)).toEqual([]);
    expect(findReplications([featured, exemplar('person:b', ['2020-02-01'], ['field:rescue'])], stories, 365)).toEqual([]);
    expect(findReplications([featured, exemplar('person:b', ['2020-03-01'], ['field:rescue'])], stories, 365)).toEqual([]);
    expect(findReplications([featured, exemplar('person:b', ['2020-04-01'], ['field:rescue'])], stories, 30)).toEqual([]);
    expect(findReplications([featured, exemplar('person:b', ['2020-03-31'], ['field:rescue'])], stories, 30)).toHaveLength(1);
  });

  it('never assumes "after": a story dated by month counts from its last day, a recognition by year from its first', () => {
    const later = exemplar('person:b', ['2020-10-15', '2021'], ['field:rescue']);
    const [found] = findReplications([featured, later], [story('story:s', '2020-10', ['person:a'])], 365);
    expect(found).toMatchObject({ recognisedOn: '2021-01-01', daysAfter: 62 });
  });

  it('does not count the featured exemplar as its own replication', () => {
    const again = exemplar('person:a', ['2020-01-10', '2020-06-01'], ['field:rescue']);
    expect(findReplications([again], [story('story:s', '2020-03-01', ['person:a'])], 365)).toEqual([]);
  });
});

describe('replication evidence', () => {
  it('lists each later exemplar once, with the story closest before the recognition', () => {
    const a = exemplar('person:a', ['2020-01-10'], ['field:rescue']);
    const b = exemplar('person:b', ['2020-06-01'], ['field:rescue']);
    const found = findReplications(
      [a, b],
      [story('story:early', '2020-02-01', ['person:a']), story('story:late', '2020-05-01', ['person:a'])],
      365,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ exemplar: { id: 'person:b' }, story: { id: 'story:late' }, daysAfter: 31 });
  });
});
