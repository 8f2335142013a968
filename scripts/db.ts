import { loadConfig } from '../src/config';
import { createGraph } from '../src/neo4j/createGraph';
import { freePort } from '../src/neo4j/embedded/freePort';
import { dumpDatabase, loadDatabase, Neo4jAdminError } from '../src/neo4j/embedded/neo4jAdmin';
import { configuredPortHint } from '../src/neo4j/embedded/portInUseError';
import { ensureJars, findJava } from '../src/neo4j/embedded/resolveRuntime';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';

const USAGE = 'usage: tsx scripts/db.ts install | start | dump <file> | load <file>';

/**
 * `npm run db:install`: checks Java 17 and resolves the Neo4j jars through Maven.
 * `npm run db:start`: runs the embedded Neo4j in the foreground until SIGTERM or SIGINT.
 * `npm run db:dump -- <file>`: writes a dump of the embedded database (NEO4J_DATA_DIR) to the file.
 * `npm run db:load -- <file>`: replaces the embedded database with the dump, then starts it once
 * on a free port to check that it opens, and prints its counts.
 * Neo4j Community dumps and loads a stopped database only: both refuse while `npm start` (or
 * db:start) runs on that folder, and say so.
 */
async function main(command: string | undefined, file: string | undefined): Promise<void> {
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
  if ((command === 'dump' || command === 'load') && file) {
    ensureJars(db.home);
    try {
      if (command === 'dump') {
        const started = Date.now();
        const bytes = await dumpDatabase(db, file);
        console.log(`Dumped ${db.dataDir} to ${file} (${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
        return;
      }
      const started = Date.now();
      await loadDatabase(db, file);
      console.log(`Loaded ${file} into ${db.dataDir} in ${Date.now() - started} ms; starting it once to check it opens…`);
    } catch (error) {
      if (error instanceof Neo4jAdminError && error.inUse) {
        throw new Error(
          `The database in ${db.dataDir} is running. Neo4j Community dumps and loads a stopped database only: stop npm start (or db:start) first, then run this again.\n${error.message}`,
        );
      }
      throw error;
    }
    const server = await startEmbeddedNeo4j({ ...db, boltPort: await freePort(), log: () => undefined });
    const graph = createGraph({
      uri: server.uri,
      user: 'neo4j',
      password: 'unused',
      database: db.database,
      queryTimeoutMs: 600_000,
    });
    try {
      const [nodes] = await graph.read('MATCH (n) RETURN count(n) AS n');
      const [relationships] = await graph.read('MATCH ()-[r]->() RETURN count(r) AS n');
      console.log(`It opens: ${String(nodes?.n)} nodes, ${String(relationships?.n)} relationships.`);
    } finally {
      await graph.close();
      await server.stop();
    }
    return;
  }
  throw new Error(USAGE);
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
