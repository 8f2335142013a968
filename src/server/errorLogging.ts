import type { ApolloServerPlugin } from '@apollo/server';
import { toApiError } from '../errors/toApiError';
import type { Context } from './context';

/**
 * Logs each error of a GraphQL request once, with the request's id: an unexpected one at error
 * level with its cause and stack (the client sees it masked), an unavailable database at warn.
 * Expected errors (bad input, not found, auth) are the client's business and are not logged.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const api = toApiError(error, { maskUnexpected: false });
            if (api.unexpected) {
              contextValue.log.error(
                { err: error.originalError ?? error, operationName, path: error.path },
                'unexpected error in a GraphQL request',
              );
            } else if (api.code === 'DATABASE_UNAVAILABLE' || api.httpStatus === 504) {
              contextValue.log.warn({ code: api.code, operationName, reason: api.message }, 'GraphQL request failed');
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}
