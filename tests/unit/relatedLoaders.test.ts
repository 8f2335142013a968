import { RELATED_EXEMPLARS_CYPHER } from '../../src/analytics/related/relatedExemplars';
import { RELATED_STORIES_CYPHER } from '../../src/analytics/related/relatedStories';
import { createLoaders } from '../../src/loaders/createLoaders';
import { byIdTrimmedPerKey } from '../../src/loaders/limitedBatch';
import type { Graph, Params, Row } from '../../src/neo4j/createGraph';

/** A Graph that answers the related* queries from memory and records every statement. */
function fakeGraph(known: Record<string, string>): Graph & { calls: { cypher: string; params: Params }[] } {
  const calls: { cypher: string; params: Params }[] = [];
  const candidate = (i: number) => ({
    id: `person:c${i}`,
    name: `C${i}`,
    label: 'Person',
    reasons: [
      {
        rel: 'ACTIVE_IN',
        steps: 0,
        degree: i,
        sourceField: null,
        candidateField: null,
        id: 'field:f',
        name: 'F',
        label: 'Field',
      },
    ],
  });
  const read = (cypher: string, params: Params = {}): Promise<Row[]> => {
    calls.push({ cypher, params });
    const ids = params.ids as string[];
    // The query returns unknown ids with a null label, in no promised order.
    return Promise.resolve(
      [...ids].reverse().map((id) => ({
        id,
        label: known[id] ?? null,
        candidates: cypher === RELATED_STORIES_CYPHER ? [] : [1, 2, 3, 4, 5].map(candidate),
      })),
    );
  };
  const unused = () => Promise.reject(new Error('not used'));
  const graph = {
    calls,
    driver: undefined as never,
    database: 'neo4j',
    read,
    write: unused,
    writeTransaction: unused,
    ping: unused,
    close: () => Promise.resolve(),
    withTimeout: () => graph,
    onDatabase: () => graph,
  };
  return graph;
}

describe('createLoaders', () => {
  it('sends N relatedExemplars loads of one tick as exactly one query, one id each', async () => {
    const graph = fakeGraph({ 'person:a': 'Person', 'person:b': 'Person', 'collective:c': 'Collective' });
    const loaders = createLoaders(graph);
    const results = await Promise.all([
      loaders.relatedExemplars.load({ id: 'person:a', limit: 2 }),
      loaders.relatedExemplars.load({ id: 'person:b', limit: 4 }),
      loaders.relatedExemplars.load({ id: 'collective:c', limit: 1 }),
      loaders.relatedExemplars.load({ id: 'person:a', limit: 3 }),
    ]);
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]!.cypher).toBe(RELATED_EXEMPLARS_CYPHER);
    expect(graph.calls[0]!.params.ids).toEqual(['person:a', 'person:b', 'collective:c']);
    expect(results.map((r) => r.length)).toEqual([2, 4, 1, 3]);
  });

  it('puts a NOT_FOUND error in the slot of an unknown id and BAD_USER_INPUT for a non-exemplar kind', async () => {
    const graph = fakeGraph({ 'person:a': 'Person', 'event:e': 'Event' });
    const loaders = createLoaders(graph);
    const results = await loaders.relatedExemplars.loadMany([
      { id: 'person:a', limit: 2 },
      { id: 'person:nobody', limit: 2 },
      { id: 'event:e', limit: 2 },
    ]);
    expect(graph.calls).toHaveLength(1);
    expect(results[0]).toHaveLength(2);
    expect(results[1]).toMatchObject({ code: 'NOT_FOUND', details: { id: 'person:nobody' } });
    expect(results[2]).toMatchObject({ code: 'BAD_USER_INPUT', details: { argumentName: 'id', value: 'event:e' } });
  });

  it('batches relatedStories the same way, and never shares loaders across requests', async () => {
    const graph = fakeGraph({ 'event:e': 'Event', 'story:s': 'Story' });
    const first = createLoaders(graph);
    await Promise.all([
      first.relatedStories.load({ id: 'event:e', limit: 1 }),
      first.relatedStories.load({ id: 'story:s', limit: 1 }),
    ]);
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]!.cypher).toBe(RELATED_STORIES_CYPHER);
    await first.relatedStories.load({ id: 'event:e', limit: 1 });
    expect(graph.calls).toHaveLength(1);
    await createLoaders(graph).relatedStories.load({ id: 'event:e', limit: 1 });
    expect(graph.calls).toHaveLength(2);
  });
});

describe('byIdTrimmedPerKey', () => {
  it('asks once per id with the largest limit and trims each key to its own', async () => {
    const seen: { ids: readonly string[]; limit: number }[] = [];
    const batch = byIdTrimmedPerKey<number>((ids, limit) => {
      seen.push({ ids, limit });
      return Promise.resolve(ids.map((id) => (id === 'bad' ? new Error('bad') : [1, 2, 3, 4, 5, 6].slice(0, limit))));
    });
    const out = await batch([
      { id: 'x', limit: 2 },
      { id: 'bad', limit: 5 },
      { id: 'x', limit: 4 },
    ]);
    expect(seen).toEqual([{ ids: ['x', 'bad'], limit: 5 }]);
    expect(out[0]).toEqual([1, 2]);
    expect(out[1]).toBeInstanceOf(Error);
    expect(out[2]).toEqual([1, 2, 3, 4]);
  });
});
