import type { WriteMetadata } from '../neo4j/createGraph';

/**
 * What the writes of one API request carry: the request's id, when it started (so "did this
 * request change anything?" reads only its own revisions, whatever id a client sent), and the
 * operation, named by writePathPlugin once graphql-js has resolved it.
 */
export interface RequestWrites {
  readonly requestId: string;
  /** ISO date-time the request started. */
  readonly startedAt: string;
  /** `graphql:<root fields>` of the mutation; `graphql` until resolved. */
  operation: string;
}

/** Given the request's id, returns its write scope. */
export function createRequestWrites(requestId: string, now: Date = new Date()): RequestWrites {
  return { requestId, startedAt: now.toISOString(), operation: 'graphql' };
}

/** Given the token @neo4j/graphql verified (context.jwt), returns who writes: its subject, or `anonymous`. */
export function actorOf(jwt: unknown): string {
  const sub = (jwt as { sub?: unknown } | null | undefined)?.sub;
  return typeof sub === 'string' && sub.length > 0 ? sub : 'anonymous';
}

/** Given the verified token, returns whether it carries the editor role (roles must be a list; the string "editor" is not one). */
export function isEditor(jwt: unknown): boolean {
  const roles = (jwt as { roles?: unknown } | null | undefined)?.roles;
  return Array.isArray(roles) && roles.includes('editor');
}

/** Given a request's write scope, the verified token and optionally the operation, returns the transaction metadata of its writes. */
export function requestWriteMetadata(writes: RequestWrites, jwt: unknown, operation?: string): WriteMetadata {
  return { actor: actorOf(jwt), operation: operation ?? writes.operation, requestId: writes.requestId };
}
