import { createHash } from 'node:crypto';
import { extractProposals } from '../ingestion/extractProposals';
import type { Gazetteer } from '../ingestion/gazetteer';
import { writeNameKeys } from '../ingestion/graph/writeNameKeys';
import { normalizeArticleText } from '../ingestion/normalizeArticleText';
import type { Proposal } from '../ingestion/proposal';
import type { Graph, Tx } from '../neo4j/createGraph';
import { decodeRows, nullable, number, object, string } from '../neo4j/decode';
import { readArticleInput, type ArticleInputFields, type ArticleSubmission } from './articleInput';
import { entityId, freeId } from './entitySlug';
import { proposalRowsOfText, toView } from './proposalNode';
import { staticView, storedProposalId, type ProposalView } from './proposalView';
import { storyProperties } from './storyRecord';
import { decisionTransaction, type WriteMetadata } from './writeMetadata';

export interface IngestDependencies {
  readonly graph: Graph;
  readonly gazetteer: Gazetteer;
  readonly now?: () => Date;
}

/** The story as ingestion wrote or found it. */
export interface IngestedStory {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly publisher: string;
  readonly publishedAt: string;
}

/** One text version of a story: the normalised text every selector of its proposals points into. */
export interface TextVersion {
  readonly id: string;
  readonly version: number;
  readonly hash: string;
  readonly text: string;
}

export interface IngestOutcome {
  readonly story: IngestedStory;
  readonly text: TextVersion;
  /** A new Story node was written. */
  readonly created: boolean;
  /** The story existed and its text changed: a new text version with its own proposals. */
  readonly revised: boolean;
  readonly proposals: readonly ProposalView[];
  readonly stats: { readonly lookupKeys: number; readonly entries: number; readonly millis: number };
}

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

const FIND = `
OPTIONAL MATCH (same:StoryText {hash: $hash}) WHERE EXISTS { MATCH (:Story {id: same.storyId}) }
OPTIONAL MATCH (byUrl:Story {url: $url})
WITH same, byUrl ORDER BY byUrl.id LIMIT 1
OPTIONAL MATCH (version:StoryText {storyId: coalesce(same.storyId, byUrl.id)})
WITH same, byUrl, max(version.version) AS lastVersion,
     [v IN collect(version) WHERE v.current | v.id][0] AS currentTextId
OPTIONAL MATCH (story:Story {id: coalesce(same.storyId, byUrl.id)})
RETURN same.id AS sameTextId, story { .id, .title, .url, .publisher, .publishedAt } AS story, lastVersion, currentTextId`;

const decodeFound = object<{
  sameTextId: string | null;
  story: { id: string; title: string | null; url: string | null; publisher: string | null; publishedAt: string | null } | null;
  lastVersion: number | null;
  currentTextId: string | null;
}>({
  sameTextId: nullable(string),
  story: nullable(
    object({
      id: string,
      title: nullable(string),
      url: nullable(string),
      publisher: nullable(string),
      publishedAt: nullable(string),
    }),
  ),
  lastVersion: nullable(number),
  currentTextId: nullable(string),
});

/**
 * Given an article (url, title, publisher, publishedAt, and text or html), ingests it: the same
 * URL with the same text, or the same text anywhere, changes nothing and returns the proposals
 * already made; a known URL with changed text becomes a new text version of its story, with its
 * own proposals (decisions already taken on the same proposal carry over); anything else becomes
 * a new Story. The Story and its text version and proposals are written in one transaction; no
 * other fact is written until an editor accepts a proposal.
 */
export async function ingestArticle(
  deps: IngestDependencies,
  input: ArticleInputFields,
  metadata: WriteMetadata,
): Promise<IngestOutcome> {
  const article = readArticleInput(input);
  try {
    return await ingestOnce(deps, article, metadata);
  } catch (error) {
    // Two requests ingested the same new text at once; the other one wrote it: answer from it.
    if ((error as { code?: unknown } | null)?.code === CONSTRAINT_FAILED) return ingestOnce(deps, article, metadata);
    throw error;
  }
}

async function ingestOnce(deps: IngestDependencies, article: ArticleSubmission, metadata: WriteMetadata): Promise<IngestOutcome> {
  const started = performance.now();
  const text = normalizeArticleText(article.text);
  const hash = createHash('sha256').update(text).digest('hex');
  const [row] = await deps.graph.read(FIND, { hash, url: article.url });
  const found = decodeFound(row);

  if (found.sameTextId !== null && found.story !== null) {
    const story = found.story;
    const textId = found.sameTextId;
    // The same text again: nothing new, but it is the story's current text once more.
    const proposals =
      found.currentTextId === textId
        ? await proposalRowsOfText({ run: (cypher, params) => deps.graph.read(cypher, params) }, textId)
        : await decisionTransaction(deps.graph, { ...metadata, source: story.id }, async (tx) => {
            await makeCurrent(tx, story.id, textId);
            return proposalRowsOfText(tx, textId);
          });
    const version = await textVersion(deps.graph, textId);
    return {
      story: storyView(story, article),
      text: version,
      created: false,
      revised: false,
      proposals: proposals.map(toView),
      stats: { lookupKeys: 0, entries: 0, millis: Math.round(performance.now() - started) },
    };
  }

  const existing = found.story;
  const storyId = existing?.id ?? (await newStoryId(deps.graph, article.title));
  const extraction = await extractProposals(
    { text, title: article.title, url: article.url, publishedAt: article.publishedAt },
    deps.gazetteer,
    { now: deps.now?.() ?? new Date(), storyId },
  );
  const version = (found.lastVersion ?? 0) + 1;
  const textId = `storytext:${hash.slice(0, 24)}`;
  const names = await entityNames(deps.graph, extraction.proposals);
  const createdAt = (deps.now?.() ?? new Date()).toISOString();
  const ordered = [...extraction.proposals].sort((a, b) => a.evidence.selectors[1].start - b.evidence.selectors[1].start);
  const proposalNames = new Map(ordered.flatMap((p) => (p.kind === 'NEW_ENTITY' ? [[p.id, p.name] as const] : [])));
  const views = ordered.map((p) => staticView(p, { storyId, textId, textVersion: version, names, proposalNames }));
  const rows = ordered.map((p, index) => ({
    id: storedProposalId(textId, p.id),
    coreId: p.id,
    storyId,
    textId,
    textVersion: version,
    kind: p.kind,
    status: 'PENDING',
    current: true,
    order: `${createdAt}|${storyId}|${String(version).padStart(4, '0')}|${String(index).padStart(5, '0')}`,
    view: JSON.stringify(views[index]),
    proposal: JSON.stringify(p),
    createdAt,
  }));

  const proposals = await decisionTransaction(deps.graph, { ...metadata, source: storyId }, async (tx) => {
    if (existing) {
      await updateStory(tx, storyId, article);
      await tx.run('MATCH (t:StoryText {storyId: $storyId}) SET t.current = false', { storyId });
      await tx.run('MATCH (p:Proposal {storyId: $storyId}) SET p.current = false', { storyId });
    } else {
      await tx.run('CREATE (s:Entity:Story) SET s = $props', { props: storyProperties(storyId, article) });
    }
    await writeNameKeys(tx, [storyId]);
    // The same text left behind by a story deleted since (a generated mutation does not know texts).
    await tx.run(`MATCH (t:StoryText {hash: $hash}) OPTIONAL MATCH (t)<-[:PROPOSED_IN]-(p:Proposal) DETACH DELETE t, p`, {
      hash,
    });
    await tx.run(`CREATE (t:StoryText) SET t = $props`, {
      props: {
        id: textId,
        storyId,
        hash,
        text,
        version,
        current: true,
        from: article.from,
        title: article.title,
        createdAt,
        createdBy: metadata.actor,
      },
    });
    await tx.run(
      `UNWIND $rows AS row
       MATCH (t:StoryText {id: row.textId})
       CREATE (p:Proposal)-[:PROPOSED_IN]->(t)
       SET p = row`,
      { rows },
    );
    if (existing && found.currentTextId) {
      await carryDecisions(tx, found.currentTextId, textId);
      return (await proposalRowsOfText(tx, textId)).map(toView);
    }
    // A new story's proposals are all pending, as written: no need to read them back.
    return views.map((view): ProposalView => ({
      ...view,
      status: 'PENDING',
      current: true,
      decision: null,
    }));
  });
  return {
    story: storyView(
      { id: storyId, title: article.title, url: article.url, publisher: article.publisher, publishedAt: article.publishedAt },
      article,
    ),
    text: { id: textId, version, hash, text },
    created: existing === null,
    revised: existing !== null,
    proposals,
    stats: { ...extraction.stats, millis: Math.round(performance.now() - started) },
  };
}

function storyView(
  story: { id: string; title: string | null; url: string | null; publisher: string | null; publishedAt: string | null },
  article: ArticleSubmission,
): IngestedStory {
  return {
    id: story.id,
    title: story.title ?? article.title,
    url: story.url ?? article.url,
    publisher: story.publisher ?? article.publisher,
    publishedAt: story.publishedAt ?? article.publishedAt,
  };
}

/** Given a title, returns a free story id made from it (`story:cuu-nan-o-pai-lung`, else `…-2`). */
async function newStoryId(graph: Graph, title: string): Promise<string> {
  const base = entityId('Story', title);
  const rows = await graph.read(
    // One range seek on the id index (an OR with equality would not use it); longer slugs sharing the start are only extra names taken.
    'MATCH (n:Entity) WHERE n.id STARTS WITH $base RETURN n.id AS id',
    {
      base,
    },
  );
  return freeId(base, new Set(decodeRows('story ids', rows, object({ id: string })).map((r) => r.id)));
}

/** The names of the entities the proposals point at, read in one query (links carry theirs). */
async function entityNames(graph: Graph, proposals: readonly Proposal[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = new Set<string>();
  for (const p of proposals) {
    if (p.kind === 'LINK') names.set(p.entity.id, p.entity.name);
    if (p.kind === 'AMBIGUOUS') for (const c of p.candidates) names.set(c.id, c.name);
    const refs = p.kind === 'RELATIONSHIP' ? [p.from, p.to] : p.kind === 'DATE' && p.subject ? [p.subject] : [];
    for (const ref of refs) if (ref.kind === 'ENTITY') wanted.add(ref.id);
  }
  const missing = [...wanted].filter((id) => !names.has(id));
  if (missing.length > 0) {
    const rows = await graph.read('MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name', { ids: missing });
    for (const r of decodeRows('entity names', rows, object({ id: string, name: string }))) names.set(r.id, r.name);
  }
  return names;
}

async function updateStory(tx: Tx, storyId: string, article: ArticleSubmission): Promise<void> {
  const props = storyProperties(storyId, article);
  await tx.run(
    `MATCH (s:Story {id: $storyId})
     SET s.title = $props.title, s.name = $props.name, s.nameAscii = $props.nameAscii, s.publisher = $props.publisher,
         s.publishedAt = $props.publishedAt`,
    { storyId, props },
  );
}

async function makeCurrent(tx: Tx, storyId: string, textId: string): Promise<void> {
  await tx.run('MATCH (t:StoryText {storyId: $storyId}) SET t.current = (t.id = $textId)', { storyId, textId });
  await tx.run('MATCH (p:Proposal {storyId: $storyId}) SET p.current = (p.textId = $textId)', { storyId, textId });
}

/** Decisions taken on the previous text's proposals hold for the same proposals of the new text. */
async function carryDecisions(tx: Tx, fromTextId: string, toTextId: string): Promise<void> {
  await tx.run(
    `MATCH (:StoryText {id: $fromTextId})<-[:PROPOSED_IN]-(old:Proposal)
     WHERE old.status <> 'PENDING'
     MATCH (:StoryText {id: $toTextId})<-[:PROPOSED_IN]-(p:Proposal {coreId: old.coreId})
     SET p.status = old.status, p.decidedAt = old.decidedAt, p.decidedBy = old.decidedBy, p.resultId = old.resultId,
         p.rejectReason = old.rejectReason, p.edits = old.edits, p.carriedFrom = old.id`,
    { fromTextId, toTextId },
  );
}

async function textVersion(graph: Graph, textId: string): Promise<TextVersion> {
  const rows = await graph.read(
    'MATCH (t:StoryText {id: $textId}) RETURN t.id AS id, t.version AS version, t.hash AS hash, t.text AS text',
    {
      textId,
    },
  );
  const [version] = decodeRows('text version', rows, object({ id: string, version: number, hash: string, text: string }));
  if (!version) throw new Error(`text version ${textId} vanished`);
  return version;
}
