import { entryKeys } from './entryKeys';
import type { Gazetteer, GazetteerEntry } from './gazetteer';

/**
 * Given entries, returns a gazetteer that answers from maps in memory: for tests, the evaluation
 * and small graphs. Production asks the graph instead (the same keys, from entryKeys, stored and
 * indexed), since an index of every name at 1M nodes would cost the API hundreds of MB.
 */
export function createMemoryGazetteer(entries: readonly GazetteerEntry[]): Gazetteer {
  const byKey = new Map<string, GazetteerEntry[]>();
  const byId = new Map<string, GazetteerEntry>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    for (const key of new Set(entryKeys(entry).map((k) => k.lookup))) {
      const list = byKey.get(key) ?? [];
      list.push(entry);
      byKey.set(key, list);
    }
  }
  return {
    lookup: (keys) => {
      const found = new Map<string, GazetteerEntry>();
      for (const key of keys) for (const entry of byKey.get(key) ?? []) found.set(entry.id, entry);
      return Promise.resolve([...found.values()]);
    },
    byIds: (ids) => Promise.resolve(ids.flatMap((id) => byId.get(id) ?? [])),
  };
}
