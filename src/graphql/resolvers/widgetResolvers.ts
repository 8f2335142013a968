import { BadInputError } from '../../errors/domainErrors';
import type { QueryWidgetStatsArgs } from '../../generated/resolvers-types';
import type { Context } from '../../server/context';
import { widgetStats, type WidgetStats } from '../../web/widgetCounts';
import { isoDay, ordered } from './analysisResolvers';
import { text } from './args';
import { requireEditor } from './requireEditor';

/** Given a required Date argument, returns it as an ISO day, or throws BAD_USER_INPUT naming it. */
function requiredDay(name: string, value: unknown): string {
  const day = isoDay(name, value);
  if (day === null) throw new BadInputError(name, null, 'must be a day, YYYY-MM-DD');
  return day;
}

/** Query.widgetStats: the widget's counts for one source entity, for editors. */
export function widgetStatsResolver(_root: unknown, args: QueryWidgetStatsArgs, context: Context): Promise<WidgetStats> {
  requireEditor(context);
  const entity = text('entity', args.entity, 200);
  const from = requiredDay('from', args.from);
  const to = requiredDay('to', args.to);
  ordered(from, to);
  return widgetStats(context.graph, entity, from, to);
}
