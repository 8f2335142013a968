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

/** One count per client, shared by every route it guards (a client's GraphQL and widget requests count together). */
export type ClientLimiter = RateLimiterMemory | undefined;

/** Given the settings, returns the clients' counts: one-minute windows in memory (one count per replica); undefined when off. */
export function createClientLimiter(settings: RateLimitSettings): ClientLimiter {
  return settings.perMinute === 0 ? undefined : new RateLimiterMemory({ points: settings.perMinute, duration: 60 });
}

/**
 * Given the clients' counts, how to key them and how to answer a refused request (the GraphQL
 * route answers an `errors` list, the widget route its own shape), returns the middleware that
 * counts each request and refuses those past the limit with HTTP 429, Retry-After and a
 * RATE_LIMITED error. `onLimited` counts refusals (metrics).
 */
export function rateLimit(
  limiter: ClientLimiter,
  key: RateLimitSettings['key'],
  refuse: (res: Response, error: RateLimitedError) => void,
  onLimited: () => void = () => undefined,
): RequestHandler {
  if (limiter === undefined) return (_req, _res, next) => next();
  return (req, res, next) => {
    limiter.consume(clientKey(req, res, key)).then(
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
