import { dashboardCubeState } from './analytics/dashboard/cubeState';
import { loadConfig, ConfigError } from './config';
import { createNeo4jGraphQL } from './graphql/createNeo4jGraphQL';
import { createLogger } from './logging/createLogger';
import { isGraphEmpty, loadSeeds } from './importer/loadSeeds';
import { migrate } from './migrations/migrate';
import { openDatabase } from './neo4j/openDatabase';
import { EmbeddedSetupError } from './neo4j/embedded/resolveRuntime';
import { refreshNameKeys } from './ingestion/graph/refreshNameKeys';
import { createApp } from './server/createApp';
import { childProcessCubeBuilder, stopCubeJobs } from './server/cubeRefresh';
import { childProcessBaseWork } from './server/movementBaseWorker';
import { useMovementBaseWork } from './analytics/movement/movementImpact';
import { createReadiness } from './server/readiness';
import { createShutdown } from './server/shutdown';
import { warmUpPlans } from './server/warmUpPlans';

/** Migrations and seeding at start-up run past QUERY_TIMEOUT_MS: a busy machine may take a minute. */
const SETUP_TIMEOUT_MS = 600_000;

/**
 * `npm start` (compiled: dist/main.js, see scripts/start.js): ensures the database (embedded and
 * supervised unless NEO4J_URI), migrates, seeds an empty graph, and serves GraphQL until SIGTERM
 * or SIGINT, then drains and stops cleanly (server/shutdown.ts).
 */
async function main(): Promise<void> {
  const started = Date.now();
  // How long each start-up step took, said once in the ready line (the time to first answer is an operator's figure).
  const steps: string[] = [];
  let stepStarted = started;
  const step = (name: string) => {
    steps.push(`${name} ${Date.now() - stepStarted} ms`);
    stepStarted = Date.now();
  };
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const log = (line: string) => logger.info(line);
  // A signal while Neo4j starts is kept and acted on once it is up (its pid is known only then).
  let early: string | undefined;
  const keep = (signal: string) => (early = signal);
  process.on('SIGTERM', keep).on('SIGINT', keep);
  // The GraphQL schema is built while Neo4j starts (its own process): it needs no database, and
  // the two were a third of the time to first answer one after the other. Requests get the driver
  // through their context (server/context.ts).
  const neo = createNeo4jGraphQL({ jwtSecret: config.jwtSecret });
  const schemaBuilt = neo.getSchema();
  // Awaited below; a failure meanwhile must not count as unhandled.
  schemaBuilt.catch(() => undefined);
  // After the supervisor restarts Neo4j, its plan cache is empty again: warm it as at start.
  const restarted: { warm?: () => void } = {};
  const db = await openDatabase(config, {
    log,
    supervision: { onStateChange: (state) => state === 'running' && restarted.warm?.() },
  });
  process.off('SIGTERM', keep).off('SIGINT', keep);
  step('database');
  // From here on a failure must not leave the embedded JVM running without us.
  process.once('exit', () => {
    try {
      const pid = db.embedded?.pid();
      if (pid !== undefined) process.kill(pid, 'SIGTERM');
    } catch {
      // Already stopped by the clean shutdown path.
    }
  });
  const readiness = createReadiness(db.graph, { logger });
  // Signals are handled from here on, also during migrations and seeding: a SIGTERM then stops Neo4j too.
  const serving: { apollo?: { stop(): Promise<void> } } = {};
  // Movement bases are read and their answers derived in a child process (hundreds of MB for a national movement at L).
  const movementBases = childProcessBaseWork(config.database);
  useMovementBaseWork(db.graph, movementBases);
  const shutdown = createShutdown({
    readiness,
    delayMs: config.shutdown.delayMs,
    stopServing: async () => {
      // A cube build (hundreds of MB, a minute at national scale) is not waited for: it is rebuilt at the next start.
      stopCubeJobs();
      movementBases.stop();
      await serving.apollo?.stop();
    },
    closeDatabase: () => db.close(),
    forceStop: () => {
      const pid = db.embedded?.pid();
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    },
    // The delay, the drain, and a minute for Neo4j to shut down.
    deadlineMs: config.shutdown.delayMs + config.shutdown.graceMs + 60_000,
    logger,
    exit: (code) => process.exit(code),
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (early !== undefined) {
    await shutdown(early);
    return;
  }

  const setup = db.graph.withTimeout(SETUP_TIMEOUT_MS);
  const { writes } = await migrate(setup, { log });
  step('migrations');
  if (!writes.active) {
    logger.warn(
      { reason: writes.reason },
      `Writes are refused: this database does not validate and record them (${writes.reason}). Reads work.`,
    );
  }
  if (config.seedOnEmpty && writes.active && (await isGraphEmpty(setup))) {
    const report = await loadSeeds(setup);
    log(`Seeded ${report.nodes} nodes and ${report.relationships} relationships in ${report.millis} ms`);
    step('seeding');
  }
  const schema = await schemaBuilt;
  const target = { driver: db.graph.driver, sessionConfig: { database: db.graph.database } };
  await neo.checkNeo4jCompat(target);
  await neo.assertIndexesAndConstraints(target);
  step('schema');
  if (config.jwtSecret === undefined && config.jwtJwksUrl === undefined) {
    log('Neither JWT_SECRET nor JWT_JWKS_URL is set: reads work, every mutation is refused.');
  }

  const cubeBuilder = childProcessCubeBuilder(config.database);
  const { httpServer, apollo } = await createApp({
    config,
    graph: db.graph,
    schema,
    readiness,
    cubeBuilder,
    logger,
    writes,
    isLive: () => db.embedded?.state() !== 'failed',
  });
  serving.apollo = apollo;
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  step('app');
  log(
    `GraphQL ready at http://localhost:${config.port}/graphql (${Date.now() - started} ms after start: ${steps.join(', ')}; ${Math.round(process.uptime() * 1000 - (Date.now() - started))} ms loading modules before)`,
  );

  restarted.warm = () =>
    void warmUpPlans(db.graph, logger).then((ms) => log(`Query plans of the heavy analytics ready (${ms} ms)`));
  restarted.warm();
  const cube = await dashboardCubeState(db.graph);
  if (!cube.built || cube.stale) {
    log(
      `Dashboard cube ${cube.built ? 'stale' : 'missing'}: building it in the background; dashboards are answered live until it is ready.`,
    );
    cubeBuilder()
      .then((summary) => log(`Dashboard cube built: ${summary}`))
      .catch((error: unknown) => logger.error({ err: error }, 'Dashboard cube build failed (dashboards stay live)'));
  }

  // A database seeded before the name index existed, or edited by hand, gets its keys here (src/ingestion/graph).
  refreshNameKeys(db.graph)
    .then((report) =>
      log(
        report.indexed + report.removed > 0
          ? `Name index: ${report.indexed} entities keyed, ${report.removed} removed in ${report.millis} ms`
          : `Name index: up to date (checked in ${report.millis} ms)`,
      ),
    )
    .catch((error: unknown) =>
      logger.error({ err: error }, 'Name index refresh failed; ingestion finds only names already indexed'),
    );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedSetupError) console.error(`[exemplar-graph] ${error.message}`);
  else console.error('[exemplar-graph] failed to start:', error);
  process.exit(1);
});
