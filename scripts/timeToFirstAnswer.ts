import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/neo4j/embedded/freePort';
import { isAlive, portIsFree, processTree } from '../tests/support/processTree';

/**
 * `npx tsx scripts/timeToFirstAnswer.ts [--data-dir DIR] [--settle SECONDS]`: runs `npm start`
 * itself, on a free API port and a free Bolt port, in a fresh data folder (or DIR, kept, to time a
 * start on an already seeded database), and times it to the first answered GraphQL query. Then it
 * waits for the start-up work to settle (the cube build), prints the idle RSS of each process of
 * the tree (npm, the API, Neo4j), sends SIGTERM to the npm process itself and checks that every
 * process of the tree is gone and both ports are free. It measures only what it started.
 * Cold start: run it in a fresh clone (dist/ absent: the build is part of the time).
 */
interface Options {
  readonly dataDir: string | undefined;
  readonly settleSeconds: number;
}

function parseOptions(argv: readonly string[]): Options {
  let dataDir: string | undefined;
  let settleSeconds = 20;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') dataDir = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--settle') settleSeconds = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}; usage: timeToFirstAnswer [--data-dir DIR] [--settle SECONDS]`);
  }
  return { dataDir, settleSeconds };
}

function role(args: string): string {
  if (args.includes('java')) return 'Neo4j (JVM)';
  if (args.includes('scripts/start.js')) return 'API (node dist/main.js)';
  if (args.includes('dashboardCube')) return 'cube job (child)';
  if (args.includes('npm')) return 'npm';
  return args.slice(0, 60);
}

async function firstAnswer(port: number, child: { exitCode: number | null }, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode} before answering`);
    if (Date.now() > deadline) throw new Error('no answer within 15 minutes');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ events(where: { id: { eq: "event:pai-lung-sinkhole-rescue-2023" } }) { name } }' }),
      });
      const body = (await response.json()) as { data?: { events?: unknown[] } };
      if (body.data?.events?.length === 1) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = path.resolve(__dirname, '..');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-first-answer-'));
  const apiPort = await freePort();
  const boltPort = await freePort();
  const built = fs.existsSync(path.join(root, 'dist', '.built'));
  const seeded = fs.existsSync(path.join(dataDir, 'data', 'databases', 'neo4j'));
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(apiPort),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_URI: '',
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const npmPid = child.pid!;
  try {
    await firstAnswer(apiPort, child, started + 15 * 60_000);
    const firstMs = Date.now() - started;
    console.log(
      `first answer after ${firstMs} ms (dist/ ${built ? 'already built' : 'built by npm start'}, database ${seeded ? 'already seeded' : 'fresh: seeded by npm start'})`,
    );
    const ready = /"msg":"(GraphQL ready[^"]*)"/.exec(output)?.[1];
    if (ready) console.log(`the API says: ${ready}`);
    // Idle: after the start-up cube build, with no request in flight.
    const settleDeadline = Date.now() + 300_000;
    while (!/Dashboard cube (built|build failed)/.test(output) && !/cube.*(built|rebuilt)/i.test(output)) {
      if (Date.now() > settleDeadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, options.settleSeconds * 1000));
    const tree = processTree(npmPid);
    for (const p of tree) console.log(`idle RSS ${role(p.args)}: ${p.rssMb} MB (pid ${p.pid})`);

    const stopAt = Date.now();
    process.kill(npmPid, 'SIGTERM');
    const pids = tree.map((p) => p.pid);
    const stopDeadline = Date.now() + 120_000;
    while (pids.some(isAlive) && Date.now() < stopDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const survivors = pids.filter(isAlive);
    console.log(
      `SIGTERM to npm (pid ${npmPid}): ${survivors.length === 0 ? 'every process of the tree exited' : `still alive: ${survivors.join(', ')}`} after ${Date.now() - stopAt} ms; ` +
        `API port ${(await portIsFree(apiPort)) ? 'free' : 'HELD'}, Bolt port ${(await portIsFree(boltPort)) ? 'free' : 'HELD'}`,
    );
    if (survivors.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error(output.split('\n').slice(-30).join('\n'));
    for (const p of processTree(npmPid)) process.kill(p.pid, 'SIGKILL');
    throw error;
  } finally {
    if (options.dataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
