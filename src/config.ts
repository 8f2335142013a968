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
  /** HS256 key for editor JWTs; undefined means no token can ever be valid. */
  readonly jwtSecret: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly seedOnEmpty: boolean;
  readonly queryTimeoutMs: number;
  /** The quietest level logged (LOG_LEVEL): info by default, error under test. */
  readonly logLevel: LogLevel;
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

  const database = readDatabase(env, boltPort, problems);
  const jwtSecret = env.JWT_SECRET === '' ? undefined : env.JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  if (nodeEnv === 'production' && jwtSecret === undefined) {
    problems.push('JWT_SECRET is required in production');
  }
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
    corsOrigins: Object.freeze(
      (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
    seedOnEmpty,
    queryTimeoutMs,
    logLevel: logLevel as LogLevel,
    ...overrides,
  });
}

function readDatabase(env: NodeJS.ProcessEnv, boltPort: number, problems: string[]): DatabaseConfig {
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
  });
}
