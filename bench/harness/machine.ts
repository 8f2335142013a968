import os from 'node:os';
import type { Graph } from '../../src/neo4j/createGraph';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly neo4j: string;
  readonly neo4jHeap: string;
  readonly neo4jPageCache: string;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  readonly loadAverage: number;
}

/** Given the graph and the bench server's memory settings, describes the machine the numbers came from. */
export async function describeMachine(graph: Graph, memory: { heap: string; pageCache: string }): Promise<Machine> {
  const [component] = await graph.read(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
  );
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    neo4j:
      [component?.name, component?.version, component?.edition].filter((part) => typeof part === 'string').join(' ') ||
      'Neo4j (unknown version)',
    neo4jHeap: memory.heap,
    neo4jPageCache: memory.pageCache,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/**
 * Given a graph, returns its node and relationship counts and nodes per label (count-store reads,
 * instant). Nodes are the domain's (Entity): the dashboard cube's cells are not data.
 */
export async function describeData(
  graph: Graph,
  labels: readonly string[],
): Promise<{ nodes: number; relationships: number; labels: Record<string, number> }> {
  const [nodes] = await graph.read('MATCH (n:Entity) RETURN count(n) AS n');
  const [relationships] = await graph.read('MATCH ()-[r]->() RETURN count(r) AS n');
  const perLabel: Record<string, number> = {};
  for (const label of labels) {
    const [row] = await graph.read(`MATCH (n:${label}) RETURN count(n) AS n`);
    perLabel[label] = Number(row?.n ?? 0);
  }
  return { nodes: Number(nodes?.n ?? 0), relationships: Number(relationships?.n ?? 0), labels: perLabel };
}
