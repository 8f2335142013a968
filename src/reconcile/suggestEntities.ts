import { isDomainLabel } from '../domain/labels';
import { foldKey } from '../ingestion/foldKey';
import type { Graph } from '../neo4j/createGraph';
import { decodeRows, nullable, object, string } from '../neo4j/decode';
import { reconcileType } from './reconcileVocabulary';

/** One suggestion (§5.1): an entity whose name or alias starts with what was typed. */
export interface EntitySuggestion {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly notable: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

const SUGGEST = `
MATCH (k:NameKey)
WHERE k.key STARTS WITH $prefix
WITH DISTINCT k.id AS id
LIMIT $scan
MATCH (e:Entity {id: id})
WITH e, head([l IN labels(e) WHERE l <> 'Entity']) AS label
WHERE $type IS NULL OR label = $type
RETURN e.id AS id, e.name AS name, label, e.nameEn AS nameEn
ORDER BY size(e.name), e.id
LIMIT $limit`;

/**
 * Given what a user typed (and optionally a type), returns up to `limit` entities whose name,
 * alias or bare place name starts with it, diacritics ignored: a range seek on the name index
 * ingestion uses (`NameKey.key STARTS WITH`), shortest names first.
 */
export async function suggestEntities(
  graph: Graph,
  prefix: string,
  type: string | null,
  limit: number,
): Promise<EntitySuggestion[]> {
  const folded = foldKey(prefix);
  if (folded === '') return [];
  const rows = await graph.read(SUGGEST, { prefix: folded, type, scan: limit * 20, limit });
  return decodeRows(
    'suggest entities',
    rows,
    object({ id: string, name: string, label: string, nameEn: nullable(string) }),
  ).flatMap((row) => {
    if (!isDomainLabel(row.label)) return [];
    const kind = reconcileType(row.label)?.name ?? row.label;
    return [{ id: row.id, name: row.name, description: row.nameEn ?? kind, notable: [{ id: row.label, name: kind }] }];
  });
}
