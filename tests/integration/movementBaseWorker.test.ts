import {
  MOVEMENT_IMPACT_CYPHER,
  readImpactRow,
  summariseImpact,
  type MovementImpactPeriod,
} from '../../src/analytics/movement/movementImpact';
import { MovementImpactBases } from '../../src/analytics/movement/movementImpactBases';
import { DatabaseUnavailableError } from '../../src/errors/domainErrors';
import { decode, object, string } from '../../src/neo4j/decode';
import { decodeAnalysisNode, type AnalysisNode } from '../../src/analytics/shared/figures';
import { childProcessBaseWork, type MovementBaseWorker } from '../../src/server/movementBaseWorker';
import { testConnection, testGraph } from '../support/testDatabase';
import type { Graph } from '../../src/neo4j/createGraph';

/**
 * Issue 12, item 4 (peak RSS at L): the API reads movements' bases and derives their answers in a
 * child process (main.ts), so a national movement's transient row is never the API's. The rule must
 * not change with the process: every seeded movement over every period answers exactly as the
 * statement read live does, through the worker, and the API still reads each base once. A worker
 * that dies fails its requests as the database would (try again), and the next request starts
 * another; an idle worker is let go.
 */
const PERIODS: readonly (readonly [string | null, string | null])[] = [
  [null, null],
  ['2019-01-01', '2025-12-31'],
  ['2023-04-03', '2023-04-03'],
  ['2024-01-01', null],
  [null, '2020-12-31'],
  ['1990-01-01', '2000-12-31'],
];

const decodeAnswer = object<{ movement: AnalysisNode; impact: string }>({ movement: decodeAnalysisNode, impact: string });

let graph: Graph;
let worker: MovementBaseWorker;

/** The statement's own answer for the period, read live and summarised in this process: the rule. */
async function live(id: string, period: MovementImpactPeriod) {
  const rows = await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: period.from, to: period.to });
  const answer = decode('movementImpact', rows[0], decodeAnswer);
  return summariseImpact(readImpactRow(answer.movement, answer.impact), period);
}

/** Waits until the condition holds, checking every 50 ms, for at most the given time. */
async function eventually(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

beforeAll(() => {
  graph = testGraph();
  worker = childProcessBaseWork({ mode: 'external', ...testConnection() }, { execArgv: ['--import', 'tsx'], idleMs: 1_500 });
});
afterAll(async () => {
  worker.stop();
  await graph.close();
});

describe('movement bases read in a child process', () => {
  it('answers every seeded movement over every period exactly as the statement does, each base read once in the worker', async () => {
    const movements = (await graph.read('MATCH (m:Movement) RETURN m.id AS id ORDER BY id')).map((r) => String(r.id));
    expect(movements.length).toBeGreaterThan(3);
    const bases = new MovementImpactBases(summariseImpact, undefined, worker);
    for (const id of movements) {
      for (const [from, to] of PERIODS) {
        const period = { from, to, replicationWindowDays: 365 };
        const answer = await bases.answerFor(graph, id, period);
        expect(worker.pid).toBeDefined();
        expect({ id, period, answer }).toEqual({ id, period, answer: await live(id, period) });
      }
    }
    expect(bases.reads).toBe(movements.length);
    expect(bases.hits).toBe(movements.length * (PERIODS.length - 1));
    expect(await bases.answerFor(graph, 'movement:nobody', { from: null, to: null, replicationWindowDays: 365 })).toBeNull();
  });

  it('shares one derivation among requests asking the same period at once', async () => {
    const bases = new MovementImpactBases(summariseImpact, undefined, worker);
    const id = 'movement:thi-dua-yeu-nuoc-ha-giang';
    await bases.answerFor(graph, id, { from: null, to: null, replicationWindowDays: 365 });
    const period = { from: '2023-01-01', to: '2023-12-31', replicationWindowDays: 365 };
    const answers = await Promise.all([1, 2, 3].map(() => bases.answerFor(graph, id, period)));
    // One derivation: the very same answer object for the three.
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    expect(answers[0]).toEqual(await live(id, period));
  });

  it('lets an idle worker go, and starts another for the next request', async () => {
    const bases = new MovementImpactBases(summariseImpact, undefined, worker);
    const id = 'movement:thi-dua-yeu-nuoc-ha-giang';
    await bases.answerFor(graph, id, { from: null, to: null, replicationWindowDays: 365 });
    const first = worker.pid;
    expect(first).toBeDefined();
    expect(await eventually(() => worker.pid === undefined, 10_000)).toBe(true);
    const period = { from: '2024-01-01', to: null, replicationWindowDays: 365 };
    expect(await bases.answerFor(graph, id, period)).toEqual(await live(id, period));
    expect(worker.pid).toBeDefined();
    expect(worker.pid).not.toBe(first);
  });

  it('fails the requests of a worker that dies as the database would (try again), and answers the next', async () => {
    const bases = new MovementImpactBases(summariseImpact, undefined, worker);
    const id = 'movement:thi-dua-yeu-nuoc-ha-giang';
    // No worker runs; the request starts one and waits on it while it starts (about a second).
    expect(await eventually(() => worker.pid === undefined, 10_000)).toBe(true);
    const asked = bases.answerFor(graph, id, { from: '2020-01-01', to: null, replicationWindowDays: 365 });
    // Killed as soon as it runs: the request waiting on it fails, coded, and nothing is kept from it.
    expect(await eventually(() => worker.pid !== undefined, 10_000)).toBe(true);
    process.kill(worker.pid!, 'SIGKILL');
    await expect(asked).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(bases.size).toBe(0);
    const period = { from: '2020-01-01', to: null, replicationWindowDays: 365 };
    expect(await bases.answerFor(graph, id, period)).toEqual(await live(id, period));
    expect(bases.size).toBe(1);
  });
});
