import type { Graph } from '../../src/neo4j/createGraph';

/**
 * A small synthetic neighbourhood for the relatedExemplars tests, clearly not real data: every
 * slug starts with `test-`, every fact is UNVERIFIED and sourced to example.org, and
 * removeRelatedFixture deletes them all again. It is written as valid facts (the write trigger
 * refuses any other).
 *
 * person:test-source shares
 * - event:test-rescue (2 participants) with person:test-rescuer,
 * - field:test-niche (2 members) with person:test-niche-partner,
 * - field:test-crowded (CROWD + 2 members) with person:test-crowd-0 … crowd-{CROWD-1} and
 *   person:test-niche-partner.
 * The rescuer's only other link is movement:test-solo, which nobody shares.
 */
export const RELATED_FIXTURE = {
  source: 'person:test-source',
  rescuer: 'person:test-rescuer',
  nichePartner: 'person:test-niche-partner',
  rescue: 'event:test-rescue',
  niche: 'field:test-niche',
  crowded: 'field:test-crowded',
  crowd: Array.from({ length: 40 }, (_, i) => `person:test-crowd-${i}`),
} as const;
const SOLO = 'movement:test-solo';

const NODE_PROPS = { sources: ['https://example.org/test-fixture'], confidence: 'UNVERIFIED' };
const FIXTURE_WRITE = { actor: 'tests', operation: 'test:related-fixture' } as const;

function fixtureIds(): string[] {
  const f = RELATED_FIXTURE;
  return [f.source, f.rescuer, f.nichePartner, f.rescue, f.niche, f.crowded, ...f.crowd, SOLO];
}

/** Creates the fixture (idempotent: MERGE by id). */
export async function insertRelatedFixture(graph: Graph): Promise<void> {
  const f = RELATED_FIXTURE;
  const people = [f.source, f.rescuer, f.nichePartner, ...f.crowd];
  await graph.writeTransaction(async (tx) => {
    await tx.run('UNWIND $ids AS id MERGE (n:Entity {id: id}) SET n:Person, n += $props, n.name = id', {
      ids: people,
      props: NODE_PROPS,
    });
    await tx.run("MERGE (n:Entity {id: $id}) SET n:Event, n += $props, n.name = $id, n.kind = 'RESCUE'", {
      id: f.rescue,
      props: NODE_PROPS,
    });
    await tx.run('UNWIND $ids AS id MERGE (n:Entity {id: id}) SET n:Field, n += $props, n.name = id', {
      ids: [f.niche, f.crowded],
      props: NODE_PROPS,
    });
    await tx.run(
      "MERGE (n:Entity {id: $id}) SET n:Movement, n += $props, n.name = $id, n.kind = 'THEMATIC', n.scope = 'LOCALITY'",
      {
        id: SOLO,
        props: NODE_PROPS,
      },
    );
    const edges: [string, string, string][] = [
      [f.source, 'TOOK_PART_IN', f.rescue],
      [f.rescuer, 'TOOK_PART_IN', f.rescue],
      [f.rescuer, 'EXEMPLAR_OF', SOLO],
      [f.source, 'ACTIVE_IN', f.niche],
      [f.nichePartner, 'ACTIVE_IN', f.niche],
      [f.source, 'ACTIVE_IN', f.crowded],
      [f.nichePartner, 'ACTIVE_IN', f.crowded],
      ...f.crowd.map((id): [string, string, string] => [id, 'ACTIVE_IN', f.crowded]),
    ];
    for (const type of ['TOOK_PART_IN', 'EXEMPLAR_OF', 'ACTIVE_IN']) {
      const rows = edges.filter(([, t]) => t === type).map(([from, , to]) => ({ from, to }));
      // The type comes from the fixed list above, never from input.
      await tx.run(
        `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) MERGE (a)-[r:${type}]->(b) SET r += $props`,
        { rows, props: NODE_PROPS },
      );
    }
  }, FIXTURE_WRITE);
}

/** Deletes the fixture's nodes, with their relationships. */
export async function removeRelatedFixture(graph: Graph): Promise<void> {
  await graph.write('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids: fixtureIds() }, FIXTURE_WRITE);
}
