import os from 'node:os';
import { parseArgs } from 'node:util';
import { dashboardCubeState } from '../src/analytics/dashboard/cubeState';
import { applyRevisionsToCube } from '../src/jobs/dashboardCube/applyEditsToCube';
import { buildDashboardCube } from '../src/jobs/dashboardCube/buildDashboardCube';
import { refreshCubeFields } from '../src/jobs/dashboardCube/refreshCubeFields';
import { migrate } from '../src/migrations/migrate';
import { createGraph } from '../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';
import { revisionsSince } from '../src/writes/revisionsSince';
import { benchDatabase, stopJvmOnExit } from '../bench/synthetic/benchDatabase';
import type { SizeName } from '../bench/synthetic/profiles';

/**
 * How long the dashboard cube takes to follow one edit, cell by cell (issue 12, item 2: within
 * 5 s), on a loaded bench database (npm run synthetic:load first): the largest (hub) field and a
 * small one recomputed whole, and one story written through the write triggers and applied from
 * its revisions as the API applies an editor's edit. Usage: npm run bench:cube -- --size M
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'M' },
      rounds: { type: 'string', default: '3' },
      // Only the edit, not the two fields recomputed whole.
      edit: { type: 'boolean', default: false },
    },
  });
  const size = values.size as SizeName;
  const rounds = Number(values.rounds);
  const db = benchDatabase(size);
  const server = await startEmbeddedNeo4j({ ...db, startTimeoutMs: 600_000, log: (line) => console.log(`[bench:cube] ${line}`) });
  stopJvmOnExit(server.pid);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 600_000 });
  try {
    await migrate(graph);
    if ((await dashboardCubeState(graph)).stale || !(await dashboardCubeState(graph)).built) {
      const report = await buildDashboardCube(graph);
      console.log(`built the cube: ${report.cells} cells in ${report.millis} ms`);
    }
    const fields = await graph.read(
      `MATCH (f:Field) RETURN f.id AS id, COUNT { (f)<-[:ACTIVE_IN]-() } AS exemplars,
              COLLECT { MATCH (f)-[:PART_OF*1..4]->(b:Field) RETURN b.id } AS broader ORDER BY exemplars DESC`,
    );
    const hub = fields[0]!;
    const leaf = fields.filter((f) => Number(f.exemplars) > 0).at(-1)!;
    const time = async (what: string, work: () => Promise<unknown>) => {
      const ms: number[] = [];
      let last: unknown;
      for (let i = 0; i < rounds; i += 1) {
        const start = Date.now();
        last = await work();
        ms.push(Date.now() - start);
      }
      console.log(`${what}: ${ms.join(', ')} ms (${JSON.stringify(last)})`);
    };
    for (const f of values.edit ? [] : [hub, leaf]) {
      const scope = [String(f.id), ...(f.broader as string[])];
      await time(`recompute ${String(f.id)} (${String(f.exemplars)} exemplars) with its broader fields`, () =>
        refreshCubeFields(graph, scope),
      );
    }
    // One editor's edit: a story about an event of a leaf field, written through the triggers.
    const [event] = await graph.read(
      `MATCH (:Field {id: $field})<-[:ACTIVE_IN]-()-[:TOOK_PART_IN]->(e:Event) RETURN e.id AS id LIMIT 1`,
      { field: leaf.id },
    );
    // A run stopped half-way may have left its story: remove it first (an edit the cube follows too).
    await graph.write(
      'MATCH (s:Story {id: $id}) DETACH DELETE s',
      { id: 'story:bench-cube-update' },
      { actor: 'bench', operation: 'bench:cube-update' },
    );
    const [clock] = await graph.read(`OPTIONAL MATCH (c:RevisionClock) RETURN coalesce(max(c.tx), 0) AS tx`);
    const since = Number(clock?.tx ?? 0);
    const id = 'story:bench-cube-update';
    await graph.write(
      `MATCH (e:Event {id: $event})
       CREATE (s:Entity:Story {id: $id, name: 'Bài đo', title: 'Bài đo', channel: 'NEWS', publishedPeriod: '2024-05',
                               sources: ['https://example.invalid/bench'], confidence: 'UNVERIFIED'})
       CREATE (s)-[:FEATURES {sources: ['https://example.invalid/bench'], confidence: 'UNVERIFIED'}]->(e)`,
      { event: event?.id, id },
      { actor: 'bench', operation: 'bench:cube-update' },
    );
    const { revisions } = await revisionsSince(graph, since);
    await time(`apply one edit (a story about ${String(event?.id)}, ${revisions.length} revisions)`, () =>
      applyRevisionsToCube(graph, revisions),
    );
    await graph.write('MATCH (s:Story {id: $id}) DETACH DELETE s', { id }, { actor: 'bench', operation: 'bench:cube-update' });
    // The deletion is an edit too: the cube follows it back.
    console.log(`undone: ${JSON.stringify(await applyRevisionsToCube(graph, (await revisionsSince(graph, since)).revisions))}`);
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await graph.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
