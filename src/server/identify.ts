import type { RequestHandler, Response } from 'express';
import type { Identity, TokenVerifier } from '../auth/createTokenVerifier';
import { scopeOf } from './requestScope';

/**
 * Given the token verifier, returns the middleware that verifies the request's bearer token once
 * and keeps who is calling for the rest of the request (identityOf): the rate limit counts by it
 * and the GraphQL context hands its claims to @neo4j/graphql's authorization. A refused token is
 * logged at debug with why; the request goes on as anonymous (reads are public, writes refused).
 */
export function identify(verify: TokenVerifier): RequestHandler {
  return (req, res, next) => {
    verify(req.headers.authorization)
      .then((identity) => {
        res.locals.identity = identity;
        if (identity.kind === 'invalid') scopeOf(res).log.debug({ reason: identity.reason }, 'token refused');
        next();
      })
      .catch(next);
  };
}

/** Given a response whose request passed identify, returns who is calling (anonymous otherwise). */
export function identityOf(res: Response): Identity {
  return (res.locals.identity as Identity | undefined) ?? { kind: 'anonymous' };
}
