import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { DomainError } from '../src/errors/domainErrors';
import { createGraphGazetteer } from '../src/ingestion/graph/createGraphGazetteer';
import { ingestArticle, type IngestOutcome } from '../src/review/ingestArticle';
import type { ProposalView } from '../src/review/proposalView';
import { connectDatabase } from './ingest/connectDatabase';

const USAGE = `usage: npm run ingest -- <file> --url <url> --published YYYY-MM-DD [--title <title>] [--publisher <name>] [--json]
  <file>       the article: plain text (.txt, paragraphs on separate lines) or an HTML page (.html, .htm)
  --url        where it was published (a story is found again by it)
  --published  its publication date
  --title      its headline (default: the first line of a text, the headline of a page)
  --publisher  who published it (default: the URL's host)
  --json       print the whole result as JSON instead of a summary`;

/** One line per proposal: kind, what it says, the quote. */
function describe(p: ProposalView): string {
  const quote = `"${p.evidence.quote.exact.length > 60 ? `${p.evidence.quote.exact.slice(0, 60)}…` : p.evidence.quote.exact}"`;
  const end = (e: ProposalView['from']) => (e ? (e.kind === 'STORY' ? 'the story' : (e.name ?? e.id)) : '?');
  switch (p.kind) {
    case 'LINK':
      return `LINK         ${p.entity?.id ?? ''}  ${quote}`;
    case 'AMBIGUOUS':
      return `AMBIGUOUS    ${p.candidates.map((c) => c.id).join(' | ')}  ${quote}`;
    case 'NEW_ENTITY':
      return `NEW_ENTITY   ${p.entityKind ?? ''} ${p.name ?? ''}${p.flags.length > 0 ? `  [${p.flags.map((f) => f.code).join(', ')}]` : ''}`;
    case 'RELATIONSHIP':
      return `RELATIONSHIP ${end(p.from)} -${p.relationship ?? ''}-> ${end(p.to)}  ${quote}`;
    case 'DATE':
      return `DATE         ${p.date ?? ''}${p.subject ? ` (${p.subject.name ?? p.subject.id})` : ''}  ${quote}`;
  }
}

function summary(outcome: IngestOutcome): string {
  const counts = new Map<string, number>();
  for (const p of outcome.proposals) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const state = outcome.created
    ? 'new story'
    : outcome.revised
      ? `new text version ${outcome.text.version}`
      : 'unchanged: the proposals already made';
  return [
    `${outcome.story.id}  (${state})`,
    `  ${outcome.story.title} · ${outcome.story.publisher} · ${outcome.story.publishedAt}`,
    `  ${outcome.proposals.length} proposals: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}; ${outcome.stats.lookupKeys} lookup keys, ${outcome.stats.entries} entities, ${outcome.stats.millis} ms`,
    '',
    ...outcome.proposals.map((p) => `  ${p.status.padEnd(8)} ${describe(p)}`),
  ].join('\n');
}

/**
 * `npm run ingest -- <file> --url … --published YYYY-MM-DD [--title …] [--publisher …] [--json]`:
 * ingests an article into the configured database (NEO4J_URI, or the embedded one: used as it is
 * when npm start runs it, else started, migrated and seeded the way npm start does and stopped
 * after), exactly as the ingestArticle mutation does, and prints the proposals.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      published: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (values.help || !file || !values.url || !values.published) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const content = fs.readFileSync(path.resolve(file), 'utf8');
  const isHtml = /\.html?$/i.test(file) || /^\s*</.test(content);
  let host = values.url;
  try {
    host = new URL(values.url).host;
  } catch {
    // readArticleInput names the bad URL.
  }
  const title =
    values.title ??
    (isHtml
      ? undefined
      : content
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.trim());
  const log = (line: string) => (values.json ? console.error(line) : console.log(line));
  const config = loadConfig();
  const db = await connectDatabase(config, log);
  try {
    log(`Ingesting into ${db.where}`);
    const outcome = await ingestArticle(
      { graph: db.graph, gazetteer: createGraphGazetteer(db.graph) },
      {
        url: values.url,
        title,
        publisher: values.publisher ?? host,
        publishedAt: values.published,
        ...(isHtml ? { html: content } : { text: content }),
      },
      { actor: `cli:${os.userInfo().username}`, operation: 'ingestArticle' },
    );
    console.log(values.json ? JSON.stringify(outcome, null, 2) : summary(outcome));
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) console.error(`[ingest] ${error.code}: ${error.message}`);
  else console.error('[ingest] failed:', error);
  process.exitCode = 1;
});
