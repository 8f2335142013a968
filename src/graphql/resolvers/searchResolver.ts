import { search } from '../../analytics/search/search';
import { BadInputError } from '../../errors/domainErrors';
import type { Context } from '../../server/context';
import { kindOfLabel, labelOfKind, type Label } from '../../domain/labels';
import { intInRange, text } from './args';

interface SearchArgs {
  query: string;
  kinds?: string[] | null;
  limit?: number | null;
}

function badKind(kind: string): never {
  throw new BadInputError('kinds', kind, 'is not an EntityKind');
}

/** Query.search: validates the arguments, runs one full-text query, maps labels to kinds. */
export async function searchResolver(_root: unknown, args: SearchArgs, context: Context) {
  const query = text('query', args.query, 200);
  const limit = intInRange('limit', args.limit, 10, 1, 50);
  if (args.kinds && args.kinds.length === 0) {
    throw new BadInputError('kinds', args.kinds, 'must name at least one kind, or be omitted');
  }
  // The EntityKind enum has already refused any other value.
  const labels = args.kinds ? args.kinds.map((kind): Label => labelOfKind(kind) ?? badKind(kind)) : null;
  const hits = await search(context.graph, query, labels, limit);
  return hits.map((hit) => ({ ...hit, kind: kindOfLabel(hit.kind) }));
}
