import { object, string } from '../../neo4j/decode';

/**
 * The traceable figures every analysis answers with: a number never stands alone, it carries the
 * ids of the nodes behind it.
 */
/** A node behind a figure; kind is the GraphQL EntityKind (the label in upper case). */
export interface AnalysisNode {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

/** Decodes an AnalysisNode read from the database. */
export const decodeAnalysisNode = object<AnalysisNode>({ id: string, kind: string, name: string });

export interface IdSet {
  readonly count: number;
  readonly ids: readonly string[];
}

export interface Bucket extends IdSet {
  readonly key: string;
  readonly label: string;
}

export interface PlaceBucket extends IdSet {
  readonly place: AnalysisNode;
  readonly level: string;
}

export interface PlaceReach {
  readonly then: readonly PlaceBucket[];
  readonly now: readonly PlaceBucket[];
}

/** The key of a bucket for a fact whose source is silent on the grouped value. */
export const UNSPECIFIED = 'UNSPECIFIED';

/** Given ids (duplicates allowed), returns them distinct and sorted. */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** Given ids (duplicates allowed), returns their distinct count and sorted list. */
export function idSet(ids: Iterable<string>): IdSet {
  const list = sortedIds(ids);
  return { count: list.length, ids: list };
}

/**
 * Given items, a function giving each item's id and its key or keys (null or none for
 * UNSPECIFIED) and optionally a label per key, returns one bucket per key with the distinct ids in
 * it, most ids first, then by key.
 */
export function bucketBy<T>(
  items: Iterable<T>,
  idOf: (item: T) => string,
  keyOf: (item: T) => string | null | undefined | readonly string[],
  labelOf: (key: string, item: T) => string = (key) => key,
): Bucket[] {
  const buckets = new Map<string, { label: string; ids: Set<string> }>();
  for (const item of items) {
    const raw = keyOf(item);
    const keys = typeof raw === 'string' ? [raw] : raw && raw.length > 0 ? raw : [UNSPECIFIED];
    for (const key of keys) {
      const bucket = buckets.get(key) ?? {
        label: key === UNSPECIFIED ? UNSPECIFIED : labelOf(key, item),
        ids: new Set<string>(),
      };
      bucket.ids.add(idOf(item));
      buckets.set(key, bucket);
    }
  }
  return [...buckets.entries()]
    .map(([key, { label, ids }]) => ({ key, label, ...idSet(ids) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Given buckets, returns them ordered by key (for time series). */
export function byKey(buckets: readonly Bucket[]): Bucket[] {
  return [...buckets].sort((a, b) => a.key.localeCompare(b.key));
}
