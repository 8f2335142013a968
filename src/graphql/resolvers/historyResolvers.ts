import { BadInputError, ForbiddenError, UnauthenticatedError } from '../../errors/domainErrors';
import type { MutationRevertArgs, QueryHistoryArgs } from '../../generated/resolvers-types';
import type { Context } from '../../server/context';
import { entityHistory } from '../../writes/entityHistory';
import { actorOf, isEditor } from '../../writes/requestWrites';
import { revertRevision } from '../../writes/revertRevision';
import { revisionForApi, type ApiRevision } from '../../writes/revisionForApi';
import { intInRange, text } from './args';

/** Given the `after` argument, returns the transaction number it names, or throws BAD_USER_INPUT. */
function cursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  if (!/^[1-9]\d{0,15}$/.test(after)) throw new BadInputError('after', after, 'must be the nextCursor of a previous page');
  return Number(after);
}

/** Query.history: validates, reads one page of the node's revisions, shows actors to editors only. */
export async function historyResolver(
  _root: unknown,
  args: QueryHistoryArgs,
  context: Context,
): Promise<{ revisions: ApiRevision[]; nextCursor: string | null }> {
  const id = text('id', args.id, 200);
  const limit = intInRange('limit', args.limit, 20, 1, 100);
  const page = await entityHistory(context.graph, id, limit, cursor(args.after));
  const editor = isEditor(context.jwt);
  return {
    revisions: page.revisions.map((revision) => revisionForApi(revision, editor)),
    nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
  };
}

/** Mutation.revert: editors only; undoes one revision as a new, recorded write. */
export async function revertResolver(
  _root: unknown,
  args: MutationRevertArgs,
  context: Context,
): Promise<{ reverted: ApiRevision; revision: ApiRevision | null }> {
  if (!context.jwt) throw new UnauthenticatedError();
  if (!isEditor(context.jwt)) throw new ForbiddenError();
  const revisionId = text('revisionId', args.revisionId, 200);
  const result = await revertRevision(context.graph, revisionId, {
    actor: actorOf(context.jwt),
    requestId: context.writes.requestId,
  });
  return {
    reverted: revisionForApi(result.reverted, true),
    revision: result.revision ? revisionForApi(result.revision, true) : null,
  };
}
