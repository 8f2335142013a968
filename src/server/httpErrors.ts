import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toApiError } from '../errors/toApiError';
import { scopeOf } from './requestScope';

/** The body of a GraphQL request refused before Apollo saw it, in the GraphQL response shape. */
export function graphqlErrorBody(message: string, code: string, extensions: Readonly<Record<string, unknown>> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** Given a request path, whether its answer is in the GraphQL shape (`errors`) or the plain one (`code`, `message`). */
const isGraphql = (path: string) => path === '/graphql' || path.startsWith('/graphql/');

/** An unknown path: 404 with a code, as JSON, whatever the method. */
export function notFound(): RequestHandler {
  return (req, res) => {
    const message = `No route for ${req.method} ${req.path.slice(0, 200)}`;
    res.status(404);
    if (isGraphql(req.path)) res.json(graphqlErrorBody(message, 'NOT_FOUND'));
    else res.json({ code: 'NOT_FOUND', message, requestId: scopeOf(res).requestId });
  };
}

/** HTTP-level client errors (body-parser, static files) carry a 4xx status and a message safe to show. */
function clientStatus(error: unknown): number | undefined {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Given whether to mask unexpected errors, returns Express's last error handler: a malformed
 * request (bad JSON, a body over the limit, an unsupported charset) answers its 4xx status with
 * code BAD_REQUEST; anything else follows toApiError (logged once when unexpected, masked outside
 * development). Never a stack trace, never Express's HTML page.
 */
export function httpErrorHandler(maskUnexpected: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { log, requestId } = scopeOf(res);
    const status = clientStatus(error);
    let code: string;
    let message: string;
    let httpStatus: number;
    if (status !== undefined) {
      code = status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      message = error instanceof Error ? error.message : 'Bad request';
      httpStatus = status;
    } else {
      const api = toApiError(error, { maskUnexpected });
      if (api.unexpected) log.error({ err: error, route: req.path }, 'unexpected error in an HTTP route');
      ({ code, message, httpStatus } = api);
    }
    res.status(httpStatus).set('Cache-Control', 'no-store');
    if (isGraphql(req.originalUrl.split('?')[0] ?? '')) res.json(graphqlErrorBody(message, code));
    else res.json({ code, message, requestId });
  };
}
