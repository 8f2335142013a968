import { LRUCache } from 'lru-cache';
import type { Graph } from '../../neo4j/createGraph';
import { decodeRows, nullable, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { StringPool } from '../shared/strings';
import type { ExpansionBounds } from './relatedScore';
import { decodeReaderContext, type ReaderContext } from './relatedStoryContext';

/**
 * The reader context of each id: events, places up the hierarchy, agencies, people (readerContext.cypher).
 * Reading it is most of what relatedStories costs (about nine tenths of its db hits: one context per
 * candidate, up to 60 per request), and a story's context is the same for every request until a fact
 * changes, so each API process keeps the contexts it read for one version of the graph.
 */
export const READER_CONTEXT_CYPHER = loadCypher(__dirname, 'readerContext.cypher');

/**
 * What the contexts one process keeps may weigh, in characters of their JSON text. At L a context is
 * 6.8 k characters on average and, its strings pooled, holds about 1.2 bytes of heap a character
 * (15 kB each before, when each was held as the driver decoded it; bench's 40 sources: 1,670
 * contexts, 25.1 MB of heap, 13.8 MB pooled): so some 3,500 contexts in about 30 MB.
 */
export const READER_CONTEXT_BUDGET = 24 * 2 ** 20;

/**
 * A version of the graph as the statements read it: the revision clock's epoch and transaction number
 * ("<uuid>:<tx>"). Every committed transaction that changes a fact moves the clock (the revision trigger),
 * and a wiped and migrated database has a new epoch; null when there is no clock with an epoch (the
 * migrations did not run, or the write triggers are not installed and so nothing moves the clock), and
 * then nothing is kept.
 */
export type GraphVersion = string | null;

/** How a batch of contexts was found, for the bench and the tests. */
export interface ContextLookup {
  readonly contexts: ReadonlyMap<string, ReaderContext>;
  /** Ids served from the cache. */
  readonly hits: number;
  /** Ids read from the database in this call. */
  readonly read: number;
}

const decodeContextRow = object<{ context: ReaderContext; version: GraphVersion }>({
  context: decodeReaderContext,
  version: nullable(string),
});

/**
 * The reader contexts one process has read, valid for one version of the graph: any change of version
 * (an edit, an import, a revert, a wiped database) drops them all before the next answer uses one.
 * Contexts read while the version moved on are used for that answer only, never kept.
 */
export class ReaderContextCache {
  private version: GraphVersion = null;
  private readonly entries: LRUCache<string, ReaderContext>;
  /** The kept contexts' strings: a place, force or field named in many contexts is held once. */
  private readonly strings = new StringPool();

  /** Given what the kept contexts may weigh, in characters of JSON (at least 1). */
  constructor(budget: number = READER_CONTEXT_BUDGET) {
    this.entries = new LRUCache<string, ReaderContext>({
      maxSize: Math.max(1, budget),
      sizeCalculation: (context) => Math.max(1, JSON.stringify(context).length),
    });
  }

  /**
   * Given the version a statement just read, drops every context when it differs from the one they
   * were read at.
   */
  observe(version: GraphVersion): void {
    if (version === this.version) return;
    this.clear();
    this.version = version;
  }

  /** Drops every context (the bench's cold requests). */
  clear(): void {
    this.entries.clear();
    this.strings.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Given the graph, the version the candidates were read at, ids and the expansion bounds, returns the
   * context of every id that names a node: from the cache when kept at this version, the others read in
   * one statement (and kept when the graph is still at this version).
   */
  async lookup(graph: Graph, version: GraphVersion, ids: readonly string[], bounds: ExpansionBounds): Promise<ContextLookup> {
    this.observe(version);
    const contexts = new Map<string, ReaderContext>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const kept = version === null ? undefined : this.entries.get(id);
      if (kept) contexts.set(id, kept);
      else missing.push(id);
    }
    const hits = contexts.size;
    if (missing.length > 0) {
      const rows = await graph.read(READER_CONTEXT_CYPHER, {
        ids: missing,
        maxAnchors: bounds.maxAnchors,
        scanCap: bounds.scanCap,
      });
      for (const row of decodeRows('readerContext', rows, decodeContextRow)) {
        const kept = row.version !== null && row.version === this.version;
        contexts.set(row.context.id, kept ? this.strings.intern(row.context) : row.context);
        if (kept) this.entries.set(row.context.id, row.context);
      }
    }
    return { contexts, hits, read: missing.length };
  }
}

const caches = new WeakMap<Graph, ReaderContextCache>();

/** Given a graph, returns the context cache of its process (one per Graph object). */
export function readerContextCacheOf(graph: Graph): ReaderContextCache {
  let cache = caches.get(graph);
  if (!cache) {
    cache = new ReaderContextCache();
    caches.set(graph, cache);
  }
  return cache;
}
