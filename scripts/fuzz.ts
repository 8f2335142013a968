import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createNeo4jGraphQL } from '../src/graphql/createNeo4jGraphQL';
import { loadSeeds } from '../src/importer/loadSeeds';
import { createLogger } from '../src/logging/createLogger';
import { migrate } from '../src/migrations/migrate';
import { createGraph } from '../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';
import { createApp } from '../src/server/createApp';
import { createReadiness } from '../src/server/readiness';
import { warmUpPlans } from '../src/server/warmUpPlans';
import { printedSchema } from '../tests/fuzz/printedSchema';
import { runFuzz } from '../tests/fuzz/runFuzz';

/**
 * `npm run fuzz -- [--count N] [--seed S] [--concurrency C]`: starts its own embedded Neo4j (a
 * fresh folder, a free port) with the seeds and its own API in production mode, sends N generated
 * requests (tests/fuzz: documents and variables from the schema, broken documents, malformed
 * HTTP) and prints the answers by HTTP status and by error code, and every violation (HTTP 5xx,
 * INTERNAL_SERVER_ERROR, a stack trace, a suggestion). Exits 1 on any violation.
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

async function main(): Promise<void> {
  const count = option('count', 1_000);
  const seed = option('seed', 1);
  const concurrency = option('concurrency', 4);
  const embedded = loadConfig({ ...process.env, NEO4J_URI: '' }).database;
  if (embedded.mode !== 'embedded') throw new Error('unreachable');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-fuzz-'));
  const server = await startEmbeddedNeo4j({
    ...embedded,
    dataDir,
    boltPort: undefined,
    pageCache: '256m',
    log: (line) => console.log(line),
  });
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 10_000 });
  const unexpected: string[] = [];
  try {
    await migrate(graph.withTimeout(600_000));
    await loadSeeds(graph.withTimeout(600_000), undefined, { progress: false });
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      HEAVY_QUEUE: '1000',
      HEAVY_QUEUE_TIMEOUT_MS: '60000',
    });
    // Unexpected errors are logged once each: count them beside the answers.
    const logger = createLogger({
      level: 'error',
      destination: { write: (line: string) => void unexpected.push(line) },
    });
    const schema = await createNeo4jGraphQL({ driver: graph.driver, jwtSecret: config.jwtSecret }).getSchema();
    const { httpServer, apollo } = await createApp({ config, graph, schema, readiness: createReadiness(graph), logger });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    // As npm start does once it listens.
    await warmUpPlans(graph, logger);
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    console.log(`Fuzzing ${url} (production) with ${count} requests, seed ${seed}, ${concurrency} at a time…`);
    try {
      const report = await runFuzz(url, printedSchema(), { count, seed, concurrency, production: true });
      console.log(`\n${report.total} requests in ${(report.millis / 1000).toFixed(1)} s`);
      console.log('\nHTTP status  requests');
      for (const [status, n] of Object.entries(report.byStatus).sort()) console.log(`${status.padEnd(11)}  ${n}`);
      console.log('\nfirst error code            requests');
      for (const [code, n] of Object.entries(report.byCode).sort((a, b) => b[1] - a[1])) console.log(`${code.padEnd(26)}  ${n}`);
      console.log(`\nviolations: ${report.violations.length}; unexpected errors logged by the server: ${unexpected.length}`);
      for (const v of report.violations.slice(0, 25)) {
        console.log(`\n[${v.rule}] ${v.what} → ${v.status}\n  ${v.request}\n  ${v.excerpt}`);
      }
      for (const line of unexpected.slice(0, 5)) console.log(`\nlogged: ${line.slice(0, 600)}`);
      if (report.violations.length > 0) process.exitCode = 1;
    } finally {
      await apollo.stop();
    }
  } finally {
    await graph.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
