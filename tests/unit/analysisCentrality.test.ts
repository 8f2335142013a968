import {
  canonicalCommunities,
  graphologyScores,
  normaliseBetweenness,
  scaleToUnitSum,
  simplePairs,
} from '../../src/analytics/network/centrality';

describe('centrality on a subgraph', () => {
  const star = ['hub', 'a', 'b', 'c', 'd'];
  const starEdges = ['a', 'b', 'c', 'd'].map((leaf) => ({ from: leaf, to: 'hub' }));

  it('reads the subgraph as simple and undirected: one edge per pair, no loops, no strangers', () => {
    const pairs = simplePairs(
      ['x', 'y', 'z'],
      [
        { from: 'x', to: 'y' },
        { from: 'y', to: 'x' },
        { from: 'x', to: 'x' },
        { from: 'x', to: 'outside' },
        { from: 'z', to: 'y' },
      ],
    );
    expect(pairs).toEqual([
      ['x', 'y'],
      ['y', 'z'],
    ]);
  });

  it('ranks the centre of a star first by PageRank, scores summing to 1', () => {
    const { pageRank } = graphologyScores(star, simplePairs(star, starEdges));
    expect([...pageRank].sort((x, y) => y[1] - x[1])[0]![0]).toBe('hub');
    expect([...pageRank.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it('gives the centre of a star all the betweenness: every other pair passes through it', () => {
    const { betweenness } = graphologyScores(star, simplePairs(star, starEdges));
    expect(betweenness.get('hub')).toBeCloseTo(1, 9);
    expect(betweenness.get('a')).toBe(0);
  });

  it('normalises raw pair counts by the number of other pairs', () => {
    expect(normaliseBetweenness(new Map([['n', 3]]), 4).get('n')).toBeCloseTo(1, 9);
    expect(normaliseBetweenness(new Map([['n', 0]]), 2).get('n')).toBe(0);
    expect([
      ...scaleToUnitSum(
        new Map([
          ['p', 2],
          ['q', 6],
        ]),
      ).values(),
    ]).toEqual([0.25, 0.75]);
  });

  it('numbers communities by size, largest first, whatever labels an engine used', () => {
    const a = canonicalCommunities(
      new Map<string, number>([
        ['x', 7],
        ['y', 7],
        ['z', 3],
        ['w', 7],
      ]),
    );
    const b = canonicalCommunities(
      new Map<string, number>([
        ['x', 1],
        ['y', 1],
        ['z', 0],
        ['w', 1],
      ]),
    );
    expect(a).toEqual(b);
    expect(a.get('x')).toBe(0);
    expect(a.get('z')).toBe(1);
  });

  it('finds two communities in two triangles joined by one edge, the same on every run', () => {
    const nodes = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
    const edges = [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a1', 'a3'],
      ['b1', 'b2'],
      ['b2', 'b3'],
      ['b1', 'b3'],
      ['a1', 'b1'],
    ].map(([from, to]) => ({ from: from!, to: to! }));
    const first = graphologyScores(nodes, simplePairs(nodes, edges)).community;
    expect(new Set(first.values()).size).toBe(2);
    expect(first.get('a2')).toBe(first.get('a3'));
    expect(first.get('a2')).not.toBe(first.get('b2'));
    expect(graphologyScores(nodes, simplePairs(nodes, edges)).community).toEqual(first);
  });

  it('scores a subgraph without edges: equal PageRank, no betweenness, one community each', () => {
    const scores = graphologyScores(['p', 'q'], []);
    expect(scores.pageRank.get('p')).toBeCloseTo(0.5, 9);
    expect(scores.betweenness.get('q')).toBe(0);
    expect(new Set(scores.community.values()).size).toBe(2);
  });

  it('skips the algorithms it is not asked for', () => {
    const scores = graphologyScores(star, simplePairs(star, starEdges), {
      pageRank: false,
      betweenness: true,
      communities: false,
    });
    expect(scores.pageRank.size).toBe(0);
    expect(scores.community.size).toBe(0);
    expect(scores.betweenness.size).toBe(star.length);
  });
});

describe('centrality on an empty subgraph', () => {
  // Found by the fuzz suite: a network with no node made graphology's Brandes throw (500).
  it('gives empty scores instead of throwing', () => {
    const scores = graphologyScores([], []);
    expect([scores.pageRank.size, scores.betweenness.size, scores.community.size]).toEqual([0, 0, 0]);
  });
});
