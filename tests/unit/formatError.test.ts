import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createFormatError, DatabaseUnavailableError } from '../../src/errors/formatError';

const formatted = (message: string, code?: string): GraphQLFormattedError => ({ message, extensions: code ? { code } : {} });
const located = (original: Error) => new GraphQLError(original.message, { originalError: original });

describe('createFormatError', () => {
  const logged: unknown[] = [];
  const format = createFormatError({ maskUnexpected: true, log: (error) => logged.push(error) });
  beforeEach(() => {
    logged.length = 0;
  });

  it('keeps expected coded errors as they are', () => {
    const error = new GraphQLError('Invalid limit 0', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(format(formatted('Invalid limit 0', 'BAD_USER_INPUT'), error)).toEqual(formatted('Invalid limit 0', 'BAD_USER_INPUT'));
    expect(logged).toEqual([]);
  });

  it('turns an unreachable database into DATABASE_UNAVAILABLE', () => {
    const result = format(formatted('x', 'INTERNAL_SERVER_ERROR'), located(new DatabaseUnavailableError('Neo4j is unavailable')));
    expect(result.extensions?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('says a query ran out of time, with the reason, instead of masking it', () => {
    const timeout = Object.assign(new Error('The transaction has been terminated'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    const result = format(formatted('x', 'INTERNAL_SERVER_ERROR'), located(timeout));
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'QUERY_TIMEOUT' });
    expect(result.message).toContain('narrow it');
  });

  it('masks anything unexpected and logs it once', () => {
    const result = format(formatted('secret detail', 'INTERNAL_SERVER_ERROR'), located(new TypeError('secret detail')));
    expect(result.message).toBe('Internal server error');
    expect(result.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logged).toHaveLength(1);
  });
});
