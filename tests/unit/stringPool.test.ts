import { deserialize, serialize } from 'node:v8';
import { StringPool } from '../../src/analytics/shared/strings';
import { unwrapStrings, wrapStrings } from '../../src/jobs/movementBase/protocol';

/**
 * A pool holds each text once across the values a cache keeps. Which copy of a string a value holds
 * cannot be seen from JavaScript, so these pin what can: values come back unchanged and in place,
 * the pool counts distinct texts across values, and it starts again past its bound.
 */
function contextLike(story: string) {
  return {
    id: story,
    places: [{ id: 'place:meo-vac', name: 'Mèo Vạc', level: 'DISTRICT', up: 1, degree: 12, today: [] }],
    people: [
      {
        id: 'person:nguyen-manh-tuong',
        exemplar: true,
        links: [{ id: 'agency:meo-vac-police', rel: 'MEMBER_OF', degree: 4, narrow: true, tier: null }],
      },
    ],
  };
}

describe('StringPool', () => {
  it('leaves every value as it was and returns the value it was given', () => {
    const pool = new StringPool();
    const value = JSON.parse(JSON.stringify(contextLike('story:a'))) as ReturnType<typeof contextLike>;
    expect(pool.intern(value)).toBe(value);
    expect(value).toEqual(contextLike('story:a'));
  });

  it('counts each distinct text once across the values it interned', () => {
    const pool = new StringPool();
    pool.intern(contextLike('story:a'));
    const afterOne = pool.size;
    // The second context names the same place, person, agency and levels: only its own id is new.
    pool.intern(contextLike('story:b'));
    expect(pool.size).toBe(afterOne + 1);
  });

  it('starts again once it holds more texts than its bound, and still interns the value whole', () => {
    const pool = new StringPool(3);
    pool.intern(['a', 'b', 'c', 'd']);
    expect(pool.size).toBe(4);
    const next = pool.intern(['e', 'e', 'f']);
    expect(next).toEqual(['e', 'e', 'f']);
    expect(pool.size).toBe(2);
  });

  it('forgets every text when cleared', () => {
    const pool = new StringPool();
    pool.intern(contextLike('story:a'));
    pool.clear();
    expect(pool.size).toBe(0);
  });

  it('unwraps a message that crossed wrapped into the pool, texts and bytes unchanged', () => {
    const pool = new StringPool();
    pool.intern(contextLike('story:a'));
    const before = pool.size;
    const crossed = unwrapStrings(
      deserialize(serialize(wrapStrings({ ...contextLike('story:c'), bytes: new Uint8Array([7]) }))),
      pool,
    ) as ReturnType<typeof contextLike> & { bytes: Uint8Array };
    expect({ ...crossed, bytes: [...crossed.bytes] }).toEqual({ ...contextLike('story:c'), bytes: [7] });
    expect(typeof crossed.people[0]!.links[0]!.rel).toBe('string');
    expect(pool.size).toBe(before + 1);
  });
});
