import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config';
import { createNeo4jGraphQL } from '../../src/graphql/createNeo4jGraphQL';
import type { Graph } from '../../src/neo4j/createGraph';
import { createApp } from '../../src/server/createApp';
import type { CubeBuilder, CubeMaintenance } from '../../src/server/cubeRefresh';
import { createReadiness } from '../../src/server/readiness';
import { testGraph } from './testDatabase';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApi {
  readonly url: string;
  readonly graph: Graph;
  /** POSTs a GraphQL operation and returns the HTTP status and parsed body. */
  graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** Signs an HS256 token with the given roles, as an identity provider would for an editor. */
export function signToken(roles: string[], secret = TEST_JWT_SECRET): Promise<string> {
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('test-editor')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

/**
 * Starts the real API (Apollo on Express) on an ephemeral loopback port over the given graph;
 * cubeBuilder replaces the in-process rebuild of the dashboard cube after a mutation.
 */
export async function startTestApi(
  options: {
    graph?: Graph;
    env?: NodeJS.ProcessEnv;
    cubeBuilder?: CubeBuilder;
    cubeMaintenance?: CubeMaintenance;
    isLive?: () => boolean;
  } = {},
): Promise<TestApi> {
  const graph = options.graph ?? testGraph();
  // No rate limit and a long heavy-analytics queue unless a test asks: suites send many requests from one address, some at once.
  // A minute per query: the tests check answers, not timings, and a cold GDS projection took over
  // the 10 s default on a loaded machine.
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    QUERY_TIMEOUT_MS: '60000',
    HEAVY_QUEUE: '1000',
    HEAVY_QUEUE_TIMEOUT_MS: '60000',
    ...options.env,
  });
  const schema = await createNeo4jGraphQL({ driver: graph.driver, jwtSecret: config.jwtSecret }).getSchema();
  const { httpServer, apollo } = await createApp({
    config,
    graph,
    schema,
    readiness: createReadiness(graph),
    cubeBuilder: options.cubeBuilder,
    cubeMaintenance: options.cubeMaintenance,
    isLive: options.isLive,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graph,
    async graphql(query, variables = {}, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async close() {
      await apollo.stop();
      if (!options.graph) await graph.close();
    },
  };
}
