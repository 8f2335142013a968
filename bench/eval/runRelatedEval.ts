import { performance } from 'node:perf_hooks';
import { loadSeeds } from '../../src/importer/loadSeeds';
import { migrate } from '../../src/migrations/migrate';
import type { Graph } from '../../src/neo4j/createGraph';
import { startBenchApi } from '../harness/benchApi';
import { openEvalDatabase } from './evalDatabase';
import type { JudgmentSet } from './relatedJudgments';
import { EVAL_LIMIT, evaluateOperation, type OperationEvaluation, type SourceAnswer } from './relatedTargets';

/** The fields a widget or a reader asks for; the ids are what the evaluation scores. */
const RELATED_STORIES = `query RelatedStories($id: ID!, $limit: Int) {
  relatedStories(id: $id, limit: $limit) { id title publishedPeriod score reasons { node { id kind name } link relationship why } }
}`;
const RELATED_EXEMPLARS = `query RelatedExemplars($id: ID!, $limit: Int) {
  relatedExemplars(id: $id, limit: $limit) { id kind name score reasons { node { id kind name } relation contribution why } }
}`;

export interface RequestTimings {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

export interface RelatedEvalRun {
  readonly database: string;
  readonly data: { readonly nodes: number; readonly relationships: number };
  readonly stories: OperationEvaluation;
  readonly exemplars: OperationEvaluation;
  readonly timings: {
    readonly startDatabaseMs: number;
    readonly migrateAndSeedMs: number;
    readonly startApiMs: number;
    readonly relatedStories: RequestTimings;
    readonly relatedExemplars: RequestTimings;
    readonly totalMs: number;
  };
}

interface GraphQLAnswer {
  data?: Record<string, { id: string }[] | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function post(url: string, query: string, id: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { id, limit: EVAL_LIMIT } }),
  });
}

/**
 * Asks the API one operation per source, in turn, through HTTP as a client would; returns the
 * answers and their timings. One untimed request first, so the timings leave out the first query's
 * planning and the JIT warm-up.
 */
async function askEach(
  url: string,
  document: string,
  field: string,
  ids: readonly string[],
): Promise<{ answers: Map<string, SourceAnswer>; timings: RequestTimings }> {
  const query = document;
  const answers = new Map<string, SourceAnswer>();
  let totalMs = 0;
  let maxMs = 0;
  if (ids[0] !== undefined) await (await post(url, query, ids[0])).arrayBuffer();
  for (const id of ids) {
    const started = performance.now();
    const response = await post(url, query, id);
    const body = (await response.json()) as GraphQLAnswer;
    const ms = performance.now() - started;
    totalMs += ms;
    maxMs = Math.max(maxMs, ms);
    const list = body.data?.[field];
    const error = body.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    answers.set(id, {
      ranked: (list ?? []).map((item) => item.id),
      ...(error || !list ? { error: error ?? `HTTP ${response.status}` } : {}),
    });
  }
  return { answers, timings: { count: ids.length, totalMs, maxMs } };
}

/** Given entity ids, returns for each the ids of the stories that FEATURE it, as the graph holds them. */
async function storiesFeaturing(graph: Graph, ids: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows = await graph.read(
    'UNWIND $ids AS id OPTIONAL MATCH (s:Story)-[:FEATURES]->(:Entity {id: id}) RETURN id, collect(s.id) AS stories',
    { ids },
  );
  return new Map(rows.map((row) => [row.id as string, new Set(row.stories as string[])]));
}

/**
 * Given a judgment set, starts its own database (see openEvalDatabase), migrates it, loads the
 * real seeds, starts the real API over it, asks relatedStories and relatedExemplars (limit 10)
 * for every judged source through HTTP, scores the answers and stops everything it started.
 */
export async function runRelatedEval(set: JudgmentSet, log: (line: string) => void): Promise<RelatedEvalRun> {
  const began = performance.now();
  const db = await openEvalDatabase(process.env, log);
  const startDatabaseMs = performance.now() - began;
  try {
    const seeding = performance.now();
    await migrate(db.graph);
    await loadSeeds(db.graph, undefined, { progress: false });
    const migrateAndSeedMs = performance.now() - seeding;
    const [nodes] = await db.graph.read('MATCH (n:Entity) RETURN count(n) AS n');
    const [relationships] = await db.graph.read('MATCH ()-[r]->() RETURN count(r) AS n');

    const apiStarting = performance.now();
    const api = await startBenchApi(db.graph);
    const startApiMs = performance.now() - apiStarting;
    try {
      const storySources = set.relatedStories.map((s) => s.id);
      const stories = await askEach(api.url, RELATED_STORIES, 'relatedStories', storySources);
      const exemplars = await askEach(
        api.url,
        RELATED_EXEMPLARS,
        'relatedExemplars',
        set.relatedExemplars.map((s) => s.id),
      );
      const featuring = await storiesFeaturing(db.graph, storySources);
      return {
        database: db.description,
        data: { nodes: Number(nodes?.n ?? 0), relationships: Number(relationships?.n ?? 0) },
        stories: evaluateOperation(set.relatedStories, stories.answers, featuring),
        exemplars: evaluateOperation(set.relatedExemplars, exemplars.answers),
        timings: {
          startDatabaseMs,
          migrateAndSeedMs,
          startApiMs,
          relatedStories: stories.timings,
          relatedExemplars: exemplars.timings,
          totalMs: performance.now() - began,
        },
      };
    } finally {
      await api.close();
    }
  } finally {
    await db.close();
  }
}
