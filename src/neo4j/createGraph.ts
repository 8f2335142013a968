import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors/domainErrors';
import { fromDriverError } from './driverErrors';
import { toPlain } from './toPlain';
import { toNeo4jParams } from './values';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs statements inside one transaction (used by the importer's batches). */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/**
 * Who writes, and why, sent as the Neo4j transaction metadata of a write. The database's write
 * triggers read it (writes/renderRevisionTrigger.ts) and record it on every Revision of the
 * transaction; a write without it is recorded with actor `unknown`. Keys `app` and `type` are
 * left alone: @neo4j/graphql sets them.
 */
export interface WriteMetadata {
  /** Who: the token's subject for the API, `importer` or the OS user for imports, `bench` for synthetic loads. */
  readonly actor: string;
  /** What: `graphql:createStories`, `import`, `revert`, `ingest:acceptProposal`, … */
  readonly operation: string;
  /** On what: the seed folder imported, the article's URL, the proposal accepted. */
  readonly source?: string;
  /** The HTTP request's id (x-request-id), when the write serves one. */
  readonly requestId?: string;
  /** For a revert: the id of the Revision it undoes. */
  readonly revertOf?: string;
  /**
   * Bench only (bench/synthetic): the triggers skip the transaction entirely, so synthetic bulk
   * loads are neither validated by the database nor recorded. Never set it for real facts.
   */
  readonly benchBulkLoad?: true;
  /**
   * The transaction writes system nodes only (the dashboard cube's cells): the triggers skip it
   * instead of looking through every cell (they would find nothing to check or record, at about
   * 50 ms per 500 cells). A domain change in such a transaction would go unchecked and unrecorded:
   * set it nowhere else. The API never lets a client set metadata.
   */
  readonly systemWrite?: true;
}

/** The project's only door to Neo4j: plain rows in, plain rows out, errors converted. */
export interface Graph {
  /** The driver, handed opaquely to @neo4j/graphql; nothing else should use it. */
  readonly driver: Driver;
  readonly database: string;
  /** Runs one read statement in executeRead (routed to readers in a cluster). */
  read(cypher: string, params?: Params): Promise<Row[]>;
  /** Runs one write statement in executeWrite; metadata says who writes and why (recorded by the write triggers). */
  write(cypher: string, params?: Params, metadata?: WriteMetadata): Promise<Row[]>;
  /** Runs several statements in one write transaction; all or nothing. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>, metadata?: WriteMetadata): Promise<T>;
  /** The same graph (same driver and pool) with another transaction timeout, for batch work; its close() is a no-op. */
  withTimeout(timeoutMs: number): Graph;
  /** The same graph on another database of the server (`system`, where APOC keeps its triggers); its close() is a no-op. */
  onDatabase(database: string): Graph;
  /** Resolves when the server answers a round trip within deadlineMs (2 s by default); else throws DatabaseUnavailableError. */
  ping(deadlineMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface GraphOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly queryTimeoutMs: number;
  /** Called once per statement sent (tests and benchmarks count round trips with it). */
  readonly onQuery?: (cypher: string) => void;
}

async function runIn(tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
  const result = await tx.run(cypher, toNeo4jParams(params));
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** How long a request waits for a pooled connection before the database counts as unavailable. */
export const ACQUISITION_TIMEOUT_MS = 2_000;

/** Given connection settings, returns a Graph over one pooled driver. Connects lazily. */
export function createGraph(options: GraphOptions): Graph {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    maxConnectionPoolSize: 50,
    // A database that cannot be reached must answer DATABASE_UNAVAILABLE in about two seconds, not
    // hold the request: a frozen server accepts TCP connections but never completes the Bolt
    // handshake, so only the acquisition timeout ends the wait for a new connection (in-flight
    // queries end by the server's receive-timeout hint, neo4j/embedded/neo4jConf.ts). Retries of
    // transient failures stop after one second for the same reason (a refused connection is retried
    // at once, then after a second, and then given up).
    connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 1_000,
    logging: { level: 'error', logger: () => undefined },
  });
  const session = (mode: 'READ' | 'WRITE', database = options.database) =>
    driver.session({ database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  const observe = (cypher: string) => options.onQuery?.(cypher);

  /** Runs work in one managed transaction (retried on transient errors), converting errors. */
  async function managed<T>(
    mode: 'READ' | 'WRITE',
    database: string,
    txConfig: { timeout: number; metadata?: Record<string, unknown> },
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    const s = session(mode, database);
    try {
      const run = (txn: ManagedTransaction) =>
        work({
          run: (cypher, params = {}) => {
            observe(cypher);
            return runIn(txn, cypher, params);
          },
        });
      return await (mode === 'READ' ? s.executeRead(run, txConfig) : s.executeWrite(run, txConfig));
    } catch (error) {
      throw fromDriverError(error);
    } finally {
      await s.close();
    }
  }

  /** The Graph on a database whose transactions time out after timeoutMs; close() closes the driver only when owned. */
  const view = (timeoutMs: number, owner: boolean, database: string): Graph => {
    const txConfig = { timeout: timeoutMs };
    const writeConfig = (metadata: WriteMetadata | undefined) =>
      metadata ? { ...txConfig, metadata: { ...metadata } } : txConfig;
    return {
      driver,
      database,
      read: (cypher, params = {}) => managed('READ', database, txConfig, (tx) => tx.run(cypher, params)),
      write: (cypher, params = {}, metadata) => managed('WRITE', database, writeConfig(metadata), (tx) => tx.run(cypher, params)),
      writeTransaction: (work, metadata) => managed('WRITE', database, writeConfig(metadata), work),
      withTimeout: (ms) => view(ms, false, database),
      onDatabase: (name) => view(timeoutMs, false, name),
      ping,
      close: () => (owner ? driver.close() : Promise.resolve()),
    };
  };

  async function ping(deadlineMs = 2_000): Promise<void> {
    const s = session('READ');
    let timer: NodeJS.Timeout | undefined;
    try {
      // An auto-commit query: no managed-transaction retries, so a dead server fails fast; and a
      // deadline of our own, since a frozen server never answers (nor enforces its own timeout).
      await Promise.race([
        s.run('RETURN 1', {}, { timeout: deadlineMs }),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new DatabaseUnavailableError(`Neo4j did not answer within ${deadlineMs} ms`)),
            deadlineMs,
          );
        }),
      ]);
    } catch (error) {
      throw fromDriverError(error);
    } finally {
      clearTimeout(timer);
      // Not awaited: closing a session whose query hangs waits for the query.
      void s.close().catch(() => undefined);
    }
  }

  return view(options.queryTimeoutMs, true, options.database);
}
