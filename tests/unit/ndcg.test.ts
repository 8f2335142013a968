import { dcgAtK, gain, ndcgAtK, type Grade } from '../../bench/eval/ndcg';

const judged = (entries: Record<string, Grade>) => new Map(Object.entries(entries));
// 1 / log2(3), the discount of the second position, worked out once: 0.6309297…
const SECOND = 0.6309297535714575;

describe('ndcgAtK', () => {
  it('gives a grade g the gain 2^g − 1', () => {
    expect([gain(0), gain(1), gain(2)]).toEqual([0, 1, 3]);
  });

  it('discounts position i by log2(i + 1)', () => {
    // 3/log2(2) + 1/log2(3) + 1/log2(4) = 3 + 0.630930 + 0.5
    expect(dcgAtK([2, 1, 1], 3)).toBeCloseTo(3 + SECOND + 0.5, 12);
    expect(dcgAtK([2, 1, 1], 1)).toBe(3);
  });

  it('scores a ranking against the ideal over every judged candidate, returned or not', () => {
    // DCG@3 of [2, 0, 1] = 3 + 0 + 1/2 = 3.5; the ideal takes 2, 1, 1 of {2, 0, 1, 1}: 3 + 0.630930 + 0.5 = 4.130930.
    const result = ndcgAtK(['a', 'b', 'c'], judged({ a: 2, b: 0, c: 1, d: 1 }), 3);
    expect(result.dcg).toBeCloseTo(3.5, 12);
    expect(result.idcg).toBeCloseTo(4.13093, 6);
    expect(result.ndcg).toBeCloseTo(3.5 / 4.13093, 6);
    expect(result.ndcg).toBeCloseTo(0.847267, 6);
    expect(result.unjudged).toEqual([]);
  });

  it('penalises a 1 ranked above a 2', () => {
    // [1, 2]: 1 + 3 × 0.630930 = 2.892789; ideal [2, 1]: 3 + 0.630930 = 3.630930; ratio 0.796708.
    expect(ndcgAtK(['b', 'a'], judged({ a: 2, b: 1, c: 0 }), 2).ndcg).toBeCloseTo(0.796708, 6);
    // At k = 1 only the top counts: gain 1 against an ideal gain 3.
    expect(ndcgAtK(['b', 'a'], judged({ a: 2, b: 1 }), 1).ndcg).toBeCloseTo(1 / 3, 12);
  });

  it('is 1 for an ideal ranking, whatever the order among equal grades', () => {
    expect(ndcgAtK(['a', 'b', 'c'], judged({ a: 2, b: 1, c: 1, z: 0 }), 10).ndcg).toBe(1);
    expect(ndcgAtK(['a', 'c', 'b'], judged({ a: 2, b: 1, c: 1, z: 0 }), 10).ndcg).toBe(1);
  });

  it('counts an unjudged result as grade 0 and reports it', () => {
    // ['x', 'a'] with only a = 1 judged: DCG = 0 + 0.630930, ideal 1.
    const result = ndcgAtK(['x', 'a'], judged({ a: 1 }), 2);
    expect(result.ndcg).toBeCloseTo(SECOND, 12);
    expect(result.unjudged).toEqual(['x']);
  });

  it('reports only the unjudged results within the top k', () => {
    expect(ndcgAtK(['a', 'x', 'y'], judged({ a: 1 }), 2).unjudged).toEqual(['x']);
  });

  it('counts a repeated result only where it first appears', () => {
    // ['a', 'a'] with a = 1, b = 1: DCG = 1 + 0; ideal 1 + 0.630930.
    expect(ndcgAtK(['a', 'a'], judged({ a: 1, b: 1 }), 2).ndcg).toBeCloseTo(1 / (1 + SECOND), 12);
  });

  it('is 0 for an empty answer when something relevant exists, and null when nothing does', () => {
    expect(ndcgAtK([], judged({ a: 1 }), 10).ndcg).toBe(0);
    const nothing = ndcgAtK(['a'], judged({ a: 0, b: 0 }), 10);
    expect(nothing.ndcg).toBeNull();
    expect(nothing.idcg).toBe(0);
  });

  it('is 1 when fewer results than k are returned and they are all there is', () => {
    expect(ndcgAtK(['a'], judged({ a: 2, b: 0 }), 10).ndcg).toBe(1);
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => ndcgAtK(['a'], judged({ a: 1 }), 0)).toThrow(RangeError);
    expect(() => ndcgAtK(['a'], judged({ a: 1 }), 2.5)).toThrow(/positive integer/);
  });
});
