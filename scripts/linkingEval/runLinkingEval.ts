import { extractProposals, type Extraction } from '../../src/ingestion/extractProposals';
import type { Gazetteer } from '../../src/ingestion/gazetteer';
import type { EvalArticle } from './evalArticles';
import { type ArticleScore, scoreArticle } from './scoreArticle';

export interface ArticleRun {
  readonly article: EvalArticle;
  readonly extraction: Extraction;
  readonly score: ArticleScore;
  readonly millis: number;
}

/** Given the articles and a gazetteer, extracts and scores each (against the reference date `now` where an article has none). */
export async function runArticles(articles: readonly EvalArticle[], gazetteer: Gazetteer): Promise<ArticleRun[]> {
  const runs: ArticleRun[] = [];
  for (const article of articles) {
    const started = performance.now();
    const extraction = await extractProposals(
      { text: article.text, publishedAt: article.labels.publishedAt, ...(article.title ? { title: article.title } : {}) },
      gazetteer,
      { now: new Date() },
    );
    runs.push({ article, extraction, score: scoreArticle(extraction, article.labels), millis: performance.now() - started });
  }
  return runs;
}

/** Given two runs over the same articles, returns the ids of the articles whose proposals differ (deeply, in order). */
export function differingArticles(a: readonly ArticleRun[], b: readonly ArticleRun[]): string[] {
  return a.flatMap((run, i) =>
    JSON.stringify(run.extraction.proposals) === JSON.stringify(b[i]?.extraction.proposals) ? [] : [run.article.labels.id],
  );
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (a: number, b: number) => (b === 0 ? '   -' : ratio(a, b).toFixed(2).padStart(4));

/** Given runs, prints the table of eval/linking/README.md and returns the overall precision, recall and wrong-person links. */
export function printTable(
  runs: readonly ArticleRun[],
  log: (line: string) => void,
): { precision: number; recall: number; wrong: number } {
  const header = 'article                         words  link P  link R  new P  new R  wrong person  traps  ambiguous      ms';
  log(`\n${header}\n${'-'.repeat(header.length)}`);
  const line = (id: string, words: number, millis: number, s: ArticleScore) =>
    log(
      `${id.padEnd(31)} ${String(words).padStart(5)}    ${pct(s.correctLinks, s.linked)}    ${pct(s.correctLinks, s.expectedLinks)}   ${pct(s.correctNew, s.proposedNew)}   ${pct(s.correctNew, s.expectedNew)}  ${String(s.wrongPerson).padStart(12)}  ${String(s.trapCount).padStart(5)}  ${String(s.ambiguous).padStart(9)}  ${millis.toFixed(0).padStart(6)}`,
    );
  for (const { article, millis, score } of runs) {
    const labels = article.labels;
    line(labels.id + (labels.synthetic ? ' *' : '') + (labels.heldOut ? ' †' : ''), article.words, millis, score);
  }
  log('-'.repeat(header.length));
  const total = (label: string, subset: readonly ArticleRun[]) => {
    const sum = (f: (s: ArticleScore) => number) => subset.reduce((t, r) => t + f(r.score), 0);
    const s: ArticleScore = {
      linked: sum((x) => x.linked),
      expectedLinks: sum((x) => x.expectedLinks),
      correctLinks: sum((x) => x.correctLinks),
      proposedNew: sum((x) => x.proposedNew),
      expectedNew: sum((x) => x.expectedNew),
      correctNew: sum((x) => x.correctNew),
      wrongPerson: sum((x) => x.wrongPerson),
      trapCount: sum((x) => x.trapCount),
      ambiguous: sum((x) => x.ambiguous),
      missedLinks: [],
      extraLinks: [],
      missedNew: [],
      extraNew: [],
      trapsHit: [],
    };
    line(
      label,
      subset.reduce((t, r) => t + r.article.words, 0),
      subset.reduce((t, r) => t + r.millis, 0),
      s,
    );
    return { precision: ratio(s.correctLinks, s.linked), recall: ratio(s.correctLinks, s.expectedLinks), wrong: s.wrongPerson };
  };
  total(
    'development set (micro)',
    runs.filter((r) => r.article.labels.heldOut !== true),
  );
  total(
    'held-out set (micro) †',
    runs.filter((r) => r.article.labels.heldOut === true),
  );
  return total('overall (micro)', runs);
}

/** Given runs, prints every miss, extra and trap hit (all articles with --verbose, else only those with any). */
export function printMisses(runs: readonly ArticleRun[], verbose: boolean, log: (line: string) => void): void {
  for (const { article, score } of runs) {
    const count =
      score.missedLinks.length + score.extraLinks.length + score.missedNew.length + score.extraNew.length + score.trapsHit.length;
    if (!verbose && count === 0) continue;
    log(`\n${article.labels.id}`);
    for (const m of score.missedLinks) log(`  missed link  ${m}`);
    for (const m of score.extraLinks) log(`  extra link   ${m}`);
    for (const m of score.missedNew) log(`  missed new   ${m}`);
    for (const m of score.extraNew) log(`  extra new    ${m}`);
    for (const m of score.trapsHit) log(`  TRAP HIT     ${m}`);
  }
}

/**
 * Given the 1,500-word article and a gazetteer, extracts it `times` times and returns the median
 * milliseconds, the keys sent to the gazetteer and the entries it returned.
 */
export async function timeLongArticle(
  text: string,
  gazetteer: Gazetteer,
  times = 7,
): Promise<{ median: number; lookupKeys: number; entries: number }> {
  const runs: number[] = [];
  let stats = { lookupKeys: 0, entries: 0 };
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    const extraction = await extractProposals({ text, publishedAt: '2024-06-30' }, gazetteer, { now: new Date() });
    runs.push(performance.now() - started);
    stats = extraction.stats;
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(runs.length / 2)] ?? 0, ...stats };
}
