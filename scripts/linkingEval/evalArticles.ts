import fs from 'node:fs';
import path from 'node:path';
import { type LabelFile, LabelFileSchema } from './labelFile';

/** The repository's root and the evaluation set's folder. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const EVAL_DIR = path.join(ROOT, 'eval', 'linking');

/** One labelled article, its text read (header notes stripped) and the title taken from its first line. */
export interface EvalArticle {
  readonly labels: LabelFile;
  readonly text: string;
  readonly title: string | undefined;
  readonly words: number;
}

/** Header lines of the article files start with "#": notes for readers, not part of the article. */
const body = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');

function articleText(labels: LabelFile): string | undefined {
  if (labels.text) return fs.readFileSync(path.join(EVAL_DIR, labels.text), 'utf8');
  // ../shared beside the repository; ../../shared from a worktree one level deeper.
  const candidates = [['..'], ['..', '..']].map((up) => path.join(ROOT, ...up, 'shared', 'sources', labels.sharedSource ?? ''));
  for (const file of candidates) if (labels.sharedSource && fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  return undefined;
}

/**
 * Returns the labelled articles of eval/linking in file order, and the ids of those skipped
 * because their text is not in the repository (the seed article, read from ../shared/sources when present).
 */
export function readEvalArticles(): { articles: EvalArticle[]; skipped: LabelFile[] } {
  const files = fs
    .readdirSync(path.join(EVAL_DIR, 'labels'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const articles: EvalArticle[] = [];
  const skipped: LabelFile[] = [];
  for (const file of files) {
    const labels = LabelFileSchema.parse(JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'labels', file), 'utf8')));
    const raw = articleText(labels);
    if (raw === undefined) {
      skipped.push(labels);
      continue;
    }
    const text = body(raw);
    const title = text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim();
    articles.push({ labels, text, title, words: text.split(/\s+/).filter(Boolean).length });
  }
  return { articles, skipped };
}

/**
 * Given the articles written for the set (not the seed article), returns paragraphs joined up to
 * 1,500 words: the article the speed target speaks of.
 */
export function longArticle(articles: readonly EvalArticle[]): { text: string; words: number } {
  const paragraphs = articles
    .filter((a) => a.labels.text)
    .flatMap((a) => a.text.split('\n').filter((line) => line.trim() !== ''));
  const picked: string[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    if (words >= 1500) break;
    picked.push(paragraph);
    words += paragraph.split(/\s+/).filter(Boolean).length;
  }
  return { text: picked.join('\n\n'), words };
}
