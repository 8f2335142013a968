import type { InfluenceOptions } from '../../analytics/network/influenceNetwork';
import type { SeedBy } from '../../analytics/network/influenceSubgraph';
import { BadInputError } from '../../errors/domainErrors';
import { intInRange } from './args';

/** influenceNetwork's arguments, as GraphQL hands them or as the export route reads them from a URL. */
export interface InfluenceArgs {
  readonly ids?: readonly string[] | null;
  readonly field?: string | null;
  readonly place?: string | null;
  readonly depth?: number | null;
  readonly limit?: number | null;
  readonly engine?: 'GDS' | 'GRAPHOLOGY' | null;
  readonly recompute?: boolean | null;
}

/**
 * Given influenceNetwork's arguments, returns how to seed and the options, or throws
 * BAD_USER_INPUT naming the argument: exactly one of ids (1 to 50), field or place; depth 1 to 3
 * (default 2); limit 1 to 2000 (default 200).
 */
export function influenceRequest(args: InfluenceArgs): { seedBy: SeedBy; options: InfluenceOptions } {
  const given = (['ids', 'field', 'place'] as const).filter((name) => args[name] !== null && args[name] !== undefined);
  if (given.length !== 1) {
    throw new BadInputError(
      given[1] ?? 'ids',
      given.length === 0 ? null : given.map((name) => args[name]),
      'give exactly one of ids, field or place',
    );
  }
  if (args.ids && (args.ids.length === 0 || args.ids.length > 50)) {
    throw new BadInputError('ids', args.ids, 'must name 1 to 50 ids');
  }
  const depth = intInRange('depth', args.depth, 2, 1, 3);
  const limit = intInRange('limit', args.limit, 200, 1, 2000);
  const seedBy: SeedBy = args.ids ? { ids: [...new Set(args.ids)] } : args.field ? { field: args.field } : { place: args.place! };
  return { seedBy, options: { depth, limit, engine: args.engine ?? null, recompute: args.recompute ?? false } };
}
