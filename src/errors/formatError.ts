import type { GraphQLFormattedError } from 'graphql';
import { toApiError } from './toApiError';

/**
 * graphql-js suggests names it knows ("Did you mean the enum value \"PERSON\"?", "Did you mean
 * \"limit\"?") in validation and variable-coercion messages; graphql-armor's blockFieldSuggestion
 * covers field names only. Outside introspection (production) the schema is not to be guessed
 * through them, so every suggestion is cut from every message.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '');
}

/**
 * Given whether to mask unexpected errors (and suggestions), returns Apollo's formatError: every error as
 * toApiError says, with its code and extensions (and, in development, Apollo's stack trace).
 * Logging is not done here (formatError has no request context): the request-logging plugin
 * logs each unexpected error once, with the request id.
 */
export function createFormatError(options: { maskUnexpected: boolean; maskSuggestions?: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const api = toApiError(error, options);
    const stacktrace = api.unexpected && options.maskUnexpected ? undefined : formatted.extensions?.stacktrace;
    return {
      message: options.maskSuggestions ? withoutSuggestions(api.message) : api.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: api.code, ...api.extensions, ...(stacktrace === undefined ? {} : { stacktrace }) },
    };
  };
}
