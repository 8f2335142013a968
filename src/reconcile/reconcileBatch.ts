import { findNameMatches, lookupKeysFor } from '../ingestion/findNameMatches';
import type { Gazetteer, GazetteerEntry } from '../ingestion/gazetteer';
import { prepareText } from '../ingestion/prepareText';
import type { PreparedText } from '../ingestion/preparedText';
import type { ReconcileQuery } from './readQueries';
import { reconcileType } from './reconcileVocabulary';
import { scoreCandidates, type Feature } from './scoreCandidates';

/** One candidate as the reconciliation API answers it (§4.2). */
export interface ReconcileCandidate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly type: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly score: number;
  readonly match: boolean;
  readonly features: readonly Feature[];
}

/** A result batch: one entry per query key. */
export type ReconcileResults = Record<string, { readonly result: readonly ReconcileCandidate[] }>;

/**
 * A spreadsheet cell is a name, not a sentence: each word is given a capital so that the matcher
 * (which reads loose spellings only in capitalised names, as news writes them) treats
 * "thao mi ly" as it treats "Thào Mí Ly". The text keeps its length, so offsets hold.
 */
function asName(query: string): PreparedText {
  return prepareText(
    query.replace(/(^|[\s,.(])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi')),
  );
}

function describe(entry: GazetteerEntry): string {
  const parts = [reconcileType(entry.label)?.name.split(' (')[0] ?? entry.label];
  if (entry.unitType) parts.push(entry.unitType);
  if (entry.rank) parts.push(entry.rank);
  if (entry.date) parts.push(entry.date);
  if (entry.validFrom || entry.validTo) parts.push(`${entry.validFrom ?? '…'} – ${entry.validTo ?? 'nay'}`);
  if (entry.diedOn) parts.push(`mất ${entry.diedOn}`);
  return parts.join(' · ');
}

/**
 * Given the gazetteer and a batch of checked queries, answers them with ingestion's own matcher:
 * every query's names and place values are looked up in one gazetteer call (lookupKeysFor, the
 * keys an article sends), matched word for word (findNameMatches) and scored (scoreCandidates).
 */
export async function reconcileBatch(gazetteer: Gazetteer, queries: readonly ReconcileQuery[]): Promise<ReconcileResults> {
  const prepared = new Map(queries.map((q) => [q.key, asName(q.query)]));
  const placeTexts = [...new Set(queries.flatMap((q) => q.place.flatMap((p) => (p.name ? [p.name] : []))))];
  const placePrepared = new Map(placeTexts.map((name) => [name, asName(name)]));
  const keys = new Set<string>();
  for (const p of [...prepared.values(), ...placePrepared.values()]) for (const key of lookupKeysFor(p)) keys.add(key);
  const entries = keys.size === 0 ? [] : await gazetteer.lookup([...keys]);

  /** The places a place value names: its id, or every place whose name (or bare name) is the whole value. */
  const placesNamed = (name: string): string[] => {
    const text = placePrepared.get(name);
    if (!text) return [];
    const words = text.sentences.reduce((n, s) => n + s.tokens.length, 0);
    return findNameMatches(text, entries)
      .filter((m) => m.entry.label === 'Place' && m.last - m.first === words)
      .map((m) => m.entry.id);
  };

  const results: ReconcileResults = {};
  for (const query of queries) {
    const placeIds = new Set(query.place.flatMap((p) => [...(p.id ? [p.id] : []), ...(p.name ? placesNamed(p.name) : [])]));
    const candidates = scoreCandidates(query, prepared.get(query.key) as PreparedText, entries, placeIds).slice(0, query.limit);
    results[query.key] = {
      result: candidates.map(({ entry, score, match, features }) => ({
        id: entry.id,
        name: entry.name,
        description: describe(entry),
        type: [{ id: entry.label, name: reconcileType(entry.label)?.name ?? entry.label }],
        score,
        match,
        features,
      })),
    };
  }
  return results;
}
