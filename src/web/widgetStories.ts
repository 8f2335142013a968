import type { RelatedAnswerCache } from '../analytics/related/relatedAnswerCache';
import { relatedStoriesFor, type RelatedStory } from '../analytics/related/relatedStories';
import type { Graph } from '../neo4j/createGraph';
import { decodeRows, object, string } from '../neo4j/decode';
import type { WidgetStory } from './createWidgetRoutes';

/**
 * Given the graph and the process's kept related-stories answers (shared with /graphql), returns
 * the widget's data source: relatedStories for one entity (computed now when the client asked for
 * a fresh answer), each story reduced to what the widget shows, with its strongest reason as the
 * sentence under the title.
 */
export function widgetStories(
  graph: Graph,
  answers?: RelatedAnswerCache<RelatedStory[]>,
): (id: string, limit: number, options: { fresh: boolean }) => Promise<WidgetStory[]> {
  return async (id, limit, { fresh }) => {
    const stories = await relatedStoriesFor(graph, id, limit, fresh ? {} : { answers });
    return stories.map((story) => ({
      id: story.id,
      title: story.title,
      url: story.url,
      publisher: story.publisher,
      publishedAt: story.publishedAt,
      publishedPeriod: story.publishedPeriod,
      channel: story.channel,
      // Ties broken by the sentence itself, so the same graph always gives the same body (and ETag).
      why: [...story.reasons].sort((a, b) => b.contribution - a.contribution || a.why.localeCompare(b.why))[0]?.why ?? '',
    }));
  };
}

// Ingestion finds a story by the same property (review/ingestArticle.ts); the lowest id wins, as there.
const STORY_BY_URL = `
MATCH (story:Story {url: $url})
RETURN story.id AS id
ORDER BY id
LIMIT 1`;

const decodeId = object<{ id: string }>({ id: string });

/**
 * Given the graph, returns the widget's page lookup: given a URL already normalised as ingestion
 * stores it (review/articleInput.ts, normalizeArticleUrl), the id of the story ingested from it,
 * or null when none was.
 */
export function storyIdByUrl(graph: Graph): (url: string) => Promise<string | null> {
  return async (url) => decodeRows('storyIdByUrl', await graph.read(STORY_BY_URL, { url }), decodeId)[0]?.id ?? null;
}
