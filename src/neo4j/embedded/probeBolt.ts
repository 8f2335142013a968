import path from 'node:path';
import neo4j from 'neo4j-driver';

/** What answers on a Bolt address: nothing (or nothing that speaks Bolt in time), or a Neo4j with its data folder. */
export type BoltProbe = { readonly answers: false } | { readonly answers: true; readonly dataDir: string };

const NOTHING: BoltProbe = { answers: false };

/**
 * Given a Bolt URI of an auth-less server, returns whether a Neo4j answers there and which data
 * folder it serves, so a starter can tell its own server from another that took the port. Gives
 * up after timeoutMs: a listener that accepts the connection but never speaks Bolt would
 * otherwise hold the driver's handshake forever.
 */
export async function probeBolt(uri: string, timeoutMs = 5_000): Promise<BoltProbe> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'unused'), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => undefined },
  });
  // An auto-commit query: executeQuery would retry a refused connection for 30 s.
  const session = driver.session({ database: 'neo4j' });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<BoltProbe>((resolve) => {
    timer = setTimeout(() => resolve(NOTHING), timeoutMs);
  });
  const ask = async (): Promise<BoltProbe> => {
    try {
      const result = await session.run("SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value");
      const value = result.records[0]?.get('value') as unknown;
      return { answers: true, dataDir: typeof value === 'string' ? path.resolve(value) : '' };
    } catch {
      return NOTHING;
    }
  };
  try {
    return await Promise.race([ask(), timeout]);
  } finally {
    clearTimeout(timer);
    // Not awaited when the handshake hangs: closing the driver destroys its socket either way.
    void session.close().catch(() => undefined);
    await Promise.race([driver.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  }
}
