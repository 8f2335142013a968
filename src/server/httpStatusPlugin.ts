import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { HTTP_STATUS } from '../errors/toApiError';

/** Given a formatted error, returns the HTTP status its code stands for. */
function statusOf(error: GraphQLFormattedError): number {
  const extensions = error.extensions ?? {};
  if (extensions.reason === 'QUERY_TIMEOUT') return 504;
  const code = extensions.code;
  if (typeof code === 'string' && code in HTTP_STATUS) return HTTP_STATUS[code as keyof typeof HTTP_STATUS];
  // graphql-js's and Apollo's own request codes (parse, validation, persisted queries, …).
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? 400 : 500;
}

/**
 * The HTTP status of a GraphQL answer follows its errors (src/errors/toApiError.ts): a request
 * that produced no data (null, or null in every root field) answers with the status of its first
 * error (400 for BAD_USER_INPUT, 404, 401, 403, 503 for an unavailable database, 504 for a query
 * timeout), and any refused heavy analytic makes it 503 with Retry-After, so clients, proxies and
 * load tests can tell a refusal from an answer without reading the body. Answers with data keep
 * 200 beside their field errors, as GraphQL over HTTP has it.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          const { data, errors } = response.body.singleResult;
          if (!errors || errors.length === 0) return Promise.resolve();
          const overloaded = errors.find((e) => e.extensions?.code === 'OVERLOADED');
          if (overloaded) {
            response.http.status = 503;
            const seconds = overloaded.extensions?.retryAfterSeconds;
            response.http.headers.set('retry-after', String(typeof seconds === 'number' ? seconds : 1));
            return Promise.resolve();
          }
          const noData = data === null || data === undefined || Object.values(data).every((value) => value === null);
          // Apollo answers 500 for errors raised outside execution (a plugin's, armor's) whatever their code.
          const unset = response.http.status === undefined || response.http.status === 200 || response.http.status === 500;
          if (noData && unset) {
            response.http.status = statusOf(errors[0]!);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
