import type { GraphQLResolveInfo } from 'graphql';
import { connectionPath } from '../../analytics/path/connectionPath';
import { fieldDashboard } from '../../analytics/dashboard/fieldDashboard';
import { UNDATED_FIRST, undatedFacts } from '../../analytics/dashboard/undatedFacts';
import { influenceNetwork } from '../../analytics/network/influenceNetwork';
import { movementImpact } from '../../analytics/movement/movementImpact';
import type { ListPage } from '../../analytics/movement/pageImpact';
import { BadInputError, NotFoundError } from '../../errors/domainErrors';
import type {
  FieldDashboardUndatedArgs,
  QueryConnectionPathArgs,
  QueryFieldDashboardArgs,
  QueryInfluenceNetworkArgs,
  QueryMovementImpactArgs,
} from '../../generated/resolvers-types';
import type { Context } from '../../server/context';
import { intInRange, selectsField } from './args';
import { influenceRequest } from './influenceArgs';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The days a period may start or end on: the graph's facts lie well inside, and the database's dates (and a previous period of equal length) stay in range. */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2100-12-31';

/**
 * Given a Date argument (the Date scalar hands resolvers a driver Date; tests may pass a string),
 * returns it as an ISO day, or null when absent, or throws BAD_USER_INPUT naming it.
 */
export function isoDay(name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // A driver Date prints itself as YYYY-MM-DD.
  const text = typeof value === 'string' ? value : (value as { toString(): string }).toString();
  if (!ISO_DAY.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new BadInputError(name, text, 'must be a day, YYYY-MM-DD');
  }
  if (text < FIRST_DAY || text > LAST_DAY) throw new BadInputError(name, text, `must be from ${FIRST_DAY} to ${LAST_DAY}`);
  return text;
}

/** Given an optional period, throws BAD_USER_INPUT naming `to` when it ends before it starts. */
export function ordered(from: string | null, to: string | null): void {
  if (from !== null && to !== null && from > to) throw new BadInputError('to', to, `must not be before from (${from})`);
}

/** Given a list's `<list>First` and `<list>Offset` arguments, returns its page or throws BAD_USER_INPUT naming the argument. */
function listPageArgs(list: string, first: number | null | undefined, offset: number | null | undefined): ListPage {
  return {
    offset: intInRange(`${list}Offset`, offset, 0, 0, 1_000_000),
    first: first === null || first === undefined ? null : intInRange(`${list}First`, first, 0, 1, 1000),
  };
}

/** Query.movementImpact: validates the period, window and pages, runs one statement. */
export async function movementImpactResolver(_root: unknown, args: QueryMovementImpactArgs, context: Context) {
  const from = isoDay('from', args.from);
  const to = isoDay('to', args.to);
  ordered(from, to);
  const replicationWindowDays = intInRange('replicationWindowDays', args.replicationWindowDays, 365, 1, 3650);
  const pages = {
    replication: listPageArgs('replication', args.replicationFirst, args.replicationOffset),
    places: listPageArgs('places', args.placesFirst, args.placesOffset),
  };
  const impact = await context.heavy('movementImpact', () =>
    movementImpact(context.graph, args.id, { from, to, replicationWindowDays }, pages),
  );
  if (!impact) throw new NotFoundError('movement', args.id);
  return impact;
}

/** Query.influenceNetwork: validates exactly one seed, depth, limit and engine; extracts and scores. */
export async function influenceNetworkResolver(_root: unknown, args: QueryInfluenceNetworkArgs, context: Context) {
  const { seedBy, options } = influenceRequest(args);
  const result = await context.heavy('influenceNetwork', () => influenceNetwork(context.graph, seedBy, options));
  if (result.found) return result.network;
  if ('engineUnavailable' in result) {
    throw new BadInputError('engine', result.engineUnavailable, 'this server has no Graph Data Science library');
  }
  throw new NotFoundError('field' in seedBy ? 'field' : 'place' in seedBy ? 'place' : 'node', result.missing);
}

/** Query.connectionPath: validates the ids and hops, finds and explains the best shortest chain. */
export async function connectionPathResolver(_root: unknown, args: QueryConnectionPathArgs, context: Context) {
  const maxHops = intInRange('maxHops', args.maxHops, 6, 1, 10);
  if (args.fromId === args.toId) throw new BadInputError('toId', args.toId, 'must differ from fromId');
  const result = await context.heavy('connectionPath', () =>
    connectionPath(context.graph, args.fromId, args.toId, maxHops, args.viaStories ?? false),
  );
  if (!result.found) throw new NotFoundError('node', result.missing === 'fromId' ? args.fromId : args.toId);
  return result.path;
}

/**
 * Query.fieldDashboard: validates the period; reads the figures from the dashboard cube when it can
 * answer and no \`ids\` are asked for, else runs one live statement for every panel of both periods.
 */
export async function fieldDashboardResolver(
  _root: unknown,
  args: QueryFieldDashboardArgs,
  context: Context,
  info: GraphQLResolveInfo,
) {
  const from = isoDay('from', args.from)!;
  const to = isoDay('to', args.to)!;
  ordered(from, to);
  // undated's ids are its own statement's (fieldDashboardUndatedResolver), not the panels'.
  const ids = selectsField(info, 'ids', ['undated']);
  // Read from the cube it is cheap; answered live, it is heavy and runs under the limit.
  const result = await fieldDashboard(context.graph, args.field, args.place ?? null, from, to, {
    ids,
    runLive: (work) => context.heavy('fieldDashboard', work),
  });
  if (result.found) return result.dashboard;
  throw result.missing === 'field' ? new NotFoundError('field', args.field) : new NotFoundError('place', args.place ?? '');
}

/**
 * FieldDashboard.undated: validates \`first\` and reads the scope's undated facts, only when a
 * client asks for them (its own statement, under the heavy limit like the live dashboard).
 */
export async function fieldDashboardUndatedResolver(
  parent: { field: { id: string }; place: { id: string } | null },
  args: FieldDashboardUndatedArgs,
  context: Context,
) {
  const first = intInRange('first', args.first, UNDATED_FIRST, 0, 1000);
  return context.heavy('fieldDashboardUndated', () =>
    undatedFacts(context.graph, parent.field.id, parent.place?.id ?? null, first),
  );
}
