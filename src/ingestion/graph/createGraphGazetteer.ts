import { isDomainLabel, type Label } from '../../domain/labels';
import { RELATIONSHIP_TYPES } from '../../domain/relationships';
import type { Graph } from '../../neo4j/createGraph';
import { array, decodeRows, nullable, number, object, string, type Decoder } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { NOT_CONTEXT } from '../buildGazetteerEntries';
import { contextFromParts, toEntry } from '../entryFromGraph';
import type { Gazetteer, GazetteerEntry } from '../gazetteer';
import type { GraphNodeRecord } from '../graphRecords';
import { NAMED_LABELS } from './nameKeys';

const STATEMENT = loadCypher(__dirname, 'gazetteerEntries.cypher');

/** The relationships that say who an entity is (buildGazetteerEntries' rule): every domain type but stories and succession. */
export const CONTEXT_TYPES: readonly string[] = RELATIONSHIP_TYPES.filter((type) => !NOT_CONTEXT.has(type));

export interface GraphGazetteerOptions {
  /** Entities returned per key at most: a name thousands share is decided by context among the first of them. */
  readonly perKey?: number;
  /** Relationships above which a node is a hub whose incoming relationships are not expanded. */
  readonly hubDegree?: number;
  /** Called after each statement with what it cost (the bench and the CLI report it). */
  readonly onQuery?: (stats: { keys: number; ids: number; entries: number; millis: number }) => void;
}

type NodeRow = { [K in Exclude<keyof GraphNodeRecord, 'label'>]-?: NonNullable<GraphNodeRecord[K]> | null } & {
  label: string | null;
};

const text = nullable(string);
const decodeNode: Decoder<NodeRow> = object<NodeRow>({
  id: string,
  label: text,
  name: string,
  aliases: nullable(array(string)),
  title: text,
  validFrom: text,
  validTo: text,
  level: text,
  kind: text,
  unitType: text,
  form: text,
  date: text,
  period: text,
  year: nullable(number),
  publishedAt: text,
  decisionNo: text,
  rank: text,
  rankAsInSource: text,
  honorific: text,
  diedOn: text,
});

interface EntryRow {
  node: NodeRow;
  reached: { id: string; label: string | null }[];
  directPlaceIds: string[];
  datedNeighbours: {
    id: string;
    name: string;
    label: string | null;
    date: string | null;
    period: string | null;
    year: number | null;
  }[];
}

const decodeEntryRow = object<EntryRow>({
  node: decodeNode,
  reached: array(object({ id: string, label: text })),
  directPlaceIds: array(string),
  datedNeighbours: array(object({ id: string, name: string, label: text, date: text, period: text, year: nullable(number) })),
});

/** Given a row's map with nulls for missing properties, returns the record with those left out. */
function record(row: Record<string, unknown>, label: Label): GraphNodeRecord {
  const defined = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
  return { ...defined, label } as unknown as GraphNodeRecord;
}

const labelOrUndefined = (label: string | null): Label | undefined => (isDomainLabel(label) ? label : undefined);

/** Given a decoded row, returns its gazetteer entry, or undefined for a node without a domain label. */
function entryOf(row: EntryRow): GazetteerEntry | undefined {
  const label = labelOrUndefined(row.node.label);
  if (!label) return undefined;
  const node = record(row.node, label);
  const context = contextFromParts(node, {
    reached: row.reached.map((r) => ({ id: r.id, label: labelOrUndefined(r.label) })),
    directPlaceIds: row.directPlaceIds,
    datedNeighbours: row.datedNeighbours.flatMap((n) => {
      const l = labelOrUndefined(n.label);
      return l ? [record(n, l)] : [];
    }),
  });
  return toEntry(node, context);
}

/**
 * Given the graph, returns the production gazetteer: each call is one indexed statement
 * (gazetteerEntries.cypher) over the name index (nameKeys.ts) that returns the entities with the
 * same properties and context the in-memory gazetteer builds from records, so both link alike.
 */
export function createGraphGazetteer(graph: Graph, options: GraphGazetteerOptions = {}): Gazetteer {
  const run = async (keys: readonly string[], ids: readonly string[]): Promise<GazetteerEntry[]> => {
    if (keys.length === 0 && ids.length === 0) return [];
    const started = performance.now();
    const rows = await graph.read(STATEMENT, {
      keys,
      ids,
      perKey: options.perKey ?? 50,
      hubDegree: options.hubDegree ?? 200,
      contextTypes: CONTEXT_TYPES,
      labels: NAMED_LABELS,
    });
    const entries = decodeRows('gazetteerEntries', rows, decodeEntryRow).flatMap((row) => entryOf(row) ?? []);
    options.onQuery?.({ keys: keys.length, ids: ids.length, entries: entries.length, millis: performance.now() - started });
    return entries;
  };
  return {
    lookup: (keys) => run(keys, []),
    byIds: (ids) => run([], ids),
  };
}
