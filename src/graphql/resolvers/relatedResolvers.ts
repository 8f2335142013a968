import type { RelatedExemplar } from '../../analytics/related/relatedExemplars';
import type { RelatedStory } from '../../analytics/related/relatedStories';
import type {
  CollectiveRelatedExemplarsArgs,
  PersonRelatedExemplarsArgs,
  QueryRelatedExemplarsArgs,
  QueryRelatedStoriesArgs,
} from '../../generated/resolvers-types';
import type { Context } from '../../server/context';
import { isDomainLabel, kindOfLabel } from '../../domain/labels';
import { intInRange, text } from './args';

const MAX_LIMIT = 50;

/** Query.relatedExemplars: validates id and limit, then loads through the request's DataLoader. */
export function relatedExemplarsResolver(
  _root: unknown,
  args: QueryRelatedExemplarsArgs,
  context: Context,
): Promise<RelatedExemplar[]> {
  const id = text('id', args.id, 200);
  const limit = intInRange('limit', args.limit, 10, 1, MAX_LIMIT);
  return context.loaders.relatedExemplars.load({ id, limit });
}

/** Person.relatedExemplars and Collective.relatedExemplars: one batched query for every parent in the request. */
export function exemplarRelatedExemplarsResolver(
  parent: { id: string },
  args: PersonRelatedExemplarsArgs | CollectiveRelatedExemplarsArgs,
  context: Context,
): Promise<RelatedExemplar[]> {
  const limit = intInRange('limit', args.limit, 5, 1, MAX_LIMIT);
  return context.loaders.relatedExemplars.load({ id: parent.id, limit });
}

/** Query.relatedStories: validates id and limit, then loads through the request's DataLoader. */
export function relatedStoriesResolver(_root: unknown, args: QueryRelatedStoriesArgs, context: Context): Promise<RelatedStory[]> {
  const id = text('id', args.id, 200);
  const limit = intInRange('limit', args.limit, 10, 1, MAX_LIMIT);
  return context.loaders.relatedStories.load({ id, limit });
}

/** RelatedExemplar.kind and SharedNode.kind: the analytics speak node labels, the API EntityKind. */
export function kindResolver(node: { kind: string }): string {
  return isDomainLabel(node.kind) ? kindOfLabel(node.kind) : node.kind;
}
