import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/domainErrors';
import { identityOf } from './identify';

export interface RateLimitSettings {
  /** Requests per minute per client; 0 turns the limit off. */
  readonly perMinute: number;
  /** `subject`: a verified token's subject, else the address; `ip`: always the address. */
  readonly key: 'subject' | 'ip';
}

/** Given a request, returns the key its client is counted under. */
function clientKey(req: Request, res: Response, key: RateLimitSettings['key']): string {
  const identity = identityOf(res);
  if (key === 'subject' && identity.kind === 'verified' && identity.claims.sub !== undefined) return `sub:${identity.claims.sub}`;
  // req.ip honours TRUST_PROXY: behind a proxy it is the client's address, not the proxy's.
  return `ip:${req.ip ?? 'unknown'}`;
}

/**
 * Given the limit and how to answer a refused request (the GraphQL route answers an `errors`
 * list, the widget route its own shape), returns the middleware that counts each client's
 * requests in one-minute windows (rate-limiter-flexible, in memory: one count per replica) and
 * refuses those past the limit with HTTP 429, Retry-After and a RATE_LIMITED error. `onLimited`
 * counts refusals (metrics).
 */
export function rateLimit(
  settings: RateLimitSettings,
  refuse: (res: Response, error: RateLimitedError) => void,
  onLimited: () => void = () => undefined,
): RequestHandler {
  if (settings.perMinute === 0) return (_req, _res, next) => next();
  const limiter = new RateLimiterMemory({ points: settings.perMinute, duration: 60 });
  return (req, res, next) => {
    limiter.consume(clientKey(req, res, settings.key)).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) {
          next(rejection);
          return;
        }
        onLimited();
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.set('Retry-After', String(seconds));
        refuse(res.status(429), new RateLimitedError(seconds));
      },
    );
  };
}
