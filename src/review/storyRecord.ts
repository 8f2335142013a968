import { BadInputError } from '../errors/domainErrors';
import { nodeProperties } from '../importer/importDataset';
import { NODE_SCHEMAS } from '../importer/seedSchema';
import type { ArticleSubmission } from './articleInput';

/**
 * Given a story id and the submitted article, returns the Story node's properties: checked
 * against the domain model's Story schema (the importer's), with the derived search properties;
 * the URL is its source and the article its single source. The text itself is not a property of
 * the story: it is kept in its text versions.
 */
export function storyProperties(id: string, article: ArticleSubmission): Record<string, unknown> {
  const record = {
    id,
    name: article.title,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    publishedAt: article.publishedAt,
    channel: 'NEWS',
    language: 'vi',
    sources: [article.url],
    confidence: 'SINGLE_SOURCE',
  };
  const checked = NODE_SCHEMAS.Story.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? 'input');
    throw new BadInputError(field, (record as Record<string, unknown>)[field] ?? null, issue?.message ?? 'is not valid');
  }
  return nodeProperties({ label: 'Story', record: { ...checked.data, id: record.id } });
}
