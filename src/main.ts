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
import { childProcessCubeBuilder } from './server/cubeRefresh';
import { createReadiness } from './server/readiness';

/**
 * `npm start`: ensures the database (embedded unless NEO4J_URI), migrates, seeds an empty graph,
 * and serves GraphQL until SIGTERM or SIGINT, then drains and stops cleanly.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const log = (line: string) => logger.info(line);
  const db = await openDatabase(config, { log });
  // From here on a failure must not leave the embedded JVM running without us.
  process.once('exit', () => {
    try {
      if (db.embedded?.pid !== undefined) process.kill(db.embedded.pid, 'SIGTERM');
    } catch {
      // Already stopped by the clean shutdown path.
    }
  });
  await migrate(db.graph);
  if (config.seedOnEmpty && (await isGraphEmpty(db.graph))) {
    const report = await loadSeeds(db.graph);
    log(`Seeded ${report.nodes} nodes and ${report.relationships} relationships in ${report.millis} ms`);
  }
  const neo = createNeo4jGraphQL({ driver: db.graph.driver, jwtSecret: config.jwtSecret });
  const schema = await neo.getSchema();
  await neo.checkNeo4jCompat();
  await neo.assertIndexesAndConstraints();
  if (config.jwtSecret === undefined) log('JWT_SECRET is not set: reads work, every mutation is refused.');

  const readiness = createReadiness(db.graph);
  const cubeBuilder = childProcessCubeBuilder(config.database);
  const { httpServer, apollo } = await createApp({ config, graph: db.graph, schema, readiness, cubeBuilder, logger });
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  log(`GraphQL ready at http://localhost:${config.port}/graphql (${Date.now() - started} ms after start)`);
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
    .then((report) => {
      if (report.indexed + report.removed > 0) {
        log(`Name index: ${report.indexed} entities keyed, ${report.removed} removed in ${report.millis} ms`);
      }
    })
    .catch((error: unknown) =>
      logger.error({ err: error }, 'Name index refresh failed; ingestion finds only names already indexed'),
    );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests and stopping`);
    readiness.beginShutdown();
    await apollo.stop();
    await db.close();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedSetupError) console.error(`[exemplar-graph] ${error.message}`);
  else console.error('[exemplar-graph] failed to start:', error);
  process.exit(1);
});
