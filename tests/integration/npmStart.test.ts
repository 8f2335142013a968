import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { createGraph } from '../../src/neo4j/createGraph';
import { freePort } from '../../src/neo4j/embedded/freePort';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { graphFingerprint, type GraphFingerprint } from '../../src/neo4j/graphFingerprint';
import { embeddedDefaults } from '../support/embeddedDefaults';
import { isAlive, portIsFree, processTree, type TreeProcess } from '../support/processTree';
import { createTestDataDir, removeTestDataDir } from '../support/testDataDir';
import { waitFor } from '../support/waitFor';

/**
 * `npm start` as an operator runs it, and what an operator does to it (issue 10, items 4 and
 * backups): it serves (compiled, one Node process beside npm and the JVM); SIGTERM to the npm
 * process itself drains it (readiness 503, a request in flight still answered) and stops the whole
 * tree, Neo4j included, leaving no process and no port behind; then the restore drill: the
 * database it left is dumped (`npm run db:dump`), loaded into a fresh folder (`npm run db:load`)
 * and compared, counts and content hash. One `npm start` serves both: each costs a JVM start.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ORIGINAL = createTestDataDir('npm-start');
const RESTORED = createTestDataDir('restored');
const DUMP = path.join(ORIGINAL, 'backup', 'neo4j.dump');
const run = promisify(execFile);

let npm: ChildProcess;
let apiPort: number;
let boltPort: number;
let output = '';
let tree: TreeProcess[] = [];
let before: GraphFingerprint;

beforeAll(async () => {
  apiPort = await freePort();
  boltPort = await freePort();
  npm = spawn('npm', ['start'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'npm-start-test-secret-long-enough-for-hs256',
      PORT: String(apiPort),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: ORIGINAL,
      NEO4J_URI: '',
      NEO4J_PAGECACHE: '256m',
      NEO4J_START_TIMEOUT_MS: '600000',
      LOG_LEVEL: 'info',
      SHUTDOWN_DELAY_MS: '3000',
    },
  });
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 30_000);

afterAll(() => {
  // Whatever happened above, nothing this file started may outlive it: killed by the pids seen
  // while it ran too, since an orphan is no longer under npm.
  const pids = new Set([...tree, ...processTree(npm.pid!)].map((p) => p.pid));
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  removeTestDataDir(ORIGINAL);
  removeTestDataDir(RESTORED);
}, 60_000);

async function graphql(query: string): Promise<{ status: number; body: { data?: Record<string, unknown> } }> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> } };
}

/** Sends the headers and the first bytes of a request, and the rest when asked; resolves with the raw response. */
function slowRequest(body: string) {
  const socket = net.connect(apiPort, '127.0.0.1');
  let raw = '';
  socket.on('data', (chunk: Buffer) => (raw += chunk.toString()));
  const answered = new Promise<string>((resolve, reject) => {
    socket.once('close', () => resolve(raw));
    socket.once('error', reject);
  });
  const cut = 10;
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, cut)}`,
  );
  return { finish: () => socket.write(body.slice(cut)), answered };
}

describe('npm start', () => {
  it('serves the seeded graph from one compiled Node process', async () => {
    await waitFor(
      async () => {
        if (npm.exitCode !== null) throw new Error(`npm start exited ${npm.exitCode}:\n${output.slice(-3000)}`);
        const { body } = await graphql('{ events(where: { id: { eq: "event:pai-lung-sinkhole-rescue-2023" } }) { name } }');
        return (body.data?.events as unknown[] | undefined)?.length === 1;
      },
      { what: 'npm start to answer (build, JVM start, seeding)', timeoutMs: 480_000, intervalMs: 500 },
    );
    // Seeding an empty graph builds the dashboard cube too: no cube job is left running at start-up.
    expect(output).toMatch(/Seeded \d+ nodes/);
    tree = processTree(npm.pid!);
    const api = tree.filter((p) => p.args.includes('scripts/start.js'));
    expect(api).toHaveLength(1);
    // Compiled: no tsx anywhere in the tree, and the API is the process npm's shell became (exec).
    expect(tree.some((p) => /tsx/.test(p.args))).toBe(false);
    expect(api[0]!.ppid).toBe(npm.pid);
    expect(tree.some((p) => p.args.includes('CommunityEntryPoint'))).toBe(true);

    const graph = createGraph({
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: 'neo4j',
      password: 'unused',
      database: 'neo4j',
      queryTimeoutMs: 60_000,
    });
    try {
      before = await graphFingerprint(graph);
    } finally {
      await graph.close();
    }
    expect(before.nodes).toBeGreaterThan(100);
  }, 720_000);

  it('stops the whole tree on SIGTERM to npm itself: 503 while draining, the request in flight answered, no process or port left', async () => {
    expect(tree.length).toBeGreaterThanOrEqual(3);
    const inFlight = slowRequest(JSON.stringify({ query: '{ places(where: { id: { eq: "place:viet-nam" } }) { id } }' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(npm.pid!, 'SIGTERM');
    await waitFor(
      async () => {
        const response = await fetch(`http://127.0.0.1:${apiPort}/readyz`);
        return response.status === 503 && ((await response.json()) as { status: string }).status === 'draining';
      },
      { what: '/readyz to say draining', timeoutMs: 2_500, intervalMs: 100 },
    );
    inFlight.finish();
    const raw = await inFlight.answered;
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw).toContain('"place:viet-nam"');

    const stopped = Date.now();
    // npm's own exit is seen through its 'exit' event, which can come a moment after its pid is gone.
    await waitFor(() => tree.every((p) => !isAlive(p.pid)) && (npm.exitCode ?? npm.signalCode) !== null, {
      what: 'every process of the tree to exit, npm reaped',
      timeoutMs: 120_000,
    });
    expect(await portIsFree(apiPort)).toBe(true);
    expect(await portIsFree(boltPort)).toBe(true);
    expect(output).toMatch(/SIGTERM: not ready any more/);
    expect(output).toMatch(/stopped in \d+ ms/);
    process.stdout.write(
      `\n[drill] SIGTERM to npm start: ${tree.length} processes gone ${Date.now() - stopped} ms after the drain\n`,
    );
  }, 180_000);

  it('leaves a database that npm run db:dump and db:load restore elsewhere with identical counts and content (and refuse a running one)', async () => {
    // A busy machine can take minutes to start a JVM: db:load's check start gets ten.
    const env = { ...process.env, NEO4J_URI: '', NEO4J_PAGECACHE: '256m', NEO4J_START_TIMEOUT_MS: '600000' };
    await run('npm', ['run', 'db:dump', '--', DUMP], { cwd: ROOT, env: { ...env, NEO4J_DATA_DIR: ORIGINAL } });
    expect(fs.statSync(DUMP).size).toBeGreaterThan(0);
    const load = await run('npm', ['run', 'db:load', '--', DUMP], { cwd: ROOT, env: { ...env, NEO4J_DATA_DIR: RESTORED } });
    expect(load.stdout).toContain(`It opens: ${before.nodes} nodes, ${before.relationships} relationships.`);

    const server = await startEmbeddedNeo4j({ ...embeddedDefaults(), dataDir: RESTORED, log: () => undefined });
    const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 60_000 });
    try {
      const after = await graphFingerprint(graph);
      expect(after).toEqual(before);
      process.stdout.write(
        `\n[drill] restore: ${after.nodes} nodes, ${after.relationships} relationships, content ${after.hash.slice(0, 16)}… identical\n`,
      );
      // Neo4j Community dumps a stopped database only: while it runs, the command refuses and says what to do.
      await expect(
        run('npm', ['run', 'db:dump', '--', path.join(RESTORED, 'refused.dump')], {
          cwd: ROOT,
          env: { ...env, NEO4J_DATA_DIR: RESTORED },
        }),
      ).rejects.toMatchObject({ stderr: expect.stringContaining('is running') as unknown });
    } finally {
      await graph.close();
      await server.stop();
    }
  }, 600_000);
});
