import { GraphQLError } from 'graphql';
import { fromDriverError } from '../neo4j/driverErrors';
import { DomainError, ForbiddenError, UnauthenticatedError, type ErrorCode } from './domainErrors';

/**
 * Codes graphql-js and Apollo Server give a malformed request before any resolver runs (and
 * graphql-armor's limits); they are the client's mistake and pass through as they are.
 */
const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
  'TRUSTED_DOCUMENT_REQUIRED',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** The HTTP status of each code, for routes that answer outside GraphQL. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  OVERLOADED: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** What any error becomes for a client, over GraphQL or HTTP alike. */
export interface ApiError {
  readonly code: ErrorCode | RequestErrorCode;
  readonly httpStatus: number;
  readonly message: string;
  /** The fields a GraphQL error's `extensions` carries besides `code` (argumentName, value, id, reason). */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** True when nothing explains the error to the client: it is masked (when asked) and must be logged once. */
  readonly unexpected: boolean;
}

/** What a client reads instead of an unexpected error's message, outside development. */
export const MASKED_MESSAGE = 'Internal server error';

/** Given an error wrapped by graphql-js or Apollo (a GraphQLError around a resolver's error), returns the error underneath. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof GraphQLError && current.originalError; depth += 1) {
    current = current.originalError;
  }
  return current;
}

/**
 * @neo4j/graphql's own errors extend GraphQLError, whose constructor sets `name` to "GraphQLError";
 * the class name is the reliable tag. Given one, returns the domain error it stands for, or undefined.
 */
function fromLibraryError(error: unknown): DomainError | undefined {
  const name = (error as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  const message = error instanceof Error ? error.message : '';
  // It throws a plain Neo4jGraphQLError("Unauthenticated") when no valid token is sent.
  if (name === 'Neo4jGraphQLAuthenticationError' || (name === 'Neo4jGraphQLError' && message === 'Unauthenticated')) {
    return new UnauthenticatedError();
  }
  if (name === 'Neo4jGraphQLForbiddenError') return new ForbiddenError();
  return undefined;
}

function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return (REQUEST_ERROR_CODES as readonly unknown[]).includes(code);
}

/** Given an error and the GraphQLErrors it wraps, returns the first carrying a request code (or BAD_USER_INPUT) on the way down, with that code. */
function outermostCoded(error: unknown): { error: GraphQLError; code: RequestErrorCode | 'BAD_USER_INPUT' } | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof GraphQLError; depth += 1) {
    const code = current.extensions.code;
    if (isRequestErrorCode(code) || code === 'BAD_USER_INPUT') return { error: current, code };
    current = current.originalError;
  }
  return undefined;
}

function requestCodeIn(error: unknown): RequestErrorCode | 'BAD_USER_INPUT' | undefined {
  return outermostCoded(error)?.code;
}

/**
 * Errors @neo4j/graphql raises while translating a generated operation, about the input itself
 * (plain Errors or GraphQLErrors without a code): the client's mistake, answered BAD_USER_INPUT.
 */
const LIBRARY_INPUT_ERRORS: readonly RegExp[] = [
  /^Conflicting modification of /,
  /^Argument "\w+" must be a non-negative integer$/,
  /^Cannot set non-nullable field \w+\.\w+ to null$/,
  /^Invalid input for relationship \w+\. Expected single entity input/,
  // A union's `typename` filter inside a relationship quantifier (found by the fuzz suite).
  /^Attribute \w+ not found$/,
];

function unexpected(error: unknown, mask: boolean): ApiError {
  const message = !mask && error instanceof Error ? error.message : MASKED_MESSAGE;
  return {
    code: 'INTERNAL_SERVER_ERROR',
    httpStatus: HTTP_STATUS.INTERNAL_SERVER_ERROR,
    message,
    extensions: {},
    unexpected: true,
  };
}

/**
 * Given any error (thrown by an analytic, a resolver, the driver, @neo4j/graphql or graphql-js)
 * and whether to mask unexpected ones, returns its code, HTTP status, message and extensions: THE
 * error policy, used by Apollo's formatError and by every route outside GraphQL. Domain errors
 * keep their code and say what was wrong with which value; driver errors become
 * DATABASE_UNAVAILABLE or a query timeout (neo4j/driverErrors.ts); the library's auth and
 * constraint errors become UNAUTHENTICATED, FORBIDDEN or BAD_USER_INPUT; a request graphql-js or
 * Apollo refused keeps its code; anything else is unexpected.
 */
export function toApiError(error: unknown, options: { maskUnexpected: boolean }): ApiError {
  const cause = fromLibraryError(rootCause(error)) ?? fromDriverError(rootCause(error));
  if (cause instanceof DomainError) {
    return {
      code: cause.code,
      httpStatus: cause.details.reason === 'QUERY_TIMEOUT' ? 504 : HTTP_STATUS[cause.code],
      message: cause.publicMessage,
      extensions: cause.details,
      unexpected: false,
    };
  }
  // graphql-js and Apollo put a request code on a wrapper around what a scalar's parser threw
  // (a Date scalar refusing "2023-02-30" throws a plain TypeError): the wrapper's code and
  // message ("Expected value of type Date…", "Variable $from got invalid value…") are the answer.
  const wrapped = outermostCoded(error);
  if (wrapped !== undefined && !(cause instanceof GraphQLError)) {
    const { code: _code, stacktrace: _stacktrace, http: _http, ...extensions } = wrapped.error.extensions;
    const httpStatus = wrapped.code === 'BAD_USER_INPUT' ? HTTP_STATUS.BAD_USER_INPUT : 400;
    return { code: wrapped.code, httpStatus, message: wrapped.error.message, extensions, unexpected: false };
  }
  const name = (cause as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  if (
    name === 'Neo4jGraphQLConstraintValidationError' ||
    name === 'Neo4jGraphQLRelationshipValidationError' ||
    (cause instanceof Error && LIBRARY_INPUT_ERRORS.some((pattern) => pattern.test(cause.message)))
  ) {
    return {
      code: 'BAD_USER_INPUT',
      httpStatus: HTTP_STATUS.BAD_USER_INPUT,
      message: (cause as Error).message,
      extensions: {},
      unexpected: false,
    };
  }
  // A GraphQLError with nothing underneath was raised by graphql-js, Apollo or graphql-armor for
  // the request itself. Apollo wraps graphql-js's validation and coercion errors in its own,
  // coded ones (GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT): the code is on a wrapper, the message
  // underneath.
  if (cause instanceof GraphQLError) {
    const code = requestCodeIn(error);
    const { code: _code, stacktrace: _stacktrace, http, ...extensions } = cause.extensions;
    if (code === 'BAD_USER_INPUT') {
      return { code, httpStatus: HTTP_STATUS.BAD_USER_INPUT, message: cause.message, extensions, unexpected: false };
    }
    if (code !== undefined) return { code, httpStatus: 400, message: cause.message, extensions, unexpected: false };
    // graphql-js stops coercing variables after 50 errors with an uncoded error of its own.
    if (/^Too many errors processing variables/.test(cause.message)) {
      return { code: 'BAD_USER_INPUT', httpStatus: 400, message: cause.message, extensions, unexpected: false };
    }
    // Apollo's own refusals without a code (a persisted-query hash that does not match its query) carry a 4xx status.
    const status = (http as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { code: 'BAD_REQUEST', httpStatus: status, message: cause.message, extensions, unexpected: false };
    }
  }
  return unexpected(cause, options.maskUnexpected);
}
