import { ForbiddenError, UnauthenticatedError } from '../../errors/domainErrors';
import type { Context } from '../../server/context';

/** The role a token needs to write (the same one the SDL's @authorization asks of generated mutations). */
export const EDITOR_ROLE = 'editor';

/**
 * Given a resolver's context, returns the editor's identity (the token's subject) and the
 * request's id, or throws UNAUTHENTICATED (no valid token: @neo4j/graphql verified it and set
 * `jwt`) or FORBIDDEN (a token without the editor role). Custom fields call this themselves: the
 * SDL's @authorization covers generated fields only.
 */
export function requireEditor(context: Context): { actor: string; requestId: string } {
  const jwt = context.jwt;
  if (!jwt) throw new UnauthenticatedError();
  const roles = (jwt as { roles?: unknown }).roles;
  if (!Array.isArray(roles) || !roles.includes(EDITOR_ROLE)) throw new ForbiddenError();
  return { actor: typeof jwt.sub === 'string' && jwt.sub !== '' ? jwt.sub : 'editor', requestId: context.requestId };
}
