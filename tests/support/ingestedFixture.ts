import fs from 'node:fs';
import path from 'node:path';
import { refreshNameKeys } from '../../src/ingestion/graph/refreshNameKeys';
import type { Graph } from '../../src/neo4j/createGraph';
import { readEvalArticles, type EvalArticle } from '../../scripts/linkingEval/evalArticles';
import { seedRecords, seedRelationships } from './seedFacts';

/** Every URL a test ingests starts with this: nothing real lives under .invalid. */
export const TEST_URL = 'https://test.invalid/';

/** Given an eval/linking label id prefix (a02, a07 …), returns that article (its own words, eval/linking/README.md). */
export function evalArticle(prefix: string): EvalArticle {
  const found = readEvalArticles().articles.find((a) => a.labels.id.startsWith(prefix));
  if (!found) throw new Error(`no eval article ${prefix}`);
  return found;
}

const SEED_NODE_FILES = fs
  .readdirSync(path.resolve(__dirname, '..', '..', 'seeds'))
  .filter((f) => f.endsWith('.json') && f !== 'relationships.json');

/**
 * Puts the graph back as the seeds left it after tests ingested articles under TEST_URL: the
 * stories, their texts and proposals, every node and relationship whose only sources are those
 * stories, and merge records are deleted; seeded nodes and relationships a test added a story to
 * get their seeded sources and confidence back; the name index follows.
 */
export async function removeIngested(graph: Graph): Promise<void> {
  const rows = await graph.read('MATCH (s:Story) WHERE s.url STARTS WITH $prefix RETURN collect(s.id) AS ids', {
    prefix: TEST_URL,
  });
  const storyIds = (rows[0]?.ids as string[] | undefined) ?? [];
  const seedNodes = new Map(SEED_NODE_FILES.flatMap((f) => seedRecords(f)).map((r) => [String(r.id), r]));
  const seedRels = new Map(seedRelationships().map((r) => [`${r.from}|${r.type}|${r.to}`, r]));
  await graph.writeTransaction(async (tx) => {
    const rels = await tx.run(
      `MATCH (a)-[r]->(b) WHERE any(s IN coalesce(r.sources, []) WHERE s IN $ids)
       RETURN elementId(r) AS rid, a.id AS from, type(r) AS type, b.id AS to`,
      { ids: storyIds },
    );
    for (const r of rels) {
      const seeded = seedRels.get(`${String(r.from)}|${String(r.type)}|${String(r.to)}`);
      if (seeded) {
        await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $rid SET r.sources = $sources, r.confidence = $confidence', {
          rid: r.rid,
          sources: seeded.sources,
          confidence: seeded.confidence,
        });
      } else {
        await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $rid DELETE r', { rid: r.rid });
      }
    }
    const nodes = await tx.run(
      'MATCH (n:Entity) WHERE any(s IN coalesce(n.sources, []) WHERE s IN $ids) OR n.id IN $ids RETURN n.id AS id',
      { ids: storyIds },
    );
    for (const { id } of nodes) {
      const seeded = seedNodes.get(String(id));
      if (seeded && !storyIds.includes(String(id))) {
        await tx.run('MATCH (n:Entity {id: $id}) SET n.sources = $sources, n.confidence = $confidence', {
          id,
          sources: seeded.sources,
          confidence: seeded.confidence,
        });
      } else {
        await tx.run('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
      }
    }
    await tx.run('MATCH (t:StoryText) WHERE t.storyId IN $ids DETACH DELETE t', { ids: storyIds });
    await tx.run('MATCH (p:Proposal) WHERE p.storyId IN $ids DETACH DELETE p', { ids: storyIds });
    await tx.run("MATCH (m:MergeRecord) WHERE m.actor = 'test-editor' DELETE m");
  });
  await refreshNameKeys(graph);
}
