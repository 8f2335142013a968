import type * as ReadabilityModule from '@mozilla/readability';
import type * as LinkedomModule from 'linkedom';
import { BadInputError } from '../errors/domainErrors';

/** Elements that end a line of the article's text (Readability keeps the article's own markup). */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd, div, section, article, header';

/**
 * Readability and linkedom, required on the first HTML page rather than when the server starts
 * (about 3.5 MB resident): only ingestion of a page needs them (issue 12, item 4).
 */
function htmlLibraries(): { Readability: typeof ReadabilityModule.Readability; parseHTML: typeof LinkedomModule.parseHTML } {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  const { Readability } = require('@mozilla/readability') as typeof ReadabilityModule;
  const { parseHTML } = require('linkedom') as typeof LinkedomModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { Readability, parseHTML };
}

/**
 * Given a news page's HTML, returns its main text by Mozilla's Readability (the algorithm of
 * Firefox's reader view) over a linkedom document: one line per paragraph, heading or list item,
 * spaces collapsed, menus, footers and adverts left out; and the title: the page's h1 when Readability's title starts with it, else Readability's.
 * Throws BadInputError when the page has no article text.
 */
export function htmlToArticle(html: string): { title: string; text: string } {
  const { Readability, parseHTML } = htmlLibraries();
  const { document } = parseHTML(html);
  // Readability takes the title from <title>, where sites append their own name; the page's
  // headline is the h1 that title starts with. Read it before Readability changes the document.
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const article = new Readability(document).parse();
  if (!article?.content) throw new BadInputError('html', html.slice(0, 60), 'has no article text that Readability can find');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  for (const br of Array.from(content.querySelectorAll('br'))) br.replaceWith('\n');
  for (const block of Array.from(content.querySelectorAll(BLOCKS))) block.append('\n');
  const text = (content.body.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  if (text === '') throw new BadInputError('html', html.slice(0, 60), 'has no article text that Readability can find');
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim();
  return { title: headline !== '' && title.startsWith(headline) ? headline : title, text };
}
