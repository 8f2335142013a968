import type { GraphQLFormattedError } from 'graphql';
import { toApiError } from './toApiError';

/**
 * Given whether to mask unexpected errors, returns Apollo's formatError: every error as
 * toApiError says, with its code and extensions (and, in development, Apollo's stack trace).
 * Logging is not done here (formatError has no request context): the request-logging plugin
 * logs each unexpected error once, with the request id.
 */
export function createFormatError(options: { maskUnexpected: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const api = toApiError(error, options);
    const stacktrace = api.unexpected && options.maskUnexpected ? undefined : formatted.extensions?.stacktrace;
    return {
      message: api.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: api.code, ...api.extensions, ...(stacktrace === undefined ? {} : { stacktrace }) },
    };
  };
}
