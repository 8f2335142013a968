import { foldDiacritics } from '../../text/foldDiacritics';

/** Characters with a meaning in Lucene's query syntax; user input never carries them through. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Given what a user typed, returns its search terms: NFC, diacritics folded, lower case, split on
 * anything that is not a letter or digit, so no query syntax survives.
 */
export function searchTerms(input: string): string[] {
  return foldDiacritics(input.normalize('NFC'))
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/**
 * Given search terms, returns a Lucene query that requires every term, each matched exactly
 * (boosted), as a prefix when it is the last term (typing in progress), or within one edit when
 * it has four letters or more ("Pai Lunh" finds "Pải Lủng"). Terms are plain letters and digits
 * (see searchTerms), so nothing here needs escaping.
 */
export function buildLuceneQuery(terms: readonly string[]): string {
  return terms
    .map((term, index) => {
      const alternatives = [`${term}^4`];
      if (index === terms.length - 1 && term.length >= 2) alternatives.push(`${term}*^2`);
      if (term.length >= 4) alternatives.push(`${term}~1`);
      return `+(${alternatives.join(' ')})`;
    })
    .join(' ');
}
