/**
 * `npx tsx bench/profileMovement.ts [--size L] [--national 6] [--provincial 14]`: where movementImpact
 * spends its time on a synthetic graph. Starts the size's bench database (loaded by
 * `npm run synthetic:load`), picks movements as the bench does (national `syn-n`, provincial `syn-p`),
 * and for each times the statement, the decoding and the summary in this process, for the bench's
 * period and for no period. A developer's tool, not a target.
 *
 * `node --expose-gc --import tsx bench/profileMovement.ts --size L --memory [--national 3]`: what a base
 * weighs on the heap instead (after a full collection each time): the statement's text, the parsed
 * JSON, the row readImpactRow makes of it, and the answer for the bench's period kept alone.
 *
 * `npx tsx bench/profileMovement.ts --size L --bases [--worker]`: this process's resident memory
 * while kept bases answer the movements for the bench's period, twice over (read, then kept), the
 * bases read and derived in this process or, with --worker, in the movement base worker as the
 * API does (src/server/movementBaseWorker.ts).
 */
import { decode, object, string } from '../src/neo4j/decode';
import { decodeAnalysisNode, type AnalysisNode } from '../src/analytics/shared/figures';
import {
  MOVEMENT_IMPACT_CYPHER,
  readImpactRow,
  summariseImpact,
  type MovementImpactRow,
} from '../src/analytics/movement/movementImpact';
import { restrictImpactRow } from '../src/analytics/movement/restrictImpactRow';
import { MovementImpactBases } from '../src/analytics/movement/movementImpactBases';
import { childProcessBaseWork, type MovementBaseWorker } from '../src/server/movementBaseWorker';
import { isDeepStrictEqual } from 'node:util';
import { createGraph, type Graph } from '../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';
import { benchDatabase, readMarker, stopJvmOnExit } from './synthetic/benchDatabase';
import { SIZE_NAMES, type SizeName } from './synthetic/profiles';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

const decodeAnswer = object<{ movement: AnalysisNode; impact: string }>({ movement: decodeAnalysisNode, impact: string });

async function main(): Promise<void> {
  const size = option('size', 'S') as SizeName;
  if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  const db = benchDatabase(size);
  if (!readMarker(db)) throw new Error(`bench/data/${size} is not loaded: npm run synthetic:load -- --size ${size}`);
  const server = await startEmbeddedNeo4j({ ...db, log: () => undefined });
  stopJvmOnExit(server.pid);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 120_000 });
  try {
    const ids: string[] = [];
    for (const [prefix, n] of [
      ['movement:syn-n', Number(option('national', '6'))],
      ['movement:syn-p', Number(option('provincial', '14'))],
    ] as const) {
      const rows = await graph.read(
        `MATCH (x:Movement) WHERE x.id STARTS WITH $prefix WITH x ORDER BY x.id
         WITH collect(x.id) AS pool WITH pool, size(pool) AS total
         UNWIND range(1, toInteger($n)) AS i RETURN pool[(i * 7919) % total] AS id`,
        { prefix, n },
      );
      ids.push(...rows.map((r) => String(r.id)));
    }
    if (process.argv.includes('--memory')) {
      await weighBases(graph, ids);
      return;
    }
    if (process.argv.includes('--bases')) {
      const connection = { mode: 'external' as const, uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j' };
      await keepBases(
        graph,
        ids,
        process.argv.includes('--worker') ? childProcessBaseWork(connection, { execArgv: ['--import', 'tsx'] }) : undefined,
      );
      return;
    }
    const periods = [
      { name: 'bench period', from: '2019-01-01', to: '2025-12-31' },
      { name: 'no period', from: null, to: null },
    ];
    for (const period of periods) {
      for (const id of ids) {
        const sizes = await graph.read(
          `MATCH (m:Movement {id: $id})
           RETURN COUNT { (:Award)-[:UNDER_MOVEMENT]->(m) } AS awards, COUNT { ()-[:EXEMPLAR_OF]->(m) } AS heldUp,
                  COUNT { (:Event)-[:UNDER_MOVEMENT]->(m) } AS events`,
          { id },
        );
        const t0 = performance.now();
        const rows = await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: period.from, to: period.to });
        const t1 = performance.now();
        const answer = decode('movementImpact', rows[0], decodeAnswer);
        const row = readImpactRow(answer.movement, answer.impact);
        const t2 = performance.now();
        const impact = summariseImpact(row, { from: period.from, to: period.to, replicationWindowDays: 365 });
        const t3 = performance.now();
        const s = sizes[0]!;
        console.log(
          `${period.name.padEnd(12)} ${id.padEnd(28)} awards ${String(s.awards).padStart(6)} heldUp ${String(s.heldUp).padStart(6)} events ${String(s.events).padStart(5)} | ` +
            `statement ${(t1 - t0).toFixed(0).padStart(6)} ms, JSON ${(answer.impact.length / 1e6).toFixed(2)} MB, decode ${(t2 - t1).toFixed(0).padStart(4)} ms, summary ${(t3 - t2).toFixed(0).padStart(5)} ms | ` +
            `exemplars ${impact.exemplars.all.count}, stories ${impact.stories.all.count}, places ${impact.places.then.length}/${impact.places.now.length}, replication ${impact.replication.length}`,
        );
      }
    }
    const bench = periods[0]!;
    for (const id of ids) {
      const whole = decode(
        'movementImpact',
        (await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: null, to: null }))[0],
        decodeAnswer,
      );
      const wholeRow = readImpactRow(whole.movement, whole.impact);
      const live = decode(
        'movementImpact',
        (await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: bench.from, to: bench.to }))[0],
        decodeAnswer,
      );
      const period = { from: bench.from, to: bench.to, replicationWindowDays: 365 };
      const t0 = performance.now();
      const fromWhole = summariseImpact(restrictImpactRow(wholeRow, bench.from, bench.to), period);
      const t1 = performance.now();
      const fromLive = summariseImpact(readImpactRow(live.movement, live.impact), period);
      console.log(
        `${id.padEnd(28)} restricted + summary ${(t1 - t0).toFixed(0).padStart(5)} ms; equal to the live answer: ${isDeepStrictEqual(fromWhole, fromLive)}`,
      );
    }
  } finally {
    await graph.close();
    await server.stop();
  }
}

/** Heap in use in MB after two full collections (needs node --expose-gc). */
function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--memory needs node --expose-gc --import tsx bench/profileMovement.ts …');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Heap in use while the parsed JSON of a text is held (the parse alone, before readImpactRow). */
function weighParsed(text: string): number {
  const parsed: unknown = JSON.parse(text);
  const mb = heapMb();
  if (parsed === undefined) throw new Error('unreachable: JSON.parse never returns undefined');
  return mb;
}

/** Prints what each movement's base weighs on the heap at each step of a base read (movementImpactBases.ts). */
async function weighBases(graph: Graph, ids: readonly string[]): Promise<void> {
  const period = { from: '2019-01-01', to: '2025-12-31', replicationWindowDays: 365 };
  for (const id of ids) {
    const before = heapMb();
    let answer: { movement: AnalysisNode; impact: string } | null = decode(
      'movementImpact',
      (await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: null, to: null }))[0],
      decodeAnswer,
    );
    const text = heapMb();
    const parsedMb = weighParsed(answer.impact) - text;
    let row: MovementImpactRow | null = readImpactRow(answer.movement, answer.impact);
    const rowMb = heapMb() - text;
    const chars = answer.impact.length;
    const kept = summariseImpact(restrictImpactRow(row, period.from, period.to), period);
    row = null;
    answer = null;
    const keptMb = heapMb() - before;
    console.log(
      `${id.padEnd(28)} ${(chars / 1e6).toFixed(1).padStart(5)} M characters: text ${(text - before).toFixed(0).padStart(4)} MB, ` +
        `parsed ${parsedMb.toFixed(0).padStart(4)} MB, row ${rowMb.toFixed(0).padStart(4)} MB; ` +
        `the answer for ${period.from}..${period.to} alone ${keptMb.toFixed(0).padStart(4)} MB (${kept.exemplars.all.count} exemplars)`,
    );
  }
}

async function keepBases(graph: Graph, ids: readonly string[], worker: MovementBaseWorker | undefined): Promise<void> {
  const period = { from: '2019-01-01', to: '2025-12-31', replicationWindowDays: 365 };
  const bases = new MovementImpactBases(summariseImpact, undefined, worker);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0).padStart(4);
  try {
    for (const pass of ['read', 'kept']) {
      for (const id of ids) {
        const t0 = performance.now();
        const answer = await bases.answerFor(graph, id, period);
        const usage = process.memoryUsage();
        console.log(
          `${pass} ${id.padEnd(28)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms, ${String(answer?.exemplars.all.count ?? 0).padStart(6)} exemplars: ` +
            `rss ${mb(usage.rss)} MB, heap ${mb(usage.heapUsed)} MB, external ${mb(usage.external)} MB; ${bases.size} bases kept, ${bases.reads} read`,
        );
      }
    }
  } finally {
    worker?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
