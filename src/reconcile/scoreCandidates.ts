import type { Label } from '../domain/labels';
import { findNameMatches, type NameMatch } from '../ingestion/findNameMatches';
import type { GazetteerEntry } from '../ingestion/gazetteer';
import { dateAgreement, dateBounds, validOn } from '../ingestion/partialDate';
import type { PreparedText } from '../ingestion/preparedText';
import type { ReconcileQuery } from './readQueries';

/** A feature that explains a score (§4.2, `features`). */
export interface Feature {
  readonly id: string;
  readonly value: boolean | number;
}

/** One candidate for a query, scored 0–100 with the features behind the score. */
export interface ScoredCandidate {
  readonly entry: GazetteerEntry;
  readonly score: number;
  readonly match: boolean;
  readonly features: readonly Feature[];
}

/** What a name match is worth before its coverage of the query: the graph's own spelling first, a loose spelling last. */
const NAME_WEIGHT = { exact: 100, folded: 90, bareExact: 90, bareFolded: 85, loose: 70 } as const;
/** Least score, and least lead over the runner-up, for a candidate to be a `match`. */
export const MATCH_SCORE = 85;
export const MATCH_LEAD = 10;

const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

interface NameFit {
  readonly weight: number;
  readonly coverage: number;
  readonly exact: boolean;
  readonly source: NameMatch['key']['source'];
}

/** Given the query's text, its token count and a match, returns how well the match names the query. */
function fitOf(text: string, tokens: number, m: NameMatch): NameFit {
  const written = lower(text.slice(m.start, m.end));
  const surface = lower(m.key.surface);
  // A bare place name is the surface without its unit word ("Pải Lủng" of "xã Pải Lủng").
  const expected =
    m.key.source === 'BARE'
      ? surface
          .split(/\s+/)
          .slice(-(m.last - m.first))
          .join(' ')
      : surface;
  const exact = written === expected && m.key.source !== 'LOOSE';
  const weight =
    m.key.source === 'LOOSE'
      ? NAME_WEIGHT.loose
      : m.key.source === 'BARE'
        ? exact
          ? NAME_WEIGHT.bareExact
          : NAME_WEIGHT.bareFolded
        : exact
          ? NAME_WEIGHT.exact
          : NAME_WEIGHT.folded;
  return { weight, coverage: tokens === 0 ? 0 : (m.last - m.first) / tokens, exact, source: m.key.source };
}

/** Given an entry, returns the places it is in or is (itself, its places and their parents). */
function placesOf(entry: GazetteerEntry): Set<string> {
  return new Set([...(entry.label === 'Place' ? [entry.id] : []), ...entry.context.placeIds, ...entry.context.directPlaceIds]);
}

/** How a date given with the query bears on an entry: +, 0 or −, and whether a person had died before it. */
function dateBearing(entry: GazetteerEntry, date: string): { delta: number; agrees: boolean; diedBefore: boolean } {
  if (entry.label === 'Person' && entry.diedOn && dateBounds(date)[0] > entry.diedOn) {
    return { delta: -40, agrees: false, diedBefore: true };
  }
  if (entry.label === 'Place' || entry.label === 'Agency') {
    return validOn(date, entry.validFrom, entry.validTo)
      ? { delta: 5, agrees: true, diedBefore: false }
      : { delta: -25, agrees: false, diedBefore: false };
  }
  if ((entry.label === 'Event' || entry.label === 'Award') && entry.date) {
    return dateAgreement(entry.date, date) > 0
      ? { delta: 10, agrees: true, diedBefore: false }
      : { delta: -25, agrees: false, diedBefore: false };
  }
  const agrees = entry.context.dates.some((d) => dateAgreement(d, date) > 0);
  return { delta: agrees ? 10 : 0, agrees, diedBefore: false };
}

/**
 * Given a query, its prepared text, the gazetteer's entries and the place ids its place values
 * name, returns its candidates best first. The name: the graph's spelling as written 100, the
 * same folded (diacritics ignored) 90, a place's bare name 85–90, a loose spelling (Thào/Thò,
 * Mý/Mí) 70, each times the share of the query's words it covers. A place given that the
 * candidate is in adds 10, one it is not in takes 20; a date adds 10 when it agrees (a unit
 * valid then, an event or award of that date, a person's dated facts) and takes 25 when a unit
 * was not valid or an event or award has another date, 40 when a person had died before it.
 * A `match` needs MATCH_SCORE, the whole query named, no loose spelling, every property agreeing
 * and a lead of MATCH_LEAD over the next candidate; when a near-identical namesake was found (a
 * loose spelling of another entity of the same kind: Thào Mý Ly and Thào Mí Ly), also a place or
 * date that the best candidate agrees with. A loose spelling is never a match by itself.
 */
export function scoreCandidates(
  query: ReconcileQuery,
  prepared: PreparedText,
  entries: readonly GazetteerEntry[],
  placeIds: ReadonlySet<string>,
): ScoredCandidate[] {
  const tokens = prepared.sentences.reduce((n, s) => n + s.tokens.length, 0);
  const best = new Map<string, { entry: GazetteerEntry; fit: NameFit }>();
  for (const m of findNameMatches(prepared, entries)) {
    const fit = fitOf(prepared.text, tokens, m);
    const current = best.get(m.entry.id);
    if (!current || fit.weight * fit.coverage > current.fit.weight * current.fit.coverage) {
      best.set(m.entry.id, { entry: m.entry, fit });
    }
  }
  const typed = (label: Label) =>
    query.types.length === 0 ||
    query.typeStrict === 'should' ||
    (query.typeStrict === 'all' ? query.types.every((t) => t === label) : query.types.includes(label));
  const scored = [...best.values()]
    .filter(({ entry }) => typed(entry.label))
    .map(({ entry, fit }) => {
      let score = fit.weight * fit.coverage;
      const features: Feature[] = [
        { id: 'name_exact', value: fit.exact },
        { id: 'name_alias', value: fit.source === 'ALIAS' },
        { id: 'name_bare_place', value: fit.source === 'BARE' },
        { id: 'name_loose_spelling', value: fit.source === 'LOOSE' },
        { id: 'name_coverage', value: Math.round(fit.coverage * 100) / 100 },
      ];
      let agreeing = true;
      if (query.types.length > 0) {
        const inType = query.types.includes(entry.label);
        if (query.typeStrict === 'should' && inType) score += 5;
        features.push({ id: 'type', value: inType });
      }
      if (query.place.length > 0) {
        const places = placesOf(entry);
        const inPlace = [...places].some((id) => placeIds.has(id));
        score += inPlace ? 10 : places.size > 0 ? -20 : 0;
        agreeing &&= inPlace;
        features.push({ id: 'place', value: inPlace });
      }
      for (const date of query.dates) {
        const bearing = dateBearing(entry, date);
        score += bearing.delta;
        agreeing &&= bearing.agrees;
        features.push({ id: 'date', value: bearing.agrees });
        if (entry.label === 'Person') features.push({ id: 'died_before_date', value: bearing.diedBefore });
      }
      return { entry, fit, agreeing, score: Math.max(0, Math.min(100, Math.round(score))), features };
    })
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  // A near-identical namesake (same kind, found by a loose spelling) is told apart only by a property it does not share.
  const top = scored[0];
  const namesake = scored.some(
    (c) => c !== top && c.fit.source === 'LOOSE' && c.entry.label === top?.entry.label && c.entry.name !== top.entry.name,
  );
  const toldApart = top !== undefined && (query.place.length > 0 || query.dates.length > 0) && top.agreeing;
  return scored.map((c, i) => {
    const next = scored[i + 1]?.score ?? 0;
    const match =
      i === 0 &&
      c.score >= MATCH_SCORE &&
      c.score - next >= MATCH_LEAD &&
      c.fit.coverage === 1 &&
      c.fit.source !== 'LOOSE' &&
      c.agreeing &&
      (!namesake || toldApart);
    return {
      entry: c.entry,
      score: c.score,
      match,
      features: [...c.features, { id: 'near_identical_namesake', value: namesake }],
    };
  });
}
