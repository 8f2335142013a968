import { deserialize, serialize } from 'node:v8';
import { heapBytes } from '../../src/analytics/movement/movementImpactBases';
import { unwrapStrings, wrapStrings } from '../../src/jobs/movementBase/protocol';

/**
 * What crosses between the API and its movement base worker: an answer names the same ids in many
 * lists, and wrapped strings cross once each (V8's serializer refers back to an object it wrote),
 * then come back as the same texts; bytes are left alone.
 */
function answerLike(ids: number) {
  const all = Array.from({ length: ids }, (_, i) => `person:syn-${String(i).padStart(6, '0')}`);
  return {
    movement: { id: 'movement:syn-n01', kind: 'MOVEMENT', name: 'Phong trào thi đua yêu nước' },
    count: ids,
    exemplars: { all: { count: ids, ids: [...all] }, people: { count: ids, ids: [...all] } },
    places: [0, 1, 2, 3].map((level) => ({ level: `L${level}`, ids: [...all] })),
    from: null,
    packed: new Uint8Array([1, 2, 3]),
  };
}

describe('wrapStrings and unwrapStrings', () => {
  it('carry a value across V8 serialization unchanged, each distinct string written once', () => {
    const plain = serialize(answerLike(2_000)).length;
    const crossed = unwrapStrings(deserialize(serialize(wrapStrings(answerLike(2_000)))) as ReturnType<typeof answerLike>);
    expect({ ...crossed, packed: [...crossed.packed] }).toEqual({ ...answerLike(2_000), packed: [1, 2, 3] });
    // The six lists name 2,000 ids: written once each, then referred back to.
    expect(serialize(wrapStrings(answerLike(2_000))).length).toBeLessThan(plain / 3);
    expect(typeof crossed.places[3]!.ids[1999]).toBe('string');
  });
});

describe('heapBytes', () => {
  it('counts a string named in many lists once, and grows with every list slot', () => {
    const once = heapBytes({ ids: ['person:a', 'person:b'] });
    const again = heapBytes({ ids: ['person:a', 'person:b'], more: ['person:a', 'person:b'] });
    // The second list adds its slots and header, not the strings again.
    expect(again - once).toBe(8 + 16 + 8 * 2);
    expect(heapBytes('abc')).toBe(16 + 3);
  });
});
