import type { QueryWidgetStatsArgs } from '../../generated/resolvers-types';
import type { Context } from '../../server/context';
import { widgetStats, type WidgetStats } from '../../web/widgetCounts';
import { isoDay, ordered } from './analysisResolvers';
import { text } from './args';
import { requireEditor } from './requireEditor';

/** Query.widgetStats: the widget's counts for one source entity, for editors. */
export function widgetStatsResolver(_root: unknown, args: QueryWidgetStatsArgs, context: Context): Promise<WidgetStats> {
  requireEditor(context);
  const entity = text('entity', args.entity, 200);
  // Both are required by the SDL, so isoDay never answers null here.
  const from = isoDay('from', args.from) ?? '';
  const to = isoDay('to', args.to) ?? '';
  ordered(from, to);
  return widgetStats(context.graph, entity, from, to);
}
