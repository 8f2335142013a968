import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The closed set of error codes the API answers with. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** The database could not be reached (stopped, restarting, network cut); retrying later may work. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Given the argument name and the offending value, returns a BAD_USER_INPUT error naming both. */
export function badUserInput(argument: string, value: unknown, why: string): GraphQLError {
  return new GraphQLError(`Invalid ${argument} ${JSON.stringify(value)}: ${why}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument, value },
  });
}

/** Given what was looked up, returns a NOT_FOUND error naming the id. */
export function notFound(kind: string, id: string): GraphQLError {
  return new GraphQLError(`No ${kind} with id ${JSON.stringify(id)}`, {
    extensions: { code: 'NOT_FOUND', id },
  });
}

export function databaseUnavailable(cause: unknown): GraphQLError {
  return new GraphQLError('The database is unavailable; try again shortly', {
    extensions: { code: 'DATABASE_UNAVAILABLE' },
    originalError: cause instanceof Error ? cause : undefined,
  });
}

const NEO4J_UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof GraphQLError && current.originalError) current = current.originalError;
    else break;
  }
  return current;
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NEO4J_UNAVAILABLE_CODES.has(code);
}

/**
 * Apollo's formatError: keeps the codes above, turns @neo4j/graphql's auth errors and driver
 * connection errors into UNAUTHENTICATED / FORBIDDEN / DATABASE_UNAVAILABLE, and masks every other
 * unexpected error outside development (logging it once).
 */
export function createFormatError(options: { maskUnexpected: boolean; log: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = rootCause(error);
    // Note: @neo4j/graphql's errors extend GraphQLError, whose constructor sets name to
    // "GraphQLError"; the class name is the reliable tag.
    const name = (cause as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    const message = cause instanceof Error ? cause.message : '';
    // @neo4j/graphql throws a plain Neo4jGraphQLError("Unauthenticated") when no valid token is sent.
    if (name === 'Neo4jGraphQLAuthenticationError' || (name === 'Neo4jGraphQLError' && message === 'Unauthenticated')) {
      return { ...formatted, message: 'Unauthenticated: this operation needs an editor token', extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (name === 'Neo4jGraphQLForbiddenError') {
      return { ...formatted, message: 'Forbidden: this operation needs the editor role', extensions: { code: 'FORBIDDEN' } };
    }
    if (name === 'Neo4jGraphQLConstraintValidationError' || name === 'Neo4jGraphQLRelationshipValidationError') {
      return { ...formatted, message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const neo4jCode = (cause as { code?: unknown } | null)?.code;
    if (typeof neo4jCode === 'string' && neo4jCode.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
      return {
        ...formatted,
        message: 'The query took longer than the server allows (QUERY_TIMEOUT_MS); narrow it: a shorter period, a place, a smaller limit',
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'QUERY_TIMEOUT' },
      };
    }
    if (isDatabaseUnavailable(cause)) {
      return { ...formatted, message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    const code = formatted.extensions?.code;
    const expected =
      typeof code === 'string' &&
      code !== 'INTERNAL_SERVER_ERROR' &&
      !(cause instanceof Error && !(cause instanceof GraphQLError) && code === undefined);
    if (expected) return formatted;
    options.log(cause);
    if (!options.maskUnexpected) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
