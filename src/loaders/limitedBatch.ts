import type { BatchLoadFn } from 'dataloader';

/** A loader key for an analytic that returns a ranked list: whose list, and how long. */
export interface LimitedKey {
  readonly id: string;
  readonly limit: number;
}

/** Given a key, returns its cache key: the same id with another limit is another entry. */
export function limitedCacheKey(key: LimitedKey): string {
  return `${key.limit}\u0000${key.id}`;
}

/**
 * Given a batch function over ids and one limit, returns a DataLoader batch function over (id, limit)
 * keys: it sends each id once with the largest limit asked for (so the whole batch is one call), then
 * trims each key's list to its own limit. Results are in key order, same length; an Error stays in
 * its slot.
 */
export function byIdTrimmedPerKey<T>(
  batch: (ids: readonly string[], limit: number) => Promise<readonly (readonly T[] | Error)[]>,
): BatchLoadFn<LimitedKey, T[]> {
  return async (keys) => {
    const ids = [...new Set(keys.map((key) => key.id))];
    const limit = Math.max(...keys.map((key) => key.limit));
    const results = await batch(ids, limit);
    const byId = new Map(ids.map((id, i) => [id, results[i]]));
    return keys.map((key) => {
      const result = byId.get(key.id);
      if (result === undefined) return new Error(`No result for ${key.id}: the batch function broke its contract`);
      return result instanceof Error ? result : result.slice(0, key.limit);
    });
  };
}
