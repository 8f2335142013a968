/**
 * The benchmark's raw-driver side, the one file above src/neo4j that imports neo4j-driver: it
 * IS the baseline the API is compared with, and it taps the API's own driver to count (and
 * capture) every statement, including those @neo4j/graphql sends through its own sessions.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';

/** A statement exactly as a driver session sent it. */
export interface CapturedStatement {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
}

/** Counts of what went through a tapped driver; reset freely between measurements. */
export interface StatementTap {
  statements: number;
  transactions: number;
  /** When an array, every statement is also appended to it. */
  recording: CapturedStatement[] | undefined;
}

type Run = (query: string, parameters?: Record<string, unknown>) => unknown;

/**
 * Given the driver the API uses, wraps its session() so that every statement run in any session
 * (auto-commit, managed or explicit transaction) is counted, and captured while `recording` is
 * set. Returns the live counters.
 */
export function tapDriver(driver: Driver): StatementTap {
  const tap: StatementTap = { statements: 0, transactions: 0, recording: undefined };
  const wrapRun = (target: { run: Run }) => {
    const run = target.run.bind(target);
    target.run = (query, parameters) => {
      tap.statements++;
      tap.recording?.push({ cypher: query, params: parameters ?? {} });
      return run(query, parameters);
    };
  };
  const openSession = driver.session.bind(driver);
  driver.session = (config?: Parameters<Driver['session']>[0]) => {
    const session: Session = openSession(config);
    wrapRun(session);
    for (const method of ['executeRead', 'executeWrite'] as const) {
      const execute = session[method].bind(session);
      session[method] = <T>(
        work: (tx: ManagedTransaction) => Promise<T> | T,
        txConfig?: Parameters<Session['executeRead']>[1],
      ) => {
        tap.transactions++;
        return execute((tx: ManagedTransaction) => {
          wrapRun(tx);
          return work(tx);
        }, txConfig);
      };
    }
    const begin = session.beginTransaction.bind(session);
    session.beginTransaction = (txConfig?: Parameters<Session['beginTransaction']>[0]) => {
      tap.transactions++;
      const tx = begin(txConfig);
      wrapRun(tx);
      return tx;
    };
    return session;
  };
  return tap;
}

/** Runs captured statements through a driver of its own, as a bare application would. */
export interface RawRunner {
  /** Runs the statements in order, each in its own read transaction, consuming every record; returns the record count. */
  run(statements: readonly CapturedStatement[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * Given a Bolt URI, a database name and the API's query timeout, returns a RawRunner on a fresh
 * driver (no auth: the bench server has none) whose transactions time out like the API's.
 */
export function createRawRunner(uri: string, database: string, timeoutMs: number): RawRunner {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'unused'), {
    maxConnectionPoolSize: 16,
    logging: { level: 'error', logger: () => undefined },
  });
  return {
    async run(statements) {
      let records = 0;
      for (const statement of statements) {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
        try {
          const result = await session.executeRead((tx) => tx.run(statement.cypher, statement.params), { timeout: timeoutMs });
          records += result.records.length;
        } finally {
          await session.close();
        }
      }
      return records;
    },
    close: () => driver.close(),
  };
}
