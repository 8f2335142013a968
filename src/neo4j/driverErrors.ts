import { DatabaseUnavailableError, QueryTimeoutError } from '../errors/domainErrors';
import { fromTriggerRefusal } from './triggerRefusal';

/** Driver and server codes that mean the database cannot be reached now (retrying later may work). */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;
const TIMEOUT_CODE_PREFIX = 'Neo.ClientError.Transaction.TransactionTimedOut';
/** A GDS procedure stopped by the transaction's timeout fails as a procedure call, not as a timed-out transaction. */
const TERMINATED_PROCEDURE = /TerminatedException/;

/**
 * Given any error, returns the domain error a driver error stands for (DatabaseUnavailableError,
 * QueryTimeoutError, or BadInputError for a write the validation trigger refused), or the error
 * itself. The one place that decides "the database is unavailable": createGraph applies it to
 * every failure, and toApiError to the driver errors that reach it from @neo4j/graphql, which
 * runs on the driver directly.
 */
export function fromDriverError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  // The pool's own timeout carries no code (N/A): no connection could be had in time, the server is down or frozen.
  if (error instanceof Error && ACQUISITION_TIMEOUT.test(error.message)) {
    return new DatabaseUnavailableError('Neo4j is unavailable (no connection within the acquisition timeout)', { cause: error });
  }
  if (UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError(`Neo4j is unavailable (${code})`, { cause: error });
  if (code.startsWith(TIMEOUT_CODE_PREFIX)) return new QueryTimeoutError({ cause: error });
  if (
    code === 'Neo.ClientError.Procedure.ProcedureCallFailed' &&
    error instanceof Error &&
    TERMINATED_PROCEDURE.test(error.message)
  ) {
    return new QueryTimeoutError({ cause: error });
  }
  return fromTriggerRefusal(error) ?? error;
}
