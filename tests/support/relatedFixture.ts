import type { Graph } from '../../src/neo4j/createGraph';

/**
 * A small synthetic neighbourhood for the relatedExemplars tests, clearly not real data: every id
 * starts with `test-`, and removeRelatedFixture deletes them all again.
 *
 * test-person:source shares
 * - test-event:rescue (2 participants) with test-person:rescuer,
 * - test-field:niche (2 members) with test-person:niche-partner,
 * - test-field:crowded (CROWD + 2 members) with test-person:crowd-0 … crowd-{CROWD-1} and
 *   test-person:niche-partner.
 * The rescuer's only other link is test-movement:solo, which nobody shares.
 */
export const RELATED_FIXTURE = {
  source: 'test-person:source',
  rescuer: 'test-person:rescuer',
  nichePartner: 'test-person:niche-partner',
  rescue: 'test-event:rescue',
  niche: 'test-field:niche',
  crowded: 'test-field:crowded',
  crowd: Array.from({ length: 40 }, (_, i) => `test-person:crowd-${i}`),
} as const;

const NODE_PROPS = { sources: ['test fixture'], confidence: 'UNVERIFIED' };

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
    await tx.run("MERGE (n:Entity {id: 'test-movement:solo'}) SET n:Movement, n += $props, n.name = 'test-movement:solo'", {
      props: NODE_PROPS,
    });
    const edges: [string, string, string][] = [
      [f.source, 'TOOK_PART_IN', f.rescue],
      [f.rescuer, 'TOOK_PART_IN', f.rescue],
      [f.rescuer, 'EXEMPLAR_OF', 'test-movement:solo'],
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
        `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) MERGE (a)-[:${type}]->(b)`,
        { rows },
      );
    }
  });
}

/** Deletes every node whose id starts with `test-`, with its relationships. */
export async function removeRelatedFixture(graph: Graph): Promise<void> {
  await graph.write("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-' DETACH DELETE n");
}
