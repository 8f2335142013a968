import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  BadInputError,
  DatabaseUnavailableError,
  MalformedRowError,
  NotFoundError,
  QueryTimeoutError,
} from '../../src/errors/domainErrors';
import { createFormatError, withoutSuggestions } from '../../src/errors/formatError';
import { toApiError } from '../../src/errors/toApiError';
import { fromDriverError } from '../../src/neo4j/driverErrors';
import { requestIdFrom } from '../../src/server/requestScope';

const formatted = (message: string, code?: string): GraphQLFormattedError => ({ message, extensions: code ? { code } : {} });
/** As graphql-js wraps an error thrown by a resolver. */
const located = (original: Error) => new GraphQLError(original.message, { originalError: original });
/** A driver error as neo4j-driver raises it: an Error with a string code. */
const driverError = (code: string, message = 'from the driver') => Object.assign(new Error(message), { code });

describe('toApiError', () => {
  const masked = { maskUnexpected: true };

  it('keeps a bad argument’s code, name and value, with a 400', () => {
    expect(toApiError(located(new BadInputError('limit', 0, 'must be an integer from 1 to 50')), masked)).toEqual({
      code: 'BAD_USER_INPUT',
      httpStatus: 400,
      message: 'Invalid limit 0: must be an integer from 1 to 50',
      extensions: { argumentName: 'limit', value: 0 },
      unexpected: false,
    });
  });

  it('names the missing id with a 404', () => {
    expect(toApiError(new NotFoundError('movement', 'movement:none'), masked)).toMatchObject({
      code: 'NOT_FOUND',
      httpStatus: 404,
      extensions: { id: 'movement:none' },
    });
  });

  it('decides "database unavailable" from the driver’s codes, in one place, with a 503', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']) {
      expect(fromDriverError(driverError(code))).toBeInstanceOf(DatabaseUnavailableError);
      expect(toApiError(located(driverError(code)), masked)).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        httpStatus: 503,
        message: 'The database is unavailable; try again shortly',
      });
    }
    expect(fromDriverError(driverError('Neo.ClientError.Statement.SyntaxError'))).not.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('says a query ran out of time, with the reason, instead of masking it', () => {
    const api = toApiError(located(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')), masked);
    expect(api).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      httpStatus: 504,
      extensions: { reason: 'QUERY_TIMEOUT' },
      unexpected: false,
    });
    expect(api.message).toContain('narrow it');
  });

  it('counts a GDS procedure stopped by the timeout as a query that ran out of time (found by the fuzz suite: a 500)', () => {
    const stopped = driverError(
      'Neo.ClientError.Procedure.ProcedureCallFailed',
      'Failed to invoke procedure `gds.pageRank.stream`: Caused by: org.neo4j.gds.termination.TerminatedException: The execution has been terminated.',
    );
    expect(toApiError(located(stopped), masked)).toMatchObject({ httpStatus: 504, extensions: { reason: 'QUERY_TIMEOUT' } });
    expect(fromDriverError(driverError('Neo.ClientError.Procedure.ProcedureCallFailed', 'no such graph'))).not.toBeInstanceOf(
      QueryTimeoutError,
    );
  });

  it('keeps the code graphql-js or Apollo gave a malformed request', () => {
    const refused = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(toApiError(refused, masked)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', httpStatus: 400, unexpected: false });
  });

  it('keeps the code Apollo puts on its wrapper around a graphql-js error (it was read as unexpected)', () => {
    const inner = new GraphQLError('Value "PERSN" does not exist in "EntityKind" enum.');
    const wrapped = new GraphQLError(inner.message, { originalError: inner, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(toApiError(wrapped, masked)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', httpStatus: 400, unexpected: false });
    const coercion = new GraphQLError('Variable "$k" got invalid value', {
      originalError: inner,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(toApiError(coercion, masked)).toMatchObject({ code: 'BAD_USER_INPUT', httpStatus: 400 });
  });

  it('answers an uncoded refusal Apollo gives a 4xx status (a persisted-query hash mismatch) as BAD_REQUEST', () => {
    const mismatch = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(toApiError(mismatch, masked)).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, unexpected: false });
  });

  it('answers @neo4j/graphql’s refusals of the input itself as BAD_USER_INPUT', () => {
    for (const message of [
      'Conflicting modification of field year: [[set]], [[subtract]] on type Award',
      'Argument "first" must be a non-negative integer',
    ]) {
      expect(toApiError(located(new Error(message)), masked)).toMatchObject({ code: 'BAD_USER_INPUT', httpStatus: 400, message });
    }
  });

  it('counts a connection-acquisition timeout (no code from the pool) as an unavailable database', () => {
    const timedOut = driverError('N/A', 'Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 3');
    expect(fromDriverError(timedOut)).toBeInstanceOf(DatabaseUnavailableError);
    expect(toApiError(located(timedOut), masked)).toMatchObject({ code: 'DATABASE_UNAVAILABLE', httpStatus: 503 });
  });

  it('masks anything else, a malformed row included, and marks it unexpected (to be logged)', () => {
    for (const error of [new TypeError('secret detail'), new MalformedRowError('search', '[0].id', 'a string', 3)]) {
      expect(toApiError(located(error), masked)).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        httpStatus: 500,
        message: 'Internal server error',
        extensions: {},
        unexpected: true,
      });
    }
    expect(toApiError(new TypeError('secret detail'), { maskUnexpected: false }).message).toBe('secret detail');
  });
});

describe('createFormatError', () => {
  const format = createFormatError({ maskUnexpected: true });

  it('formats a domain error with its code and extensions', () => {
    const result = format(formatted('x', 'INTERNAL_SERVER_ERROR'), located(new BadInputError('limit', 0, 'too small')));
    expect(result).toEqual({
      message: 'Invalid limit 0: too small',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'limit', value: 0 },
    });
  });

  it('turns an unreachable database into DATABASE_UNAVAILABLE', () => {
    const result = format(formatted('x', 'INTERNAL_SERVER_ERROR'), located(new DatabaseUnavailableError('Neo4j is unavailable')));
    expect(result.extensions?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('says a query ran out of time, with the reason', () => {
    const result = format(
      formatted('x', 'INTERNAL_SERVER_ERROR'),
      located(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')),
    );
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'QUERY_TIMEOUT' });
  });

  it('masks anything unexpected', () => {
    const result = format(formatted('secret detail', 'INTERNAL_SERVER_ERROR'), located(new TypeError('secret detail')));
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('withoutSuggestions', () => {
  it('cuts every "Did you mean" from a message and keeps the rest', () => {
    expect(withoutSuggestions('Value "PERSN" does not exist in "EntityKind" enum. Did you mean the enum value "PERSON"?')).toBe(
      'Value "PERSN" does not exist in "EntityKind" enum.',
    );
    expect(
      withoutSuggestions(
        'Unknown argument "limt" on field "Query.people". Did you mean "limit"? Unknown type "Persn". Did you mean "Person"?',
      ),
    ).toBe('Unknown argument "limt" on field "Query.people". Unknown type "Persn".');
  });
});

describe('requestIdFrom', () => {
  it('honours a sane incoming id and replaces anything else with a fresh UUID', () => {
    expect(requestIdFrom('trace-42.abc:1')).toBe('trace-42.abc:1');
    for (const bad of ['', 'has space', 'x'.repeat(129), 'line\nbreak', undefined]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(['first-id', 'second'])).toBe('first-id');
  });
});
