import { search } from '../../analytics/search/search';
import { badUserInput } from '../../errors/formatError';
import type { Context } from '../../server/context';
import { intInRange, KIND_TO_LABEL, LABEL_TO_KIND, text } from './args';

interface SearchArgs {
  query: string;
  kinds?: string[] | null;
  limit?: number | null;
}

/** Query.search: validates the arguments, runs one full-text query, maps labels to kinds. */
export async function searchResolver(_root: unknown, args: SearchArgs, context: Context) {
  const query = text('query', args.query, 200);
  const limit = intInRange('limit', args.limit, 10, 1, 50);
  if (args.kinds && args.kinds.length === 0) throw badUserInput('kinds', args.kinds, 'must name at least one kind, or be omitted');
  const labels = args.kinds ? args.kinds.map((kind) => KIND_TO_LABEL[kind] ?? kind) : null;
  const hits = await search(context.graph, query, labels as never, limit);
  return hits.map((hit) => ({ ...hit, kind: LABEL_TO_KIND[hit.kind] }));
}
