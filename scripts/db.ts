import { loadConfig } from '../src/config';
import { configuredPortHint } from '../src/neo4j/embedded/portInUseError';
import { ensureJars, findJava } from '../src/neo4j/embedded/resolveRuntime';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';

/**
 * `npm run db:install`: checks Java 17 and resolves the Neo4j jars through Maven.
 * `npm run db:start`: runs the embedded Neo4j in the foreground until SIGTERM or SIGINT.
 */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  if (config.database.mode !== 'embedded') throw new Error('NEO4J_URI is set: there is no embedded database to manage');
  const db = config.database;
  if (command === 'install') {
    console.log(`Java: ${findJava(db.javaHome)}`);
    console.log(ensureJars(db.home) ? 'Jars resolved.' : 'Jars already resolved for this pom.xml.');
    return;
  }
  if (command === 'start') {
    const server = await startEmbeddedNeo4j({ ...db, portInUseHint: configuredPortHint(db.boltPort) });
    const stop = () => void server.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  throw new Error('usage: tsx scripts/db.ts install|start');
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
