import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { createFormatError } from '../errors/formatError';
import { createLogger, type Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';
import { createContext, type Context } from './context';
import { errorLoggingPlugin } from './errorLogging';
import { cubeRefreshPlugin, inProcessCubeBuilder, type CubeBuilder } from './cubeRefresh';
import type { Readiness } from './readiness';
import { requestScope, scopeOf } from './requestScope';
import { createExportRoutes } from '../web/createExportRoutes';
import { createWebRoutes } from '../web/createWebRoutes';
import { widgetStories } from '../web/widgetStories';

export interface AppDependencies {
  readonly config: Config;
  readonly graph: Graph;
  readonly schema: GraphQLSchema;
  readonly readiness: Readiness;
  /** The process logger; one at config.logLevel on stdout unless given. */
  readonly logger?: Logger;
  /** How the dashboard cube is rebuilt after an edit; in this process unless given (main.ts uses a child process). */
  readonly cubeBuilder?: CubeBuilder;
}

export interface App {
  readonly app: express.Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
}

/** Limits every operation is checked against before it runs (OWASP GraphQL cheat sheet). */
const armor = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 3_000 },
  costLimit: { maxCost: 20_000 },
  blockFieldSuggestion: { enabled: true },
});

/**
 * Given its dependencies, returns the Express app with /graphql (Apollo Server 5), /livez,
 * /readyz, the related-stories widget and the analyst pages mounted on an http.Server that is not yet listening; nothing connects or listens here.
 */
export async function createApp(deps: AppDependencies): Promise<App> {
  const { config, graph, schema, readiness } = deps;
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const maskUnexpected = config.env !== 'development';
  const app = express();
  app.disable('x-powered-by');
  // First, so every response carries x-request-id and every log line of the request its id.
  app.use(requestScope(logger));
  const httpServer = http.createServer(app);
  const production = config.env === 'production';
  const protection = armor.protect();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    // main.ts owns SIGTERM/SIGINT: it flips readiness first, then stops Apollo, then the database.
    stopOnTerminationSignals: false,
    ...protection,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      errorLoggingPlugin(),
      cubeRefreshPlugin(graph, deps.cubeBuilder ?? inProcessCubeBuilder(graph), logger),
      production ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
    validationRules: [...protection.validationRules],
    formatError: createFormatError({ maskUnexpected }),
    includeStacktraceInErrorResponses: config.env === 'development',
  });
  await apollo.start();

  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await readiness.check();
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'unavailable', ...report.checks });
  });
  app.use(createWebRoutes({ corsOrigins: config.corsOrigins, relatedStories: widgetStories(graph), maskUnexpected }));
  app.use(createExportRoutes({ graph, maskUnexpected }));
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false }),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        Promise.resolve(createContext(graph, scopeOf(res), req.headers.authorization, config.queryTimeoutMs)),
    }),
  );
  return { app, httpServer, apollo };
}
