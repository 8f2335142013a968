import { BadInputError } from '../errors/domainErrors';
import { isoDate } from '../ingestion/partialDate';
import { htmlToArticle } from './htmlToArticle';

/** What ingestArticle accepts (the GraphQL input and the CLI's flags). */
export interface ArticleInputFields {
  readonly url?: string | null;
  readonly title?: string | null;
  readonly publisher?: string | null;
  readonly publishedAt?: string | null;
  readonly text?: string | null;
  readonly html?: string | null;
}

/** An article checked and reduced to plain text. */
export interface ArticleSubmission {
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly publishedAt: string;
  readonly text: string;
  /** Whether the text was given or extracted from HTML. */
  readonly from: 'TEXT' | 'HTML';
}

/** The most each field may hold: an article is a few thousand words; a news page's HTML is rarely past a megabyte. */
export const ARTICLE_LIMITS = { url: 2_000, title: 500, publisher: 200, text: 100_000, html: 1_000_000 } as const;

const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

function required(field: keyof typeof ARTICLE_LIMITS, value: string | null | undefined): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') throw new BadInputError(field, value ?? null, 'must not be empty');
  if (trimmed.length > ARTICLE_LIMITS[field]) {
    throw new BadInputError(field, shown(trimmed), `must be at most ${ARTICLE_LIMITS[field].toLocaleString('en')} characters`);
  }
  return trimmed;
}

/**
 * Given a URL, returns it as ingestion stores a story's url: absolute http(s), in the WHATWG URL
 * form, without its fragment (the same page); throws BadInputError naming `url` and its value.
 * The widget looks a page up by the same rule, so an article and its page find each other.
 */
export function normalizeArticleUrl(value: string | null | undefined): string {
  const text = required('url', value);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadInputError('url', shown(text), 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadInputError('url', shown(text), 'must be an absolute http(s) URL');
  }
  url.hash = '';
  return url.toString();
}

function readDate(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts || !isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    throw new BadInputError('publishedAt', value ?? null, 'must be a calendar date YYYY-MM-DD');
  }
  return text;
}

/**
 * Given the fields of an article, returns it checked: url (absolute http(s), fragment dropped),
 * publisher, publishedAt (a calendar date), and exactly one of text or html (html reduced to its
 * main text by Readability); title is required with text and taken from the page when html
 * gives none. Throws BadInputError naming the field and its value on the first problem.
 */
export function readArticleInput(input: ArticleInputFields): ArticleSubmission {
  const url = normalizeArticleUrl(input.url);
  const publisher = required('publisher', input.publisher);
  const publishedAt = readDate(input.publishedAt);
  const hasText = typeof input.text === 'string' && input.text.trim() !== '';
  const hasHtml = typeof input.html === 'string' && input.html.trim() !== '';
  if (hasText === hasHtml) {
    throw new BadInputError(hasText ? 'html' : 'text', null, 'give the article as text or as html, exactly one of them');
  }
  if (hasText) {
    const text = required('text', input.text);
    return { url, title: required('title', input.title), publisher, publishedAt, text, from: 'TEXT' };
  }
  const html = required('html', input.html);
  const article = htmlToArticle(html);
  if (article.text.length > ARTICLE_LIMITS.text) {
    throw new BadInputError(
      'html',
      shown(article.text),
      `its main text must be at most ${ARTICLE_LIMITS.text.toLocaleString('en')} characters`,
    );
  }
  const title = input.title?.trim() ? required('title', input.title) : required('title', article.title);
  return { url, title, publisher, publishedAt, text: article.text, from: 'HTML' };
}
