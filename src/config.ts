import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './logging/createLogger';

/** Where the graph lives: a server named by NEO4J_URI, or the embedded default this project starts. */
export type DatabaseConfig =
  | {
      readonly mode: 'external';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database: string;
    }
  | {
      readonly mode: 'embedded';
      readonly uri: string;
      readonly boltPort: number;
      readonly home: string;
      readonly dataDir: string;
      readonly heap: string;
      readonly pageCache: string;
      readonly javaHome: string | undefined;
      readonly database: string;
      /** How long a start may take before it is given up (NEO4J_START_TIMEOUT_MS; a loaded machine needs more). */
      readonly startTimeoutMs: number;
    };

/** How to reach the graph over Bolt, in either mode. */
export interface DatabaseConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** The embedded server runs with authentication off (it listens on loopback only); the driver still sends a basic token. */
const EMBEDDED_USER = 'neo4j';
const EMBEDDED_PASSWORD = 'unused-auth-disabled';

/** Given the database settings, returns the Bolt connection: the external server's, or the embedded server's (no auth). */
export function databaseConnection(database: DatabaseConfig): DatabaseConnection {
  return database.mode === 'external'
    ? { uri: database.uri, user: database.user, password: database.password, database: database.database }
    : { uri: database.uri, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: database.database };
}

/**
 * Given the database settings, returns the environment that makes a child process (the cube job)
 * connect to the same running server and start none: NEO4J_URI with its credentials, which the
 * child's loadConfig requires, also for the embedded server this process started.
 */
export function connectionEnvironment(database: DatabaseConfig): Record<string, string> {
  const connection = databaseConnection(database);
  return {
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
  };
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** HS256 key for editor JWTs; with no key and no JWKS, no token can ever be valid. */
  readonly jwtSecret: string | undefined;
  /** An identity provider's JSON Web Key Set (JWT_JWKS_URL): tokens it signs are accepted beside HS256 ones. */
  readonly jwtJwksUrl: string | undefined;
  /** When set, a token's `iss` must equal it (JWT_ISSUER). */
  readonly jwtIssuer: string | undefined;
  /** When set, a token's `aud` must name it (JWT_AUDIENCE). */
  readonly jwtAudience: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly seedOnEmpty: boolean;
  readonly queryTimeoutMs: number;
  /** The quietest level logged (LOG_LEVEL): info by default, error under test. */
  readonly logLevel: LogLevel;
  /** `only`: /graphql runs registered documents only (TRUSTED_DOCUMENTS); `off`: any document, registered ids accepted too. */
  readonly trustedDocuments: 'off' | 'only';
  /** Bearer token /metrics requires (METRICS_TOKEN); undefined: /metrics is off. */
  readonly metricsToken: string | undefined;
  /** Requests per minute per client (RATE_LIMIT_PER_MINUTE; 0: no limit), counted by token subject or address (RATE_LIMIT_KEY). */
  readonly rateLimit: { readonly perMinute: number; readonly key: 'subject' | 'ip' };
  /** Heavy analytics running at once (HEAVY_CONCURRENCY), waiting (HEAVY_QUEUE), and for how long at most (HEAVY_QUEUE_TIMEOUT_MS). */
  readonly heavy: { readonly concurrency: number; readonly queue: number; readonly queueTimeoutMs: number };
  /** How much the kept related-stories answers may weigh (RELATED_ANSWERS_CACHE_MB; 0: every answer computed). */
  readonly relatedAnswersCacheMb: number;
  /** On SIGTERM: how long /readyz says 503 before the listener closes (SHUTDOWN_DELAY_MS), then how long in-flight requests may take (SHUTDOWN_GRACE_MS). */
  readonly shutdown: { readonly delayMs: number; readonly graceMs: number };
  /** Express's `trust proxy` (TRUST_PROXY: a hop count or a list of addresses), so the rate limit sees the client's address behind a proxy. */
  readonly trustProxy: number | string | false;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const projectRoot = path.resolve(__dirname, '..');

/**
 * Given the process environment (and explicit overrides, which win), returns the frozen
 * configuration, or throws one ConfigError that names every missing or invalid setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const port = int('PORT', 4000, 0, 65535);
  const boltPort = int('NEO4J_BOLT_PORT', 7687, 1, 65535);
  const queryTimeoutMs = int('QUERY_TIMEOUT_MS', 10_000, 100, 600_000);
  const rateLimitPerMinute = int('RATE_LIMIT_PER_MINUTE', 1_200, 0, 1_000_000);
  const heavyConcurrency = int('HEAVY_CONCURRENCY', 2, 1, 256);
  const heavyQueue = int('HEAVY_QUEUE', 8, 0, 10_000);
  const heavyQueueTimeoutMs = int('HEAVY_QUEUE_TIMEOUT_MS', 2_000, 0, 60_000);
  const shutdownDelayMs = int('SHUTDOWN_DELAY_MS', nodeEnv === 'production' ? 2_000 : 500, 0, 60_000);
  const shutdownGraceMs = int('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000);
  const relatedAnswersCacheMb = int('RELATED_ANSWERS_CACHE_MB', 16, 0, 1_024);

  const startTimeoutMs = int('NEO4J_START_TIMEOUT_MS', 120_000, 1_000, 3_600_000);
  const database = readDatabase(env, boltPort, startTimeoutMs, problems);
  const jwtSecret = env.JWT_SECRET === '' ? undefined : env.JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  const jwtJwksUrl = env.JWT_JWKS_URL === '' ? undefined : env.JWT_JWKS_URL;
  if (jwtJwksUrl !== undefined && !/^https?:\/\/\S+$/.test(jwtJwksUrl)) {
    problems.push(`JWT_JWKS_URL must be an http(s) URL (got "${jwtJwksUrl}")`);
  }
  if (nodeEnv === 'production' && jwtSecret === undefined && jwtJwksUrl === undefined) {
    problems.push('JWT_SECRET is required in production (or JWT_JWKS_URL)');
  }
  const trustedDocuments = env.TRUSTED_DOCUMENTS || 'off';
  if (trustedDocuments !== 'off' && trustedDocuments !== 'only') {
    problems.push(`TRUSTED_DOCUMENTS must be off or only (got "${trustedDocuments}")`);
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  const rateLimitKey = env.RATE_LIMIT_KEY || 'subject';
  if (rateLimitKey !== 'subject' && rateLimitKey !== 'ip') {
    problems.push(`RATE_LIMIT_KEY must be subject or ip (got "${rateLimitKey}")`);
  }
  const trustProxy = readTrustProxy(env.TRUST_PROXY, problems);
  const seedOnEmpty = (env.SEED_ON_EMPTY ?? 'true') !== 'false';
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'error' : 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    env: nodeEnv as Config['env'],
    port,
    host: env.HOST ?? '127.0.0.1',
    database,
    jwtSecret,
    jwtJwksUrl,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    corsOrigins: Object.freeze(
      (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
    seedOnEmpty,
    queryTimeoutMs,
    logLevel: logLevel as LogLevel,
    trustedDocuments: trustedDocuments as Config['trustedDocuments'],
    metricsToken,
    rateLimit: Object.freeze({ perMinute: rateLimitPerMinute, key: rateLimitKey as Config['rateLimit']['key'] }),
    heavy: Object.freeze({ concurrency: heavyConcurrency, queue: heavyQueue, queueTimeoutMs: heavyQueueTimeoutMs }),
    shutdown: Object.freeze({ delayMs: shutdownDelayMs, graceMs: shutdownGraceMs }),
    relatedAnswersCacheMb,
    trustProxy,
    ...overrides,
  });
}

function readTrustProxy(raw: string | undefined, problems: string[]): number | string | false {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^[\w.:/, -]+$/.test(raw)) return raw;
  problems.push(`TRUST_PROXY must be a hop count or a comma-separated list of addresses (got "${raw}")`);
  return false;
}

function readDatabase(env: NodeJS.ProcessEnv, boltPort: number, startTimeoutMs: number, problems: string[]): DatabaseConfig {
  const name = env.NEO4J_DATABASE ?? 'neo4j';
  const uri = env.NEO4J_URI;
  if (uri !== undefined && uri !== '') {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
      problems.push(`NEO4J_URI must be a neo4j:// or bolt:// URI (got "${uri}")`);
    }
    const user = env.NEO4J_USER ?? env.NEO4J_USERNAME;
    const password = env.NEO4J_PASSWORD;
    if (!user) problems.push('NEO4J_USER is required when NEO4J_URI is set');
    if (!password) problems.push('NEO4J_PASSWORD is required when NEO4J_URI is set');
    return Object.freeze({
      mode: 'external',
      uri,
      user: user ?? '',
      password: password ?? '',
      database: name,
    });
  }
  const home = path.resolve(projectRoot, env.NEO4J_HOME ?? 'embedded-neo4j/home');
  return Object.freeze({
    mode: 'embedded',
    uri: `bolt://127.0.0.1:${boltPort}`,
    boltPort,
    home,
    dataDir: path.resolve(projectRoot, env.NEO4J_DATA_DIR ?? 'embedded-neo4j/home/instance'),
    heap: env.NEO4J_HEAP ?? '1g',
    pageCache: env.NEO4J_PAGECACHE ?? '512m',
    javaHome: env.JAVA_17_HOME ?? undefined,
    database: name,
    startTimeoutMs,
  });
}
