import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logging/createLogger';

/** The header a request id comes in and goes back out in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is honoured when it is short and plain (a proxy's or a client's trace id), so it cannot forge log lines. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What every part of one request shares: its id, and a logger whose every line carries it. */
export interface RequestScope {
  readonly requestId: string;
  readonly log: Logger;
}

/** Given the incoming header, returns the request id: the header's when sane, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_ID.test(value) ? value : randomUUID();
}

/**
 * Given the process logger, returns the middleware that opens each request's scope: picks its id,
 * returns it in the x-request-id response header, keeps a child logger carrying it for the
 * request's code (scopeOf), and logs the request once when it finishes (method, path, status,
 * milliseconds) at debug level, so a busy server logs errors and not traffic unless asked.
 */
export function requestScope(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const log = logger.child({ requestId });
    const scope: RequestScope = { requestId, log };
    res.locals.scope = scope;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (log.isLevelEnabled('debug')) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        log.debug(
          { method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
          'request',
        );
      });
    }
    next();
  };
}

/** Given a response whose request passed requestScope, returns its scope. */
export function scopeOf(res: Response): RequestScope {
  const scope = res.locals.scope as RequestScope | undefined;
  if (!scope) throw new Error('requestScope must run before this handler');
  return scope;
}
