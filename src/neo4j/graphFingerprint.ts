import { createHash } from 'node:crypto';
import type { Graph } from './createGraph';

/** A graph's size and a hash of its whole content: equal fingerprints, equal graphs (up to internal ids). */
export interface GraphFingerprint {
  readonly nodes: number;
  readonly relationships: number;
  /** SHA-256 over every node (labels and properties) and relationship (its ends' content, type, properties), in sorted order. */
  readonly hash: string;
}

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Given a graph, returns its fingerprint: node and relationship counts and a content hash that
 * ignores internal ids (a node is its sorted labels and properties; a relationship its ends'
 * content, its type and properties), for the restore drill (dump, load elsewhere, compare). Reads
 * the whole graph: meant for seed-sized graphs and drills, not for national scale.
 */
export async function graphFingerprint(graph: Graph): Promise<GraphFingerprint> {
  const nodeRows = await graph.read('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props');
  const keyOf = new Map<string, string>();
  const lines: string[] = [];
  for (const row of nodeRows) {
    const text = `node ${canonical([...(row.labels as string[])].sort())} ${canonical(row.props)}`;
    keyOf.set(row.id as string, sha256(text));
    lines.push(text);
  }
  const relationshipRows = await graph.read(
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS props',
  );
  for (const row of relationshipRows) {
    lines.push(`rel ${keyOf.get(row.a as string)} ${row.type as string} ${keyOf.get(row.b as string)} ${canonical(row.props)}`);
  }
  lines.sort();
  return { nodes: nodeRows.length, relationships: relationshipRows.length, hash: sha256(lines.join('\n')) };
}
