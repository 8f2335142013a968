import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { createNeo4jGraphQL } from '../../src/graphql/createNeo4jGraphQL';
import { createLogger } from '../../src/logging/createLogger';
import type { Graph } from '../../src/neo4j/createGraph';
import { createApp } from '../../src/server/createApp';
import { createReadiness } from '../../src/server/readiness';

export interface BenchApi {
  readonly url: string;
  readonly schema: GraphQLSchema;
  /** The API's last unexpected error (masked in its answers), in one line: why an operation failed. */
  lastError(): string | undefined;
  close(): Promise<void>;
}

function oneLine(detail: unknown): string {
  const error = detail as { code?: unknown; message?: unknown } | undefined;
  const message = typeof error?.message === 'string' ? error.message : typeof detail === 'string' ? detail : 'unknown error';
  return `${typeof error?.code === 'string' ? `${error.code}: ` : ''}${message}`.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * Given a graph, starts the real API (the one Neo4jGraphQL schema, Apollo Server on Express, as
 * main.ts builds it, in production mode: errors masked, no introspection) in this process on an
 * ephemeral loopback port, and returns its URL and schema.
 */
export async function startBenchApi(graph: Graph): Promise<BenchApi> {
  let lastError: string | undefined;
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: '0',
    SEED_ON_EMPTY: 'false',
    // One load generator is one client: the per-client rate limit (a policy, not a capacity) would
    // answer 429 after the first 1,200 requests of a minute. The heavy-analytics limiter stays as
    // in production.
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const schema = await createNeo4jGraphQL({ driver: graph.driver, jwtSecret: config.jwtSecret }).getSchema();
  const { httpServer, apollo } = await createApp({
    config,
    graph,
    schema,
    readiness: createReadiness(graph),
    // Errors only: a line per request would weigh on what is measured. Each line is JSON (createLogger).
    logger: createLogger({
      level: 'error',
      destination: {
        write(line: string) {
          const entry = JSON.parse(line) as { msg?: string; err?: unknown };
          lastError = oneLine(entry.err ?? entry.msg);
          console.error(`[api] ${entry.msg ?? 'error'}: ${lastError}`);
        },
      },
    }),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    schema,
    lastError: () => lastError,
    close: () => apollo.stop(),
  };
}
