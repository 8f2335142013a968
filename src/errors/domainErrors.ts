/**
 * The errors the project throws on purpose, in one module. Analytics, resolvers and routes throw
 * these (or return them in a DataLoader slot); src/errors/toApiError.ts maps them, and anything
 * else, to what a client sees. Nothing here knows GraphQL or HTTP.
 */

/** The closed set of error codes the API answers with (docs/ARCHITECTURE.md, Errors). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'OVERLOADED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An error the API expects and explains: its code, and what a client may read besides the message. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra fields for the client (argumentName, value, id, reason); never a secret or a stack. */
  abstract readonly details: Readonly<Record<string, unknown>>;
  /** What the client is told; the message itself unless it holds detail meant for logs. */
  get publicMessage(): string {
    return this.message;
  }
}

/** A client's argument is wrong: which one, its value, and why. */
export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    readonly argument: string,
    readonly value: unknown,
    readonly why: string,
  ) {
    super(`Invalid ${argument} ${JSON.stringify(value)}: ${why}`);
    this.name = 'BadInputError';
    this.details = { argumentName: argument, value };
  }
}

/** No node of the kind looked up has this id. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`No ${kind} with id ${JSON.stringify(id)}`);
    this.name = 'NotFoundError';
    this.details = { id };
  }
}

/** The operation needs a valid editor token and none was sent. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly details = {};
  constructor(message = 'Unauthenticated: this operation needs an editor token') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** The token is valid but lacks the role the operation needs. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly details = {};
  constructor(message = 'Forbidden: this operation needs the editor role') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The database could not be reached (stopped, restarting, network cut); retrying later may work. */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';
  readonly details = {};
  constructor(message = 'The database is unavailable', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
  override get publicMessage(): string {
    return 'The database is unavailable; try again shortly';
  }
}

/**
 * Writes are refused because the database would neither validate nor record them: the server
 * does not run the write triggers (APOC triggers disabled or missing). Reads still work; an
 * operator fixes the server, so the code is DATABASE_UNAVAILABLE with its own reason.
 */
export class WritesUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';
  readonly details = { reason: 'WRITE_TRIGGERS_INACTIVE' };
  constructor(readonly why: string) {
    super(`Writes are refused: the database does not validate and record them (${why}); reads still work`);
    this.name = 'WritesUnavailableError';
  }
}

/** The caller sent more requests than its share (RATE_LIMIT_PER_MINUTE): HTTP 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly details: Readonly<Record<string, unknown>>;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
    this.details = { retryAfterSeconds };
  }
}

/**
 * The server is saturated with heavy analytics (movementImpact, influenceNetwork,
 * connectionPath, live dashboards) and this one could not start in time: HTTP 503 with
 * Retry-After, so cheap reads keep their latency.
 */
export class OverloadedError extends DomainError {
  readonly code = 'OVERLOADED';
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    readonly what: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`The server is busy with other analyses; ${what} could not start. Try again in ${retryAfterSeconds} s`);
    this.name = 'OverloadedError';
    this.details = { retryAfterSeconds };
  }
}

/** A statement ran past the transaction timeout (QUERY_TIMEOUT_MS); a narrower question may answer. */
export class QueryTimeoutError extends DomainError {
  readonly code = 'INTERNAL_SERVER_ERROR';
  readonly details = { reason: 'QUERY_TIMEOUT' };
  constructor(options?: { cause?: unknown }) {
    super(
      'The query took longer than the server allows (QUERY_TIMEOUT_MS); narrow it: a shorter period, a place, a smaller limit',
      options,
    );
    this.name = 'QueryTimeoutError';
  }
}

/**
 * A row came back from the database in a shape its decoder does not accept: a bug or bad data,
 * never the client's fault, so it is unexpected (masked and logged), not a DomainError.
 */
export class MalformedRowError extends Error {
  constructor(
    readonly statement: string,
    readonly path: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`${statement}: ${path} should be ${expected}, got ${describe(got)}`);
    this.name = 'MalformedRowError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}
