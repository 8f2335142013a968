import type { Graph } from '../../neo4j/createGraph';
import { array, decode, number, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { FINGERPRINT_SEPARATOR, NAMED_LABELS } from './nameKeys';
import { writeNameKeys } from './writeNameKeys';

const STALE = loadCypher(__dirname, 'staleNameKeys.cypher');
const ORPHANS = loadCypher(__dirname, 'orphanNameKeys.cypher');
const decodePage = object<{ last: string; size: number; stale: string[] }>({ last: string, size: number, stale: array(string) });

export interface RefreshReport {
  /** Entities whose keys were (re)written. */
  readonly indexed: number;
  /** Ids whose entity was gone, their keys removed. */
  readonly removed: number;
  readonly millis: number;
}

/** Walks pages of ids in order; for each page's stale ids, rewrites their keys in one transaction. */
async function walk(
  graph: Graph,
  statement: string,
  name: string,
  params: Record<string, unknown>,
  limit: number,
): Promise<number> {
  let after = '';
  let fixed = 0;
  for (;;) {
    const [row] = await graph.read(statement, { ...params, after, limit });
    const page = decode(name, row, decodePage);
    if (page.stale.length > 0) {
      await graph.writeTransaction((tx) => writeNameKeys(tx, page.stale));
      fixed += page.stale.length;
    }
    if (page.size < limit) return fixed;
    after = page.last;
  }
}

/**
 * Brings the name index in step with the graph in one pass: every entity whose keys are missing
 * or stale is re-keyed, and the keys of vanished entities are removed, a page of `batch` ids at a
 * time (one read and at most one write transaction per page). Write paths that know what they
 * wrote index it in their own transaction (the importer, ingestion's decisions); this sweep
 * catches the rest (generated mutations, reverts, a database seeded before the index existed).
 * It reads every entity, so it runs after writes in the background and at start-up, never per request.
 */
export async function refreshNameKeys(graph: Graph, options: { batch?: number } = {}): Promise<RefreshReport> {
  const started = Date.now();
  const limit = options.batch ?? 5_000;
  const indexed = await walk(graph, STALE, 'staleNameKeys', { separator: FINGERPRINT_SEPARATOR, labels: NAMED_LABELS }, limit);
  const removed = await walk(graph, ORPHANS, 'orphanNameKeys', {}, limit);
  return { indexed, removed, millis: Date.now() - started };
}
