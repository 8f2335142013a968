/**
 * `npx tsx bench/profileRelated.ts [--size S] [--sources 40] [--limit 10]`: where relatedStories spends
 * its time on a synthetic graph. Starts the size's bench database (loaded by `npm run synthetic:load`),
 * picks sources as the bench does (stories, people, events; seeded), times one request per source, then
 * times the candidates statement with and without each reader path's expansion, then PROFILEs the
 * slowest and prints its costliest operators by db hits. A developer's tool, not a target.
 */
import {
  RELATED_STORIES_CYPHER,
  relatedStoriesFor,
  LINK_WEIGHTS,
  NEUTRAL_RECENCY,
  RECENCY_HALF_LIFE_YEARS,
  READER_PATH_POOL,
} from '../src/analytics/related/relatedStories';
import { DEFAULT_BOUNDS, OVERFETCH } from '../src/analytics/related/relatedScore';
import { readerContextCacheOf, READER_CONTEXT_CYPHER } from '../src/analytics/related/readerContextCache';
import { migrate } from '../src/migrations/migrate';
import { createGraph, type Graph } from '../src/neo4j/createGraph';
import { toNeo4jParams } from '../src/neo4j/values';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';
import { benchDatabase, readMarker, stopJvmOnExit } from './synthetic/benchDatabase';
import { SIZE_NAMES, type SizeName } from './synthetic/profiles';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function flatten(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.children) flatten(child, out);
  return out;
}

function printProfile(what: string, plan: PlanNode | PlanNode[]): void {
  const nodes = Array.isArray(plan) ? plan : flatten(plan);
  const total = nodes.reduce((sum, n) => sum + n.dbHits, 0);
  console.log(`PROFILE ${what}: ${total} db hits`);
  for (const n of [...nodes].sort((a, b) => b.dbHits - a.dbHits).slice(0, Number(option('operators', '8')))) {
    const details = (typeof n.arguments.Details === 'string' ? n.arguments.Details : '').replace(/\s+/g, ' ').slice(0, 200);
    console.log(`  ${String(n.dbHits).padStart(9)} hits ${String(n.rows).padStart(7)} rows  ${n.operatorType}  ${details}`);
  }
}

/**
 * What each reader path costs the candidates statement: the statement as it is, then without the
 * place-hierarchy candidates, without the similar-exemplar candidates, and without both (each
 * expansion given no start), timed in turn over every source for five rounds; p50 and mean wall time.
 */
async function timePaths(graph: Graph, ids: readonly string[], limit: number, today: string): Promise<void> {
  const withoutPlaces = RELATED_STORIES_CYPHER.replace('UNWIND basePlaces AS p', 'UNWIND [] AS p');
  const withoutExemplars = RELATED_STORIES_CYPHER.replace('UNWIND people AS p', 'UNWIND [] AS p');
  const variants: [string, string][] = [
    ['all paths', RELATED_STORIES_CYPHER],
    ['without the place hierarchy', withoutPlaces],
    ['without similar exemplars', withoutExemplars],
    ['without either', withoutPlaces.replace('UNWIND people AS p', 'UNWIND [] AS p')],
  ];
  if (variants.some(([, cypher], i) => i > 0 && cypher === RELATED_STORIES_CYPHER)) {
    throw new Error('relatedStories.cypher no longer has the expansions timePaths takes out: update bench/profileRelated.ts');
  }
  const params = {
    weights: LINK_WEIGHTS,
    today,
    neutralRecency: NEUTRAL_RECENCY,
    halfLifeYears: RECENCY_HALF_LIFE_YEARS,
    fetch: Math.max(limit * OVERFETCH, READER_PATH_POOL),
    ...DEFAULT_BOUNDS,
  };
  const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (const [, cypher] of variants) for (const id of ids.slice(0, 5)) await graph.read(cypher, { ids: [id], ...params });
  for (let round = 0; round < 5; round++) {
    for (const [name, cypher] of variants) {
      for (const id of ids) {
        const started = performance.now();
        await graph.read(cypher, { ids: [id], ...params });
        times.get(name)!.push(performance.now() - started);
      }
    }
  }
  console.log(`the candidates statement by reader path (${ids.length} sources × 5 rounds, interleaved):`);
  for (const [name, ms] of times) {
    ms.sort((a, b) => a - b);
    const mean = ms.reduce((sum, t) => sum + t, 0) / ms.length;
    console.log(`  ${name.padEnd(28)} p50 ${(ms[Math.floor(ms.length / 2)] ?? NaN).toFixed(1)} ms, mean ${mean.toFixed(1)} ms`);
  }
}

async function main(): Promise<void> {
  const size = option('size', 'S') as SizeName;
  if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  const count = Number(option('sources', '40'));
  const limit = Number(option('limit', '10'));
  const db = benchDatabase(size);
  if (!readMarker(db)) throw new Error(`bench/data/${size} is not loaded: npm run synthetic:load -- --size ${size}`);
  const server = await startEmbeddedNeo4j({ ...db, log: () => undefined });
  stopJvmOnExit(server.pid);
  const base = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 120_000 });
  // The time spent waiting on the database, to tell it from the time spent ranking in this process.
  let readMillis = 0;
  const graph: Graph = {
    ...base,
    async read(cypher, params) {
      const started = performance.now();
      try {
        return await base.read(cypher, params);
      } finally {
        readMillis += performance.now() - started;
      }
    },
  };
  try {
    // As the API does at start: the revision clock gets its epoch, so contexts can be kept.
    await migrate(graph);
    const ids: string[] = [];
    for (const [label, prefix, n] of [
      ['Story', 'story:', count / 2],
      ['Person', 'person:', count / 4],
      ['Event', 'event:', count / 4],
    ] as const) {
      const rows = await graph.read(
        `MATCH (x:${label}) WHERE x.id STARTS WITH $prefix WITH x ORDER BY x.id
         WITH collect(x.id) AS pool WITH pool, size(pool) AS total
         UNWIND range(1, toInteger($n)) AS i RETURN pool[(i * 7919) % total] AS id`,
        { prefix, n },
      );
      ids.push(...rows.map((r) => String(r.id)));
    }
    const today = '2026-12-01';
    const cache = readerContextCacheOf(graph);
    // Warm the page cache and the plan cache.
    for (const id of ids.slice(0, 5)) await relatedStoriesFor(graph, id, limit, { today });
    async function pass(name: string, cold: boolean): Promise<string> {
      const times: { id: string; ms: number; n: number }[] = [];
      readMillis = 0;
      const passStarted = performance.now();
      for (const id of ids) {
        if (cold) cache.clear();
        const started = performance.now();
        const stories = await relatedStoriesFor(graph, id, limit, { today });
        times.push({ id, ms: performance.now() - started, n: stories.length });
      }
      const sorted = [...times].sort((a, b) => a.ms - b.ms);
      const q = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.ms ?? NaN).toFixed(1);
      const total = performance.now() - passStarted;
      console.log(
        `${name}: ${ids.length} sources, p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(0.999)} ms; ` +
          `${((readMillis / total) * 100).toFixed(0)} % waiting on the database, ${((total - readMillis) / ids.length).toFixed(1)} ms per request in this process`,
      );
      for (const t of sorted.slice(-3)) console.log(`  ${t.id}: ${t.ms.toFixed(1)} ms, ${t.n} stories`);
      return sorted[sorted.length - 1]?.id ?? ids[0] ?? '';
    }
    console.log(`size ${size}`);
    const given = option('profile', '');
    const slowest = given !== '' ? given : await pass('cold (contexts read every time)', true);
    if (given === '') {
      await pass('first pass with the context cache', false);
      await pass('second pass (contexts kept)', false);
    }
    console.log(`contexts kept: ${cache.size}`);
    await timePaths(graph, ids, limit, today);
    const statementTimes: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      await graph.read(RELATED_STORIES_CYPHER, {
        ids: [id],
        weights: LINK_WEIGHTS,
        today,
        neutralRecency: NEUTRAL_RECENCY,
        halfLifeYears: RECENCY_HALF_LIFE_YEARS,
        fetch: Math.max(limit * OVERFETCH, READER_PATH_POOL),
        ...DEFAULT_BOUNDS,
      });
      statementTimes.push(performance.now() - started);
    }
    statementTimes.sort((a, b) => a - b);
    console.log(
      `the candidates statement alone: p50 ${(statementTimes[Math.floor(statementTimes.length / 2)] ?? NaN).toFixed(1)} ms`,
    );
    const session = graph.driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
    try {
      // Every source's plan, db hits summed per operator: where a typical request goes, not only the slowest.
      const summed = new Map<string, PlanNode>();
      for (const id of ids) {
        const profiled = await session.run(
          `PROFILE ${RELATED_STORIES_CYPHER}`,
          toNeo4jParams({
            ids: [id],
            weights: LINK_WEIGHTS,
            today,
            neutralRecency: NEUTRAL_RECENCY,
            halfLifeYears: RECENCY_HALF_LIFE_YEARS,
            fetch: Math.max(limit * OVERFETCH, READER_PATH_POOL),
            ...DEFAULT_BOUNDS,
          }),
        );
        for (const n of flatten(profiled.summary.profile as unknown as PlanNode)) {
          const key = `${n.operatorType} ${typeof n.arguments.Details === 'string' ? n.arguments.Details : ''}`;
          const kept = summed.get(key);
          if (kept) {
            kept.dbHits += n.dbHits / ids.length;
            kept.rows += n.rows / ids.length;
          } else summed.set(key, { ...n, dbHits: n.dbHits / ids.length, rows: n.rows / ids.length, children: [] });
        }
      }
      printProfile(
        `candidates, mean over ${ids.length} sources`,
        [...summed.values()].map((n) => ({ ...n, dbHits: Math.round(n.dbHits), rows: Math.round(n.rows) })),
      );
      const candidates = await session.run(
        `PROFILE ${RELATED_STORIES_CYPHER}`,
        toNeo4jParams({
          ids: [slowest],
          weights: LINK_WEIGHTS,
          today,
          neutralRecency: NEUTRAL_RECENCY,
          halfLifeYears: RECENCY_HALF_LIFE_YEARS,
          fetch: Math.max(limit * OVERFETCH, READER_PATH_POOL),
          ...DEFAULT_BOUNDS,
        }),
      );
      printProfile(`candidates of ${slowest}`, candidates.summary.profile as unknown as PlanNode);
      const storyIds = (candidates.records[0]?.get('candidates') as { id: string }[] | null)?.map((c) => c.id) ?? [];
      const contexts = await session.run(
        `PROFILE ${READER_CONTEXT_CYPHER}`,
        toNeo4jParams({ ids: [slowest, ...storyIds], maxAnchors: DEFAULT_BOUNDS.maxAnchors, scanCap: DEFAULT_BOUNDS.scanCap }),
      );
      printProfile(
        `reader contexts of ${slowest} and its ${storyIds.length} candidates`,
        contexts.summary.profile as unknown as PlanNode,
      );
    } finally {
      await session.close();
    }
  } finally {
    await base.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
