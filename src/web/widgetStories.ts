import { relatedStoriesFor } from '../analytics/related/relatedStories';
import type { Graph } from '../neo4j/createGraph';
import type { WidgetStory } from './createWebRoutes';

/**
 * Given the graph, returns the widget's data source: relatedStories for one entity, each story
 * reduced to what the widget shows, with its strongest reason as the sentence under the title.
 */
export function widgetStories(graph: Graph): (id: string, limit: number) => Promise<WidgetStory[]> {
  return async (id, limit) => {
    const stories = await relatedStoriesFor(graph, id, limit);
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
