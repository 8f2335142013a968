import type { Label } from '../domain/labels';
import { contextFromParts, toEntry } from './entryFromGraph';
import type { EntryContext, GazetteerEntry } from './gazetteer';
import type { GraphNodeRecord, GraphRelationshipRecord } from './graphRecords';

/** Relationships that say nothing about who an entity is: stories are hubs, succession joins different units. */
export const NOT_CONTEXT: ReadonlySet<string> = new Set(['FEATURES', 'PUBLISHED_BY', 'SUCCEEDED_BY']);

/**
 * From a neighbour of this label, the relationships followed one more hop (type and direction):
 * an event's places and participants, an agency's places and parent (never its members: an agency
 * is a hub of people), an award's event and issuer.
 */
const SECOND_HOP: Partial<Record<Label, ReadonlyArray<readonly [string, 'out' | 'in']>>> = {
  Event: [
    ['OCCURRED_IN', 'out'],
    ['TOOK_PART_IN', 'in'],
  ],
  Agency: [
    ['LOCATED_IN', 'out'],
    ['PART_OF', 'out'],
  ],
  Award: [
    ['FOR_EVENT', 'out'],
    ['CONFERRED_BY', 'out'],
  ],
};

const ANCESTOR_DEPTH = 3;

/**
 * Given plain node and relationship records (the seed files, or rows read from Neo4j), returns one
 * gazetteer entry per node with its context: direct neighbours (stories and succession left out),
 * one more hop from events (their places and participants), agencies (their places and parent)
 * and awards (their event and issuer), every place's parents up to three levels, and the dates of
 * the entity, its events and its awards.
 */
export function buildGazetteerEntries(
  nodes: readonly GraphNodeRecord[],
  relationships: readonly GraphRelationshipRecord[],
): GazetteerEntry[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const neighbours = new Map<string, Set<string>>();
  const directed = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>();
  const add = <T>(map: Map<string, T>, key: string, empty: () => T, put: (into: T) => void) => {
    const value = map.get(key) ?? empty();
    put(value);
    map.set(key, value);
  };
  for (const rel of relationships) {
    if (rel.type === 'PART_OF') {
      add(
        parents,
        rel.from,
        () => new Set<string>(),
        (set) => set.add(rel.to),
      );
    }
    if (NOT_CONTEXT.has(rel.type)) continue;
    add(
      neighbours,
      rel.from,
      () => new Set<string>(),
      (set) => set.add(rel.to),
    );
    add(
      neighbours,
      rel.to,
      () => new Set<string>(),
      (set) => set.add(rel.from),
    );
    add(
      directed,
      `${rel.from}|${rel.type}|out`,
      () => [],
      (list) => list.push(rel.to),
    );
    add(
      directed,
      `${rel.to}|${rel.type}|in`,
      () => [],
      (list) => list.push(rel.from),
    );
  }
  const labelOf = (id: string) => byId.get(id)?.label;

  const contextOf = (node: GraphNodeRecord): EntryContext => {
    const first = [...(neighbours.get(node.id) ?? [])];
    const reached = new Set<string>(first);
    for (const id of first) {
      const label = labelOf(id);
      for (const [type, direction] of (label && SECOND_HOP[label]) || []) {
        for (const second of directed.get(`${id}|${type}|${direction}`) ?? []) reached.add(second);
      }
    }
    for (const id of [...reached, node.id]) {
      if (labelOf(id) === 'Place' || labelOf(id) === 'Agency') addAncestors(id, parents, reached, ANCESTOR_DEPTH);
    }
    const direct = ['OCCURRED_IN', 'LOCATED_IN', 'PART_OF'].flatMap((type) => directed.get(`${node.id}|${type}|out`) ?? []);
    return contextFromParts(node, {
      reached: [...reached].map((id) => ({ id, label: labelOf(id) })),
      directPlaceIds: direct.filter((id) => labelOf(id) === 'Place'),
      datedNeighbours: first.flatMap((id) => byId.get(id) ?? []),
    });
  };

  return nodes.map((node) => toEntry(node, contextOf(node)));
}

function addAncestors(id: string, parents: Map<string, Set<string>>, into: Set<string>, depth: number): void {
  if (depth === 0) return;
  for (const parent of parents.get(id) ?? []) {
    into.add(parent);
    addAncestors(parent, parents, into, depth - 1);
  }
}
