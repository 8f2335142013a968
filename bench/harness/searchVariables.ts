import { foldDiacritics } from '../../src/text/foldDiacritics';
import type { Rng } from '../synthetic/prng';
import type { BenchContext, Variables } from './operation';

/** Given a word of four letters or more, returns it with one letter changed in the middle ("hung" → "huag"). */
export function withTypo(word: string): string {
  const at = Math.floor(word.length / 2);
  const letter = word[at] === 'a' ? 'e' : 'a';
  return `${word.slice(0, at)}${letter}${word.slice(at + 1)}`;
}

/** Given a text, returns its diacritic-folded lower-case form, as a user without a Vietnamese keyboard types it. */
export function plain(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

/** Given a name, returns it with the longest word (four letters or more) mistyped once, or undefined. */
export function typoOf(name: string): string | undefined {
  const words = plain(name).split(/\s+/);
  const longest = words.reduce((best, w) => (w.length > best.length ? w : best), '');
  if (longest.length < 4) return undefined;
  return words.map((w) => (w === longest ? withTypo(w) : w)).join(' ');
}

async function names(
  context: BenchContext,
  label: 'Person' | 'Place' | 'Story',
  prefix: string,
  n: number,
  property = 'name',
): Promise<string[]> {
  const ids = await context.randomIds(label, prefix, n);
  const rows = await context.read(`MATCH (x:${label}) WHERE x.id IN $ids RETURN x.${property} AS text ORDER BY x.id`, { ids });
  return rows.map((row) => String(row.text));
}

const bare = (placeName: string) => placeName.replace(/^(xã|phường|huyện|tỉnh|thành phố)\s+/u, '');

function vary(rng: Rng, query: string): Variables {
  // A third of the searches are limited to one kind, which makes the index over-fetch.
  return rng.chance(0.33) ? { query, kinds: ['PERSON'], limit: 10 } : { query, limit: 10 };
}

/**
 * Given the bench context, returns realistic search variables drawn from the loaded data: people's
 * full names as written and typed without marks, place names with marks, without, and half-marked
 * ("Pai Lủng"), a name being typed (last word a prefix), and words of a story title.
 */
export async function exactSearches(context: BenchContext): Promise<Variables[]> {
  const people = await names(context, 'Person', 'person:', 12);
  const communes = (await names(context, 'Place', 'place:syn-c', 6)).map(bare);
  const titles = await names(context, 'Story', 'story:', 4, 'title');
  const queries: string[] = [];
  for (const name of people) queries.push(name, plain(name));
  for (const place of communes) {
    const [first = '', ...rest] = place.split(' ');
    queries.push(place, plain(place), `${plain(first)} ${rest.join(' ')}`);
  }
  for (const name of people.slice(0, 4)) queries.push(name.slice(0, Math.max(3, name.length - 2)));
  for (const title of titles) queries.push(title.split(' ').slice(-3).join(' '));
  return queries.map((query) => vary(context.rng, query));
}

/** Given the bench context, returns searches with one wrong letter in a word of four letters or more. */
export async function typoSearches(context: BenchContext): Promise<Variables[]> {
  const people = await names(context, 'Person', 'person:', 16);
  const communes = (await names(context, 'Place', 'place:syn-c', 8)).map(bare);
  return [...people, ...communes].flatMap((text) => {
    const typo = typoOf(text);
    return typo ? [vary(context.rng, typo)] : [];
  });
}
