import DataLoader from 'dataloader';
import { nodeFacetsBatch, type NodeFacets } from '../analytics/network/nodeFacets';
import { relatedExemplarsBatch, type RelatedExemplar } from '../analytics/related/relatedExemplars';
import type { RelatedAnswerCache } from '../analytics/related/relatedAnswerCache';
import { relatedStoriesBatch, type RelatedStory } from '../analytics/related/relatedStories';
import type { Graph } from '../neo4j/createGraph';
import { byIdTrimmedPerKey, limitedCacheKey, type LimitedKey } from './limitedBatch';

/** The request's loaders: each batches every load() of one tick into one database query. */
export interface Loaders {
  readonly relatedExemplars: DataLoader<LimitedKey, RelatedExemplar[], string>;
  readonly relatedStories: DataLoader<LimitedKey, RelatedStory[], string>;
  /** The explorer's filters of a network node: its fields and provinces (InfluenceNode.fields, .provinces). */
  readonly nodeFacets: DataLoader<string, NodeFacets>;
}

/**
 * Given the graph and the process's kept related-stories answers (none: every answer computed),
 * returns fresh loaders for one request (never share them across requests: their cache would serve
 * one caller's answers to another and never expire; the kept answers follow the graph's version).
 */
export function createLoaders(graph: Graph, relatedAnswers?: RelatedAnswerCache<RelatedStory[]>): Loaders {
  // One date per request, so every story in one answer is dated against the same day.
  const today = new Date().toISOString().slice(0, 10);
  return {
    relatedExemplars: new DataLoader(
      byIdTrimmedPerKey((ids, limit) => relatedExemplarsBatch(graph, ids, limit)),
      { cacheKeyFn: limitedCacheKey },
    ),
    relatedStories: new DataLoader(
      byIdTrimmedPerKey((ids, limit) => relatedStoriesBatch(graph, ids, limit, { today, answers: relatedAnswers })),
      { cacheKeyFn: limitedCacheKey },
    ),
    nodeFacets: new DataLoader((ids) => nodeFacetsBatch(graph, ids)),
  };
}
