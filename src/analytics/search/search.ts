import { DOMAIN_LABELS, type Label } from '../../domain/labels';
import { SEARCH_INDEX } from '../../migrations/migrate';
import type { Graph } from '../../neo4j/createGraph';
import { array, decodeRows, nullable, number, object, oneOf, string } from '../../neo4j/decode';
import { buildLuceneQuery, searchTerms } from './luceneQuery';

export type MatchedOn = 'NAME' | 'ALIAS' | 'TITLE';

export interface SearchHit {
  readonly id: string;
  readonly kind: Label;
  readonly name: string;
  readonly nameEn: string | null;
  readonly summary: string | null;
  readonly score: number;
  readonly matchedOn: MatchedOn;
  readonly matchedText: string;
  /** True when every term matched a whole word (no typo or prefix needed). */
  readonly exact: boolean;
  readonly why: string;
}

/**
 * Candidates are over-fetched from the index, filtered by kind, then cut to the limit, since a
 * full-text query cannot filter by label itself.
 */
export const SEARCH_CYPHER = `
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS kind
WHERE $kinds IS NULL OR kind IN $kinds
RETURN node.id AS id, kind, node.name AS name, node.nameEn AS nameEn, node.summary AS summary,
       node.aliases AS aliases, node.title AS title, score
ORDER BY score DESC, id
LIMIT $limit`;

interface HitRow {
  id: string;
  kind: Label;
  name: string;
  nameEn: string | null;
  summary: string | null;
  aliases: string[] | null;
  title: string | null;
  score: number;
}
const decodeHit = object<HitRow>({
  id: string,
  kind: oneOf(DOMAIN_LABELS),
  name: string,
  nameEn: nullable(string),
  summary: nullable(string),
  aliases: nullable(array(string)),
  title: nullable(string),
  score: number,
});

function words(text: string): string[] {
  return searchTerms(text);
}

/**
 * Given a hit's texts and the query terms, says where it matched: the name when every term is a
 * word (or word prefix) of the name, else the first alias or title that covers the terms, else
 * the name as a near match (typo tolerance).
 */
export function explainMatch(
  terms: readonly string[],
  texts: { name: string; aliases: readonly string[]; title: string | null },
): Pick<SearchHit, 'matchedOn' | 'matchedText' | 'exact' | 'why'> {
  const covers = (text: string) => {
    const ws = words(text);
    const exact = terms.every((t) => ws.includes(t));
    const loose = terms.every((t, i) => ws.includes(t) || (i === terms.length - 1 && ws.some((w) => w.startsWith(t))));
    return { exact, loose };
  };
  const candidates: { on: MatchedOn; text: string }[] = [
    { on: 'NAME', text: texts.name },
    ...texts.aliases.map((text) => ({ on: 'ALIAS' as const, text })),
    ...(texts.title ? [{ on: 'TITLE' as const, text: texts.title }] : []),
  ];
  const query = terms.join(' ');
  for (const candidate of candidates) {
    const { exact, loose } = covers(candidate.text);
    if (exact || loose) {
      const where = candidate.on === 'NAME' ? 'name' : candidate.on === 'ALIAS' ? 'alias' : 'title';
      const how = exact ? 'matches' : 'starts with';
      return {
        matchedOn: candidate.on,
        matchedText: candidate.text,
        exact,
        why: `${where} "${candidate.text}" ${how} "${query}" (diacritics ignored)`,
      };
    }
  }
  return {
    matchedOn: 'NAME',
    matchedText: texts.name,
    exact: false,
    why: `name "${texts.name}" is within one letter of "${query}" per word`,
  };
}

/**
 * Given free text, optional kinds and a limit, returns ranked hits across every label with the
 * reason each matched; one database round trip. The caller validates the arguments.
 */
export async function search(graph: Graph, query: string, kinds: readonly Label[] | null, limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const rows = await graph.read(SEARCH_CYPHER, {
    index: SEARCH_INDEX,
    lucene: buildLuceneQuery(terms),
    kinds,
    limit,
    fetch: kinds ? limit * 20 : limit,
  });
  return decodeRows('search', rows, decodeHit).map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameEn: row.nameEn,
    summary: row.summary,
    score: row.score,
    ...explainMatch(terms, { name: row.name, aliases: row.aliases ?? [], title: row.title }),
  }));
}
