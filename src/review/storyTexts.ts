import type { Graph } from '../neo4j/createGraph';
import { array, decodeRows, nullable, number, object, string, boolean } from '../neo4j/decode';

/** A story as the review page shows it: its fields and its current text, with the versions it has had. */
export interface StoryForReview {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly publisher: string | null;
  readonly publishedAt: string | null;
  readonly text: { readonly id: string; readonly version: number; readonly hash: string; readonly text: string } | null;
  readonly versions: ReadonlyArray<{
    readonly id: string;
    readonly version: number;
    readonly current: boolean;
    readonly createdAt: string;
  }>;
}

const READ = `
MATCH (s:Story {id: $id})
OPTIONAL MATCH (t:StoryText {storyId: $id})
WITH s, t ORDER BY t.version
WITH s, collect(t) AS texts
WITH s, texts, [t IN texts WHERE t.current][0] AS current
RETURN s.id AS id, s.title AS title, s.url AS url, s.publisher AS publisher, s.publishedAt AS publishedAt,
       CASE WHEN current IS NULL THEN null ELSE current { .id, .version, .hash, .text } END AS text,
       [t IN texts | t { .id, .version, .current, .createdAt }] AS versions`;

/** Given a story id, returns it with its current ingested text, or undefined when no story has it. */
export async function storyForReview(graph: Graph, id: string): Promise<StoryForReview | undefined> {
  const rows = await graph.read(READ, { id });
  const [row] = decodeRows(
    'story for review',
    rows,
    object<StoryForReview>({
      id: string,
      title: string,
      url: nullable(string),
      publisher: nullable(string),
      publishedAt: nullable(string),
      text: nullable(object({ id: string, version: number, hash: string, text: string })),
      versions: array(object({ id: string, version: number, current: boolean, createdAt: string })),
    }),
  );
  return row;
}
