import { isDomainLabel, type Label } from '../domain/labels';
import { DATE_PROPERTIES, type RelationshipType } from '../domain/relationships';
import { writeNameKeys } from '../ingestion/graph/writeNameKeys';
import type { Tx } from '../neo4j/createGraph';
import { array, decodeRows, nullable, object, string } from '../neo4j/decode';
import { toNeo4jDate } from '../neo4j/values';
import { confidenceAfter, hostOf, withSource, type Confidence } from './provenance';

/** One fact an accept wrote, as the API reports it. */
export interface WrittenFact {
  readonly kind: 'NODE' | 'RELATIONSHIP';
  /** The node's id, for a node. */
  readonly id: string | null;
  readonly type: RelationshipType | null;
  readonly fromId: string | null;
  readonly toId: string | null;
  readonly confidence: Confidence;
  readonly sources: readonly string[];
  /** True when the node or relationship is new; false when the story was added to an existing one. */
  readonly created: boolean;
}

const MAX_MERGE_HOPS = 10;

/**
 * Given an id, returns the entity it names now: itself, or the node it was merged into (following
 * merge records), with its label; undefined when there is none.
 */
export async function resolveEntity(tx: Tx, id: string): Promise<{ id: string; label: Label } | undefined> {
  let current = id;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop += 1) {
    const rows = await tx.run(
      `OPTIONAL MATCH (e:Entity {id: $id})
       OPTIONAL MATCH (m:MergeRecord {dropId: $id})
       RETURN head([l IN labels(e) WHERE l <> 'Entity']) AS label, m.keepId AS keepId`,
      { id: current },
    );
    const [row] = decodeRows('resolve entity', rows, object({ label: nullable(string), keepId: nullable(string) }));
    if (row?.label && isDomainLabel(row.label)) return { id: current, label: row.label };
    if (!row?.keepId) return undefined;
    current = row.keepId;
  }
  return undefined;
}

/** The publishers behind sources: a story's publisher (else its URL's host, else its id), a URL's host. */
export async function publishersOf(tx: Tx, sources: readonly string[]): Promise<string[]> {
  const storyIds = sources.filter((s) => s.startsWith('story:'));
  const rows = await tx.run('MATCH (s:Story) WHERE s.id IN $ids RETURN s.id AS id, s.publisher AS publisher, s.url AS url', {
    ids: storyIds,
  });
  const stories = new Map(
    decodeRows('publishers', rows, object({ id: string, publisher: nullable(string), url: nullable(string) })).map((r) => [
      r.id,
      r.publisher ?? (r.url ? hostOf(r.url) : r.id),
    ]),
  );
  return sources.map((s) => (s.startsWith('story:') ? (stories.get(s) ?? s) : hostOf(s)));
}

/** Given relationship properties as plain values, returns them with dates as Neo4j dates. */
function stored(props: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, DATE_PROPERTIES.has(k) ? toNeo4jDate(v) : v]));
}

/**
 * Writes (from)-[type]->(to) with the story as a source: a new relationship gets the properties,
 * the story as its only source and SINGLE_SOURCE; an existing one gains the story as a source,
 * any property it lacked, and CONFIRMED when a second publisher now supports it. The type comes
 * from the domain's closed list, checked by the caller.
 */
export async function writeRelationship(
  tx: Tx,
  fact: { type: RelationshipType; fromId: string; toId: string; properties: Readonly<Record<string, string>>; storyId: string },
): Promise<WrittenFact> {
  const rows = await tx.run(
    `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
     OPTIONAL MATCH (a)-[r:${fact.type}]->(b)
     RETURN r.sources AS sources, r.confidence AS confidence`,
    { fromId: fact.fromId, toId: fact.toId },
  );
  const [before] = decodeRows(
    'relationship before',
    rows,
    object({ sources: nullable(array(string)), confidence: nullable(string) }),
  );
  if (!before) throw new Error(`writeRelationship: ${fact.fromId} or ${fact.toId} is missing (the caller checks both ends)`);
  const created = before.sources === null;
  const sources = withSource(before.sources, fact.storyId);
  const confidence = confidenceAfter(
    created ? null : ((before.confidence ?? 'SINGLE_SOURCE') as Confidence),
    await publishersOf(tx, sources),
  );
  await tx.run(
    `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
     MERGE (a)-[r:${fact.type}]->(b)
     SET r += apoc.map.removeKeys($props, keys(r)), r.sources = $sources, r.confidence = $confidence`,
    { fromId: fact.fromId, toId: fact.toId, props: stored(fact.properties), sources, confidence },
  );
  return { kind: 'RELATIONSHIP', id: null, type: fact.type, fromId: fact.fromId, toId: fact.toId, confidence, sources, created };
}

/** Adds the story to an existing node's sources, with the confidence that follows (a date the story confirms). */
export async function addNodeSource(tx: Tx, id: string, storyId: string): Promise<WrittenFact> {
  const rows = await tx.run('MATCH (n:Entity {id: $id}) RETURN n.sources AS sources, n.confidence AS confidence', { id });
  const [before] = decodeRows('node before', rows, object({ sources: nullable(array(string)), confidence: nullable(string) }));
  const sources = withSource(before?.sources ?? [], storyId);
  const confidence = confidenceAfter((before?.confidence ?? 'SINGLE_SOURCE') as Confidence, await publishersOf(tx, sources));
  await tx.run('MATCH (n:Entity {id: $id}) SET n.sources = $sources, n.confidence = $confidence', { id, sources, confidence });
  return { kind: 'NODE', id, type: null, fromId: null, toId: null, confidence, sources, created: false };
}

/**
 * Creates a node of a domain label with its (already validated) stored properties, and indexes
 * its names. The label comes from the closed DOMAIN_LABELS list.
 */
export async function createEntity(tx: Tx, label: Label, props: Record<string, unknown>): Promise<WrittenFact> {
  await tx.run(`CREATE (n:Entity:${label}) SET n = $props`, { props });
  const id = String(props.id);
  await writeNameKeys(tx, [id]);
  const sources = (props.sources as string[] | undefined) ?? [];
  return {
    kind: 'NODE',
    id,
    type: null,
    fromId: null,
    toId: null,
    confidence: props.confidence as Confidence,
    sources,
    created: true,
  };
}
