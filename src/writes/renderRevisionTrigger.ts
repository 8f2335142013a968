import { DOMAIN_LABELS } from '../domain/labels';
import { DERIVED_PROPERTIES } from '../domain/properties';
import { RELATIONSHIP_TYPES } from '../domain/relationships';
import { cypherString, cypherStrings } from './cypherText';
import { cypherIdSet } from './renderValidationTrigger';
import { REVISION_CLOCK_ID, REVISION_CLOCK_LABEL, REVISION_LABEL } from './revisionLayout';

const DOMAIN = cypherStrings(DOMAIN_LABELS);
const TYPES = cypherStrings(RELATIONSHIP_TYPES);
const DERIVED = cypherStrings(DERIVED_PROPERTIES);

/** Cypher, given an expression holding metadata's value: it as text, or null (a client may send anything as metadata). */
const metaText = (key: string) => `toStringOrNull(meta.${key})`;

/**
 * Returns the statement of the revision trigger (phase `before`, so a revision commits with its
 * change or not at all): one Revision node (revisionLayout.ts) per domain entity the transaction
 * created, deleted, or changed in a fact property or a relationship of a domain type; with who
 * (`actor`), what (`operation`), on what (`source`), the request, and the changed properties
 * before and after and the relationships added, removed or changed, as JSON. The transaction's
 * metadata (Graph.write's WriteMetadata, or the API's) supplies who and why; without it the
 * actor and operation are `unknown`. Derived properties, system nodes and transactions that
 * change no fact leave no revision and do not touch the clock.
 */
export function renderRevisionTrigger(): string {
  const fact = (map: string) => `apoc.map.removeKeys(${map}, ${DERIVED})`;
  const alive = (eid: string, extra: string) =>
    `CASE WHEN coalesce(deletedNodes[${eid}], createdNodes[${eid}], false) THEN false ELSE ${extra} END`;
  const endId = (eid: string, node: string) =>
    `CASE WHEN goneProps[${eid}] IS NOT NULL THEN goneProps[${eid}].id ELSE ${node}.id END`;
  return `// exemplar-graph revisions, rendered by src/writes/renderRevisionTrigger.ts
WITH $metaData AS meta,
     ${cypherIdSet('[x IN $deletedNodes | elementId(x)]')} AS deletedNodes,
     ${cypherIdSet('[x IN $createdNodes | elementId(x)]')} AS createdNodes,
     ${cypherIdSet('[x IN $deletedRelationships | elementId(x)]')} AS deletedRels,
     ${cypherIdSet('[x IN $createdRelationships | elementId(x)]')} AS createdRels
CALL (deletedNodes) {
  UNWIND [l IN keys($removedLabels) WHERE l IN ${DOMAIN}] AS label
  UNWIND $removedLabels[label] AS n
  WITH elementId(n) AS eid, label
  WHERE deletedNodes[eid]
  RETURN apoc.map.fromPairs(collect([eid, label])) AS goneLabels
}
CALL (goneLabels) {
  UNWIND keys($removedNodeProperties) AS key
  UNWIND $removedNodeProperties[key] AS e
  WITH elementId(e.node) AS eid, key, e.old AS old
  WHERE goneLabels[eid] IS NOT NULL
  WITH eid, apoc.map.fromPairs(collect([key, old])) AS props
  RETURN apoc.map.fromPairs(collect([eid, props])) AS goneProps
}
CALL (deletedRels) {
  UNWIND keys($removedRelationshipProperties) AS key
  UNWIND $removedRelationshipProperties[key] AS e
  WITH elementId(e.relationship) AS rid, key, e.old AS old
  WHERE deletedRels[rid]
  WITH rid, apoc.map.fromPairs(collect([key, old])) AS props
  RETURN apoc.map.fromPairs(collect([rid, props])) AS goneRelProps
}
CALL (deletedNodes, createdNodes, deletedRels, createdRels, goneLabels, goneProps, goneRelProps) {
  UNWIND [label IN keys($assignedLabels) WHERE label IN ${DOMAIN}] AS label
  UNWIND $assignedLabels[label] AS n
  WITH n, elementId(n) AS eid
  WHERE createdNodes[eid] AND deletedNodes[eid] IS NULL
  RETURN eid, n AS node, 'CREATE' AS change, null AS before, ${fact('properties(n)')} AS after, [] AS touches
  UNION ALL
  UNWIND keys(goneLabels) AS eid
  RETURN eid, null AS node, 'DELETE' AS change, ${fact('goneProps[eid]')} AS before, null AS after, [] AS touches
  UNION ALL
  UNWIND [k IN keys($assignedNodeProperties) WHERE NOT k IN ${DERIVED}] AS key
  UNWIND $assignedNodeProperties[key] AS e
  WITH e.node AS n, elementId(e.node) AS eid, key, e.old AS old, e.new AS new
  WHERE ${alive('eid', `any(l IN labels(n) WHERE l IN ${DOMAIN})`)} AND NOT coalesce(old = new, false)
  RETURN eid, n AS node, 'UPDATE' AS change, apoc.map.fromPairs([[key, old]]) AS before, apoc.map.fromPairs([[key, new]]) AS after, [] AS touches
  UNION ALL
  UNWIND [k IN keys($removedNodeProperties) WHERE NOT k IN ${DERIVED}] AS key
  UNWIND $removedNodeProperties[key] AS e
  WITH e.node AS n, elementId(e.node) AS eid, key, e.old AS old
  WHERE ${alive('eid', `any(l IN labels(n) WHERE l IN ${DOMAIN})`)}
  RETURN eid, n AS node, 'UPDATE' AS change, apoc.map.fromPairs([[key, old]]) AS before, apoc.map.fromPairs([[key, null]]) AS after, [] AS touches
  UNION ALL
  CALL (deletedRels, createdRels, goneProps, goneRelProps) {
    UNWIND $createdRelationships AS r
    WITH r WHERE deletedRels[elementId(r)] IS NULL AND type(r) IN ${TYPES}
    RETURN 'ADDED' AS change, type(r) AS type, startNode(r) AS a, endNode(r) AS b, elementId(startNode(r)) AS aid, elementId(endNode(r)) AS bid,
           startNode(r).id AS fromId, endNode(r).id AS toId, null AS before, properties(r) AS after
    UNION ALL
    UNWIND $deletedRelationships AS r
    WITH r, elementId(startNode(r)) AS aid, elementId(endNode(r)) AS bid
    WHERE createdRels[elementId(r)] IS NULL AND type(r) IN ${TYPES}
    RETURN 'REMOVED' AS change, type(r) AS type, CASE WHEN goneProps[aid] IS NULL THEN startNode(r) END AS a,
           CASE WHEN goneProps[bid] IS NULL THEN endNode(r) END AS b, aid, bid,
           ${endId('aid', 'startNode(r)')} AS fromId, ${endId('bid', 'endNode(r)')} AS toId,
           goneRelProps[elementId(r)] AS before, null AS after
    UNION ALL
    UNWIND keys($assignedRelationshipProperties) + keys($removedRelationshipProperties) AS key
    UNWIND coalesce($assignedRelationshipProperties[key], []) + coalesce($removedRelationshipProperties[key], []) AS e
    WITH e.relationship AS r, key, e.old AS old, e.new AS new
    WHERE coalesce(deletedRels[elementId(r)], createdRels[elementId(r)]) IS NULL AND type(r) IN ${TYPES} AND NOT coalesce(old = new, false)
    WITH r, apoc.map.fromPairs(collect([key, old])) AS before, apoc.map.fromPairs(collect([key, new])) AS after
    RETURN 'CHANGED' AS change, type(r) AS type, startNode(r) AS a, endNode(r) AS b, elementId(startNode(r)) AS aid, elementId(endNode(r)) AS bid,
           startNode(r).id AS fromId, endNode(r).id AS toId, before, after
  }
  UNWIND [[aid, a, true, toId], [bid, b, false, fromId]] AS end
  RETURN end[0] AS eid, end[1] AS node, 'UPDATE' AS change, null AS before, null AS after,
         [{change: change, type: type, outgoing: end[2], otherId: end[3], before: before, after: after}] AS touches
}
WITH meta, goneLabels, goneProps, eid, collect(node) AS nodes, collect(change) AS changes, collect(before) AS befores,
     collect(after) AS afters, apoc.coll.flatten(collect(touches)) AS touches
WITH meta, goneLabels, goneProps, eid, head(nodes) AS node, touches,
     CASE WHEN 'DELETE' IN changes THEN 'DELETE' WHEN 'CREATE' IN changes THEN 'CREATE' ELSE 'UPDATE' END AS change,
     apoc.map.mergeList(befores) AS before, apoc.map.mergeList(afters) AS after
WITH meta, collect({
       entityId: CASE WHEN change = 'DELETE' THEN goneProps[eid].id ELSE node.id END,
       entityLabel: CASE WHEN change = 'DELETE' THEN goneLabels[eid] ELSE head([l IN labels(node) WHERE l IN ${DOMAIN}]) END,
       change: change,
       before: CASE WHEN change = 'CREATE' THEN null ELSE before END,
       after: CASE WHEN change = 'DELETE' THEN null ELSE after END,
       touches: touches
     }) AS revisions
WHERE size(revisions) > 0
MERGE (clock:${REVISION_CLOCK_LABEL} {id: ${cypherString(REVISION_CLOCK_ID)}})
SET clock.tx = coalesce(clock.tx, 0) + 1
WITH meta, revisions, clock.tx AS tx, datetime() AS at
UNWIND revisions AS r
CREATE (:${REVISION_LABEL} {
  id: 'revision:' + randomUUID(), tx: tx, at: at,
  actor: coalesce(${metaText('actor')}, 'unknown'), operation: coalesce(${metaText('operation')}, 'unknown'),
  source: ${metaText('source')}, requestId: ${metaText('requestId')}, revertOf: ${metaText('revertOf')},
  entityId: r.entityId, entityLabel: r.entityLabel, change: r.change,
  before: apoc.convert.toJson(r.before), after: apoc.convert.toJson(r.after), relationships: apoc.convert.toJson(r.touches)
})`;
}
