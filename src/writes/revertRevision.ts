import { ENTITY_LABEL } from '../domain/labels';
import { DERIVED_PROPERTIES, NODE_PROPERTIES, RELATIONSHIP_PROPERTY_KINDS, type PropertyKind } from '../domain/properties';
import { RELATIONSHIP_TYPES, isRelationshipType } from '../domain/relationships';
import { BadInputError, NotFoundError } from '../errors/domainErrors';
import type { Graph, Tx, WriteMetadata } from '../neo4j/createGraph';
import { anything, array, boolean, decode, decodeRows, nullable, number, object, oneOf, record, string } from '../neo4j/decode';
import { toNeo4jDate } from '../neo4j/values';
import { revisionById } from './entityHistory';
import { planRevert, type CurrentEntity, type RevertStep } from './planRevert';
import { REVISION_LABEL, decodeRevision, type PropertyValues, type Revision } from './revisionLayout';

/** Reads, under a write lock on the node, what planRevert needs to know about the entity now. */
const READ_CURRENT = `
OPTIONAL MATCH (n:${ENTITY_LABEL} {id: $id})
CALL apoc.lock.nodes(CASE WHEN n IS NULL THEN [] ELSE [n] END)
RETURN CASE WHEN n IS NULL THEN null ELSE apoc.map.removeKeys(properties(n), $derived) END AS properties,
       CASE WHEN n IS NULL THEN 0 ELSE COUNT { (n)--() } END AS degree,
       [t IN $touches WHERE n IS NOT NULL | [(n)-[r]-(o:${ENTITY_LABEL} {id: t.otherId})
          WHERE type(r) = t.type AND (startNode(r) = n) = t.outgoing
          | {type: type(r), outgoing: t.outgoing, otherId: o.id, properties: properties(r)}]] AS found,
       [id IN $others WHERE EXISTS { MATCH (:${ENTITY_LABEL} {id: id}) }] AS existingOthers`;

const decodeCurrent = object<{
  properties: PropertyValues | null;
  degree: number;
  found: CurrentEntity['relationships'][];
  existingOthers: string[];
}>({
  properties: nullable(record(anything)),
  degree: number,
  found: array(
    array(object({ type: oneOf(RELATIONSHIP_TYPES), outgoing: boolean, otherId: string, properties: record(anything) })),
  ),
  existingOthers: array(string),
});

/** Given a property's kind (or none) and a value read back from a revision's JSON, returns what to store (dates as Neo4j Dates). */
function stored(kind: PropertyKind | undefined, value: unknown): unknown {
  return kind?.kind === 'date' && typeof value === 'string' ? toNeo4jDate(value) : value;
}

function typed(values: PropertyValues, kindOf: (key: string) => PropertyKind | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, stored(kindOf(key), value)]));
}

/** Given a step's direction, the pattern from the entity `n` to the other end `o` through `r` of a type from the closed list. */
function pattern(type: string, outgoing: boolean): string {
  if (!isRelationshipType(type)) throw new Error(`not a relationship type: ${type}`);
  return outgoing ? `(n)-[r:${type}]->(o)` : `(n)<-[r:${type}]-(o)`;
}

async function run(tx: Tx, revision: Revision, step: RevertStep): Promise<void> {
  const id = revision.entityId;
  const nodeKind = (key: string) => NODE_PROPERTIES[revision.entityLabel][key];
  const relKind = (key: string) => RELATIONSHIP_PROPERTY_KINDS[key];
  const ends = `MATCH (n:${ENTITY_LABEL} {id: $id}) MATCH (o:${ENTITY_LABEL} {id: $otherId})`;
  switch (step.kind) {
    case 'deleteNode':
      await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) DETACH DELETE n`, { id });
      return;
    case 'createNode':
      // The label comes from the decoded revision: one of the closed list of domain labels.
      await tx.run(`CREATE (n:${ENTITY_LABEL}:${revision.entityLabel}) SET n = $properties`, {
        properties: typed(step.properties, nodeKind),
      });
      return;
    case 'setProperties':
      // += with null removes a property: the revision's "absent".
      await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) SET n += $properties`, {
        id,
        properties: typed(step.properties, nodeKind),
      });
      return;
    case 'deleteRelationship':
      await tx.run(`${ends} MATCH ${pattern(step.type, step.outgoing)} DELETE r`, { id, otherId: step.otherId });
      return;
    case 'createRelationship':
      await tx.run(`${ends} CREATE ${pattern(step.type, step.outgoing)} SET r = $properties`, {
        id,
        otherId: step.otherId,
        properties: typed(step.properties, relKind),
      });
      return;
    case 'setRelationshipProperties':
      await tx.run(`${ends} MATCH ${pattern(step.type, step.outgoing)} SET r += $properties`, {
        id,
        otherId: step.otherId,
        properties: typed(step.properties, relKind),
      });
      return;
  }
}

export interface RevertResult {
  /** The revision undone. */
  readonly reverted: Revision;
  /** The revert's own revision of the same entity (operation `revert`, revertOf the one undone). */
  readonly revision: Revision | null;
}

/**
 * Given the graph, a revision's id and who asks (the request's write metadata), applies the
 * inverse of that one revision as a new write, in one transaction that the triggers validate and
 * record with operation `revert` and `revertOf`. Throws NotFoundError for an unknown revision and
 * BadInputError (argument revisionId) naming every property or relationship that changed after
 * the revision, in which case nothing is written.
 */
export async function revertRevision(
  graph: Graph,
  revisionId: string,
  who: Omit<WriteMetadata, 'operation' | 'revertOf'>,
): Promise<RevertResult> {
  const reverted = await revisionById(graph, revisionId);
  if (!reverted) throw new NotFoundError('revision', revisionId);
  const touches = reverted.relationships.map((t) => ({ type: t.type, outgoing: t.outgoing, otherId: t.otherId }));
  await graph.writeTransaction(
    async (tx) => {
      const [row] = await tx.run(READ_CURRENT, {
        id: reverted.entityId,
        derived: DERIVED_PROPERTIES,
        touches,
        others: [...new Set(touches.map((t) => t.otherId))],
      });
      const current = decode('revert: current entity', row, decodeCurrent);
      const plan = planRevert(reverted, { ...current, relationships: current.found.flat() });
      if (!plan.ok) throw new BadInputError('revisionId', revisionId, `cannot be reverted: ${plan.conflicts.join('; ')}`);
      for (const step of plan.steps) await run(tx, reverted, step);
    },
    { ...who, operation: 'revert', revertOf: revisionId },
  );
  const rows = await graph.read(
    `MATCH (r:${REVISION_LABEL} {entityId: $entityId}) WHERE r.revertOf = $revisionId RETURN r {.*} AS revision ORDER BY r.tx DESC LIMIT 1`,
    { entityId: reverted.entityId, revisionId },
  );
  const [revision] = decodeRows(
    'revert: new revision',
    rows.map((r) => r.revision),
    decodeRevision,
  );
  return { reverted, revision: revision ?? null };
}
