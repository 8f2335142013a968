import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { dashboardCubeState } from '../analytics/dashboard/cubeState';
import { RelatedAnswerCache } from '../analytics/related/relatedAnswerCache';
import type { RelatedStory } from '../analytics/related/relatedStories';
import { createTokenVerifier } from '../auth/createTokenVerifier';
import type { Config } from '../config';
import { createFormatError } from '../errors/formatError';
import { createLogger, type Logger } from '../logging/createLogger';
import { setStoredDataLogger } from '../logging/storedDataWarnings';
import type { Graph } from '../neo4j/createGraph';
import { createWebRoutes } from '../web/createWebRoutes';
import { recordWidgetEvents } from '../web/widgetCounts';
import { storyIdByUrl, widgetStories } from '../web/widgetStories';
import type { WriteAudit } from '../writes/installWriteTriggers';
import { writePathPlugin } from '../writes/writePathPlugin';
import { createContext, type Context } from './context';
import { cubeRefreshPlugin, inProcessCubeBuilder, type CubeBuilder, type CubeMaintenance } from './cubeRefresh';
import { errorLoggingPlugin } from './errorLogging';
import { graphqlErrorBody, httpErrorHandler, notFound } from './httpErrors';
import { asksForFreshAnswer } from './freshAnswer';
import { healthRoutes } from './healthRoutes';
import { createHeavyLimiter } from './heavyLimiter';
import { httpStatusPlugin } from './httpStatusPlugin';
import { argumentGuardPlugin } from './argumentGuard';
import { NoSubscriptionsRule } from './noSubscriptions';
import { TypenameOnlyRule } from './typenameOnlyRule';
import { identify, identityOf } from './identify';
import { createMetrics } from './metrics';
import { createClientLimiter, rateLimit } from './rateLimit';
import type { Readiness } from './readiness';
import { requestScope, scopeOf } from './requestScope';
import { loadTrustedDocuments, trustedDocumentsMiddleware, trustedDocumentsSettings } from './trustedDocuments';
import { nameKeysRefreshPlugin } from '../review/nameKeysRefreshPlugin';
import { createReconcileRoutes } from '../reconcile/createReconcileRoutes';
import { createExportRoutes } from '../web/createExportRoutes';

export interface AppDependencies {
  readonly config: Config;
  readonly graph: Graph;
  readonly schema: GraphQLSchema;
  readonly readiness: Readiness;
  /** The process logger; one at config.logLevel on stdout unless given. */
  readonly logger?: Logger;
  /** How the dashboard cube is rebuilt after an edit; in this process unless given (main.ts uses a child process). */
  readonly cubeBuilder?: CubeBuilder;
  /** How the dashboard cube follows edits: `incremental` unless given (cubeRefresh.ts). */
  readonly cubeMaintenance?: CubeMaintenance;
  /** Whether the database validates and records writes (the migrations' report); mutations are refused when it does not. Active unless given. */
  readonly writes?: WriteAudit;
  /** False once the process cannot recover by itself (its database supervisor gave up): /livez then fails. */
  readonly isLive?: () => boolean;
  /** Restarts of the embedded database so far, for /metrics. */
  readonly databaseRestarts?: () => number;
}

export interface App {
  readonly app: express.Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
}

/**
 * The largest JSON body /graphql reads; a larger one is refused with 413 before it is parsed.
 * ingestArticle carries an article's HTML page (at most 1,000,000 characters, src/review/articleInput.ts).
 */
const BODY_LIMIT = '2mb';

/** The most tokens a document may have; a longer one is refused as a syntax error (400) before it is parsed whole. */
const MAX_TOKENS = 3_000;

/** Limits every operation is checked against before it runs (OWASP GraphQL cheat sheet). */
const armor = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  // Counted by graphql-js's own parser instead (parseOptions below): armor's token counter parses
  // the document a second time and turns every syntax error into an HTTP 500.
  maxTokens: { enabled: false },
  costLimit: { maxCost: 20_000 },
  blockFieldSuggestion: { enabled: true },
});

/**
 * Given its dependencies, returns the Express app on an http.Server that is not yet listening
 * (nothing connects or listens here): /livez and /readyz; /metrics when METRICS_TOKEN is set;
 * the related-stories widget and the analyst pages; and /graphql (Apollo Server 5) behind, in
 * order, CORS, the caller's identity (JWT), the per-client rate limit, the JSON body, and the
 * trusted-documents gate. Unknown paths answer a JSON 404 and any failure a JSON error with its
 * code, never a stack trace.
 */
export async function createApp(deps: AppDependencies): Promise<App> {
  const { config, graph, schema, readiness } = deps;
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  // Bad stored data met while answering (a malformed period, a malformed row) is logged here, once.
  setStoredDataLogger(logger);
  const maskUnexpected = config.env !== 'development';
  const production = config.env === 'production';
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // First, so every response carries x-request-id and every log line of the request its id.
  app.use(requestScope(logger));
  const httpServer = http.createServer(app);
  const protection = armor.protect();

  // The limiter counts refusals in the metrics, which read the limiter's gauges: tied after both exist.
  const onShed: { count?: (what: string) => void } = {};
  const heavy = createHeavyLimiter(config.heavy, (what) => onShed.count?.(what));
  const relatedAnswers =
    config.relatedAnswersCacheMb > 0 ? new RelatedAnswerCache<RelatedStory[]>(config.relatedAnswersCacheMb * 2 ** 20) : undefined;
  const metrics = createMetrics({
    cubeState: () => dashboardCubeState(graph),
    heavy,
    databaseRestarts: deps.databaseRestarts ?? (() => 0),
  });
  onShed.count = (what) => metrics.shed(what);
  const documents = loadTrustedDocuments();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    // main.ts owns SIGTERM/SIGINT: it flips readiness first, then stops Apollo, then the database.
    stopOnTerminationSignals: false,
    // In `only` mode, Apollo's automatic persisted queries would let anyone register a document.
    ...(config.trustedDocuments === 'only' ? { persistedQueries: false as const } : {}),
    ...protection,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdown.graceMs }),
      errorLoggingPlugin(),
      writePathPlugin(deps.writes ?? { active: true }),
      metrics.plugin(),
      argumentGuardPlugin(schema),
      httpStatusPlugin(),
      cubeRefreshPlugin(graph, deps.cubeBuilder ?? inProcessCubeBuilder(graph), logger, 1_000, deps.cubeMaintenance),
      nameKeysRefreshPlugin(graph, logger),
      // Production serves no landing page: the default one loads Apollo's page from a CDN.
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
    validationRules: [...protection.validationRules, NoSubscriptionsRule, TypenameOnlyRule],
    formatError: createFormatError({ maskUnexpected, maskSuggestions: production }),
    includeStacktraceInErrorResponses: config.env === 'development',
  });
  await apollo.start();

  app.use(healthRoutes(readiness, deps.isLive ?? (() => true)));
  if (config.metricsToken !== undefined) app.get('/metrics', metrics.route(config.metricsToken));
  app.get('/graphql-documents.json', trustedDocumentsSettings(documents, config.trustedDocuments));

  const limited = () => metrics.limited();
  const clients = createClientLimiter(config.rateLimit);
  // The widget's read and its counts share the client's count with /graphql.
  app.use(
    ['/widget/related-stories', '/widget/events'],
    rateLimit(
      clients,
      config.rateLimit.key,
      (res, error) => res.json({ code: error.code, message: error.message, ...error.details, requestId: scopeOf(res).requestId }),
      limited,
    ),
  );
  app.use(
    createWebRoutes({
      corsOrigins: config.corsOrigins,
      relatedStories: widgetStories(graph, relatedAnswers),
      storyIdByUrl: storyIdByUrl(graph),
      recordEvents: (batch) => recordWidgetEvents(graph, batch),
      maskUnexpected,
    }),
  );
  app.use(createReconcileRoutes({ graph, maskUnexpected }));
  app.use(createExportRoutes({ graph, maskUnexpected }));

  const verifyToken = createTokenVerifier({
    secret: config.jwtSecret,
    jwksUrl: config.jwtJwksUrl,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false }),
    identify(verifyToken),
    rateLimit(
      clients,
      config.rateLimit.key,
      (res, error) => res.json(graphqlErrorBody(error.message, error.code, error.details)),
      limited,
    ),
    express.json({ limit: BODY_LIMIT }),
    (req, _res, next) => {
      // express.json leaves no body on a GET or a non-JSON request; Apollo then answers (400), instead of its own 500.
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
    trustedDocumentsMiddleware(documents, config.trustedDocuments),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        Promise.resolve(
          createContext(graph, scopeOf(res), identityOf(res), {
            timeoutMs: config.queryTimeoutMs,
            heavy,
            // A client that asks for a fresh answer (Cache-Control: no-cache) gets one computed now.
            relatedAnswers: asksForFreshAnswer(req.headers) ? undefined : relatedAnswers,
          }),
        ),
    }),
  );
  app.use(notFound());
  app.use(httpErrorHandler(maskUnexpected));
  return { app, httpServer, apollo };
}
