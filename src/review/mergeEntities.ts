import { createHash } from 'node:crypto';
import { isDomainLabel, type Label, kindOfLabel, type EntityKind } from '../domain/labels';
import { RELATIONSHIP_TYPES } from '../domain/relationships';
import { BadInputError, NotFoundError } from '../errors/domainErrors';
import { writeNameKeys } from '../ingestion/graph/writeNameKeys';
import type { Graph, Tx } from '../neo4j/createGraph';
import { array, decodeRows, nullable, number, object, string, boolean, anything } from '../neo4j/decode';
import { foldDiacritics } from '../text/foldDiacritics';
import { publishersOf } from './factWrites';
import { mergedConfidence, type Confidence } from './provenance';
import { decisionTransaction, type WriteMetadata } from './writeMetadata';

/** What a merge did. */
export interface MergeOutcome {
  readonly keepId: string;
  readonly dropId: string;
  readonly entityKind: EntityKind;
  /** Relationships of the dropped node now joined to the kept one. */
  readonly relationshipsMoved: number;
  /** Relationships the kept node already had: their sources and properties were combined. */
  readonly relationshipsMerged: number;
  /** Relationships between the two nodes, which a merge leaves pointing at itself: removed. */
  readonly relationshipsDropped: number;
  readonly aliasesAdded: readonly string[];
  /** True when the merge had been done already: nothing changed. */
  readonly alreadyMerged: boolean;
}

const decodeNode = object<{
  id: string;
  label: string | null;
  name: string;
  aliases: string[] | null;
  sources: string[] | null;
  confidence: string | null;
  properties: unknown;
}>({
  id: string,
  label: nullable(string),
  name: string,
  aliases: nullable(array(string)),
  sources: nullable(array(string)),
  confidence: nullable(string),
  properties: anything,
});

const READ_NODE = `MATCH (n:Entity {id: $id})
SET n.id = n.id
RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'Entity']) AS label, n.name AS name, n.aliases AS aliases,
       n.sources AS sources, n.confidence AS confidence, properties(n) AS properties`;

const decodePlan = object<{
  rid: string;
  type: string;
  out: boolean;
  other: string;
  sources: string[] | null;
  confidence: string | null;
  existing: { eid: string; sources: string[] | null; confidence: string | null }[];
}>({
  rid: string,
  type: string,
  out: boolean,
  other: string,
  sources: nullable(array(string)),
  confidence: nullable(string),
  existing: array(object({ eid: string, sources: nullable(array(string)), confidence: nullable(string) })),
});

function idArgument(name: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 200) throw new BadInputError(name, value, 'must be an entity id');
  return trimmed;
}

/**
 * Given two entities of the same label, merges the second into the first in one transaction:
 * its relationships move to the kept node (one the kept node already has gains its sources and
 * any property it lacked; one between the two is removed), its name and aliases become aliases
 * of the kept node, its sources join the kept node's and any property the kept node lacks is
 * copied; the dropped node is deleted and a MergeRecord keeps what it was, so its id still
 * resolves to the kept node (proposals that pointed at it follow). Refuses different labels.
 * Merging again changes nothing.
 */
export async function mergeEntities(
  graph: Graph,
  keepArgument: string,
  dropArgument: string,
  metadata: Omit<WriteMetadata, 'operation' | 'source'>,
): Promise<MergeOutcome> {
  const keepId = idArgument('keepId', keepArgument);
  const dropId = idArgument('dropId', dropArgument);
  if (keepId === dropId) throw new BadInputError('dropId', dropId, 'is the entity to keep; merge two different entities');
  return decisionTransaction(graph, { ...metadata, operation: 'mergeEntities' }, async (tx) => {
    const done = await previousMerge(tx, keepId, dropId);
    if (done) return done;
    const [keep] = decodeRows('keep', await tx.run(READ_NODE, { id: keepId }), decodeNode);
    if (!keep) throw new NotFoundError('entity', keepId);
    const [drop] = decodeRows('drop', await tx.run(READ_NODE, { id: dropId }), decodeNode);
    if (!drop) throw new NotFoundError('entity', dropId);
    if (!isDomainLabel(keep.label) || keep.label !== drop.label) {
      throw new BadInputError(
        'dropId',
        dropId,
        `is a ${drop.label ?? '?'} and keepId a ${keep.label ?? '?'}: only entities of one kind merge`,
      );
    }
    const label: Label = keep.label;
    const moved = await moveRelationships(tx, keepId, dropId);

    const aliases = [...new Set([...(keep.aliases ?? []), drop.name, ...(drop.aliases ?? [])])].filter((a) => a !== keep.name);
    const aliasesAdded = aliases.filter((a) => !(keep.aliases ?? []).includes(a));
    const sources = [...new Set([...(keep.sources ?? []), ...(drop.sources ?? [])])];
    const confidence = mergedConfidence(
      keep.confidence as Confidence | null,
      drop.confidence as Confidence | null,
      await publishersOf(tx, sources),
    );
    await tx.run(
      `MATCH (k:Entity {id: $keepId}), (d:Entity {id: $dropId})
       SET k += apoc.map.removeKeys(properties(d), keys(k) + ['id']),
           k.aliases = $aliases, k.aliasesText = $aliasesText, k.sources = $sources, k.confidence = $confidence`,
      {
        keepId,
        dropId,
        aliases,
        aliasesText: [...aliases, ...aliases.map(foldDiacritics)].join(' | '),
        sources,
        confidence,
      },
    );
    const at = new Date().toISOString();
    const record = {
      id: `merge:${createHash('sha1').update(`${keepId}|${dropId}|${at}`).digest('hex').slice(0, 20)}`,
      keepId,
      dropId,
      label,
      dropName: drop.name,
      dropProperties: JSON.stringify(drop.properties),
      relationshipsMoved: moved.moved,
      relationshipsMerged: moved.merged,
      relationshipsDropped: moved.dropped,
      aliasesAdded,
      at,
      actor: metadata.actor,
    };
    await tx.run('CREATE (m:MergeRecord) SET m = $record', { record });
    // Proposals decided onto the dropped node now point at the kept one; a dropped story's texts and proposals follow it.
    await tx.run('MATCH (p:Proposal {resultId: $dropId}) SET p.resultId = $keepId', { keepId, dropId });
    if (label === 'Story') {
      await tx.run('MATCH (t:StoryText {storyId: $dropId}) SET t.storyId = $keepId, t.current = false', { keepId, dropId });
      await tx.run('MATCH (p:Proposal {storyId: $dropId}) SET p.storyId = $keepId, p.current = false', { keepId, dropId });
    }
    await tx.run('MATCH (d:Entity {id: $dropId}) DETACH DELETE d', { dropId });
    await writeNameKeys(tx, [keepId, dropId]);
    return {
      keepId,
      dropId,
      entityKind: kindOfLabel(label),
      relationshipsMoved: moved.moved,
      relationshipsMerged: moved.merged,
      relationshipsDropped: moved.dropped,
      aliasesAdded,
      alreadyMerged: false,
    };
  });
}

async function previousMerge(tx: Tx, keepId: string, dropId: string): Promise<MergeOutcome | undefined> {
  const rows = await tx.run(
    `MATCH (m:MergeRecord {dropId: $dropId, keepId: $keepId})
     WHERE NOT EXISTS { MATCH (:Entity {id: $dropId}) }
     RETURN m.label AS label, m.relationshipsMoved AS moved, m.relationshipsMerged AS merged,
            m.relationshipsDropped AS dropped, m.aliasesAdded AS aliasesAdded
     LIMIT 1`,
    { keepId, dropId },
  );
  const [row] = decodeRows(
    'merge record',
    rows,
    object({ label: string, moved: number, merged: number, dropped: number, aliasesAdded: array(string) }),
  );
  if (!row || !isDomainLabel(row.label)) return undefined;
  return {
    keepId,
    dropId,
    entityKind: kindOfLabel(row.label),
    relationshipsMoved: row.moved,
    relationshipsMerged: row.merged,
    relationshipsDropped: row.dropped,
    aliasesAdded: row.aliasesAdded,
    alreadyMerged: true,
  };
}

/** Moves the dropped node's domain relationships to the kept node; returns how many moved, merged and were dropped. */
async function moveRelationships(
  tx: Tx,
  keepId: string,
  dropId: string,
): Promise<{ moved: number; merged: number; dropped: number }> {
  const rows = await tx.run(
    `MATCH (k:Entity {id: $keepId}), (d:Entity {id: $dropId})-[r]-(x:Entity)
     WHERE type(r) IN $types
     WITH k, d, r, x, startNode(r) = d AS out
     RETURN elementId(r) AS rid, type(r) AS type, out, x.id AS other, r.sources AS sources, r.confidence AS confidence,
            CASE WHEN out
              THEN [(k)-[e]->(x) WHERE type(e) = type(r) | {eid: elementId(e), sources: e.sources, confidence: e.confidence}]
              ELSE [(k)<-[e]-(x) WHERE type(e) = type(r) | {eid: elementId(e), sources: e.sources, confidence: e.confidence}]
            END AS existing`,
    { keepId, dropId, types: RELATIONSHIP_TYPES },
  );
  const plan = decodeRows('relationships to move', rows, decodePlan);
  const dropped = plan.filter((p) => p.other === keepId);
  const merged = plan.filter((p) => p.other !== keepId && p.existing.length > 0);
  const moved = plan.filter((p) => p.other !== keepId && p.existing.length === 0);
  await tx.run('UNWIND $ids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r', { ids: dropped.map((p) => p.rid) });
  const combined: Array<{ rid: string; eid: string; sources: string[]; confidence: Confidence }> = [];
  for (const p of merged) {
    const e = p.existing[0] as (typeof p.existing)[number];
    const sources = [...new Set([...(e.sources ?? []), ...(p.sources ?? [])])];
    const publishers = await publishersOf(tx, sources);
    combined.push({
      rid: p.rid,
      eid: e.eid,
      sources,
      confidence: mergedConfidence(e.confidence as Confidence | null, p.confidence as Confidence | null, publishers),
    });
  }
  await tx.run(
    `UNWIND $rows AS row
     MATCH ()-[r]->() WHERE elementId(r) = row.rid
     MATCH ()-[e]->() WHERE elementId(e) = row.eid
     SET e += apoc.map.removeKeys(properties(r), keys(e)), e.sources = row.sources, e.confidence = row.confidence
     DELETE r`,
    { rows: combined },
  );
  const outgoing = moved.filter((p) => p.out).map((p) => p.rid);
  const incoming = moved.filter((p) => !p.out).map((p) => p.rid);
  if (outgoing.length > 0) {
    await tx.run(
      `MATCH (k:Entity {id: $keepId}) UNWIND $ids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid CALL apoc.refactor.from(r, k) YIELD output RETURN count(*) AS n`,
      { keepId, ids: outgoing },
    );
  }
  if (incoming.length > 0) {
    await tx.run(
      `MATCH (k:Entity {id: $keepId}) UNWIND $ids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid CALL apoc.refactor.to(r, k) YIELD output RETURN count(*) AS n`,
      { keepId, ids: incoming },
    );
  }
  return { moved: moved.length, merged: merged.length, dropped: dropped.length };
}
