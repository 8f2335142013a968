import { LRUCache } from 'lru-cache';
import { StringPool } from '../shared/strings';
import type { GraphVersion } from './readerContextCache';

/**
 * How much the kept answers of one process may weigh, in bytes, roughly (twice their JSON length):
 * an answer of ten stories with their reasons is about 10–20 kB, so some thousand sources.
 */
export const RELATED_ANSWERS_BUDGET = 16 * 2 ** 20;

/**
 * The related-stories answers one API process has computed, valid for one version of the graph.
 * A related-stories widget is read far more often than the graph changes (every view of an article
 * asks for the same entity), and an answer depends on a wide neighbourhood (places up the
 * hierarchy, similar exemplars, hubs), so the rule is the reader contexts' one (readerContextCache.ts):
 * any change of version (an edit, an import, a revert, a wiped database) drops every answer before
 * the next request is served, and an answer computed while the version moved on is used for its
 * request only. With no clock (GraphVersion null) nothing is kept.
 */
export class RelatedAnswerCache<A extends object> {
  private version: GraphVersion = null;
  private readonly entries: LRUCache<string, A>;
  /** The kept answers' strings: a story, its publisher and the reasons' nodes are held once across answers. */
  private readonly strings = new StringPool();
  /** Answers served from the cache and answers computed while it was asked: for the tests and the bench. */
  hits = 0;
  misses = 0;

  /** Given how much the answers may weigh in bytes (at least 1). */
  constructor(budget: number = RELATED_ANSWERS_BUDGET) {
    this.entries = new LRUCache<string, A>({
      maxSize: Math.max(1, budget),
      sizeCalculation: (answer) => Math.max(1, 2 * JSON.stringify(answer).length),
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Given the version the clock just read, drops every answer when it differs from the one they were computed at. */
  observe(version: GraphVersion): void {
    if (version === this.version) return;
    this.entries.clear();
    this.strings.clear();
    this.version = version;
  }

  /** Given a key, returns the answer kept for it at the observed version, or undefined. */
  get(key: string): A | undefined {
    const kept = this.version === null ? undefined : this.entries.get(key);
    if (kept === undefined) this.misses += 1;
    else this.hits += 1;
    return kept;
  }

  /** Given a key, the version its answer was computed at and the answer: keeps it when that is still the observed version. */
  set(key: string, version: GraphVersion, answer: A): void {
    if (version !== null && version === this.version) this.entries.set(key, this.strings.intern(answer));
  }
}
