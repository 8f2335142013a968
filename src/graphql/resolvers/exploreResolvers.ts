import { centralExemplars } from '../../analytics/network/centralExemplars';
import type { NodeFacets } from '../../analytics/network/nodeFacets';
import { VIEW_LIMIT, viewNetwork } from '../../analytics/network/viewNetwork';
import { BadInputError, ForbiddenError } from '../../errors/domainErrors';
import type {
  MutationDeleteViewArgs,
  MutationSaveViewArgs,
  QueryCentralExemplarsArgs,
  QueryViewNetworkArgs,
} from '../../generated/resolvers-types';
import type { Context } from '../../server/context';
import { deleteView, listViews, saveView } from '../../views/savedViews';
import { intInRange, text } from './args';

/** Query.centralExemplars: validates the limit; one statement. */
export function centralExemplarsResolver(_root: unknown, args: QueryCentralExemplarsArgs, context: Context) {
  return centralExemplars(context.graph, intInRange('limit', args.limit, 8, 1, 50));
}

/** Query.viewNetwork: validates the ids; the induced network, scored. */
export async function viewNetworkResolver(_root: unknown, args: QueryViewNetworkArgs, context: Context) {
  const ids = [...new Set(args.ids)];
  if (ids.length === 0 || ids.length > VIEW_LIMIT) {
    throw new BadInputError('ids', args.ids.length, `must name 1 to ${VIEW_LIMIT} ids`);
  }
  const result = await viewNetwork(context.graph, ids, { engine: args.engine ?? null, recompute: args.recompute ?? false });
  if (result.found) return result.view;
  throw new BadInputError('engine', result.engineUnavailable, 'this server has no Graph Data Science library');
}

/** Query.views. */
export function viewsResolver(_root: unknown, _args: unknown, context: Context) {
  return listViews(context.graph);
}

/**
 * Given the context of a mutation that @authentication let through (a valid token), throws
 * FORBIDDEN unless the token carries the editor role. @authentication's own role filter answers
 * a valid token without the role as unauthenticated, which would tell the caller the wrong thing.
 */
function requireEditor(context: Context): void {
  const roles: unknown = context.jwt?.roles;
  if (!Array.isArray(roles) || !roles.includes('editor')) throw new ForbiddenError();
}

/** Mutation.saveView (editor): validates the name; the state is checked by saveView. */
export function saveViewResolver(_root: unknown, args: MutationSaveViewArgs, context: Context) {
  requireEditor(context);
  const savedBy = typeof context.jwt?.sub === 'string' ? context.jwt.sub : 'editor';
  return saveView(context.graph, { name: text('name', args.name, 120), state: args.state, savedBy });
}

/** Mutation.deleteView (editor). */
export function deleteViewResolver(_root: unknown, args: MutationDeleteViewArgs, context: Context) {
  requireEditor(context);
  return deleteView(context.graph, args.id);
}

/** InfluenceNode.fields and .provinces: one batched statement for every node of the answer. */
function facets(parent: { id: string }, context: Context): Promise<NodeFacets> {
  return context.loaders.nodeFacets.load(parent.id);
}

export const influenceNodeFacetResolvers = {
  fields: async (parent: { id: string }, _args: unknown, context: Context) => (await facets(parent, context)).fields,
  provinces: async (parent: { id: string }, _args: unknown, context: Context) => (await facets(parent, context)).provinces,
};
