import { array, nullable, object, string } from '../../neo4j/decode';
import type { AnalysisNode, PlaceBucket, PlaceReach } from './figures';
import { sortedIds } from './figures';
import { partialInterval } from './period';

/**
 * The rollup rule: a fact tied to a place counts, "then", for that place and every unit containing
 * it on the fact's day (PART_OF, or LOCATED_IN for a natural feature, whose validFrom/validTo
 * cover the day); and, "now", for the place's successors today (SUCCEEDED_BY until a unit still
 * valid) and the units containing those today. An undated fact is read on the last day its place
 * existed (today when it still does), so a commune abolished in 2025 still reaches its old district.
 */

/** One fact tied to one place on one day. */
export interface PlaceAnchor {
  readonly fact: string;
  readonly place: string;
  /** ISO day the hierarchy is read on; null when the fact is undated. */
  readonly day: string | null;
}

export interface RolledPlace extends AnalysisNode {
  readonly level: string;
}

/** A unit containing a place through one chain of containment, and the days every link of that chain held. */
export interface Containment extends RolledPlace {
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** What the rollup Cypher returns for one place: its containers with their validity, and today's units. */
export interface PlaceRollupRow {
  readonly place: string;
  /** The place's own last day, used as the day of undated facts. */
  readonly lastDay: string | null;
  readonly then: readonly Containment[];
  readonly now: readonly RolledPlace[];
}

/** What the rollup Cypher returns for one place, compactly: container ids with their validity, and today's unit ids. */
export interface CompactRollupRow {
  readonly place: string;
  readonly lastDay: string | null;
  readonly then: readonly { id: string; validFrom: string | null; validTo: string | null }[];
  readonly now: readonly string[];
}

/** A unit named by the rollup, once per answer (names and levels are not repeated per place). */
export interface RollupPlace {
  readonly id: string;
  readonly name: string;
  readonly level: string;
}

/** Decoders of the rollup's rows as the Cypher returns them. */
export const decodeCompactRollupRow = object<CompactRollupRow>({
  place: string,
  lastDay: nullable(string),
  then: array(object<CompactRollupRow['then'][number]>({ id: string, validFrom: nullable(string), validTo: nullable(string) })),
  now: array(string),
});
export const decodeRollupPlace = object<RollupPlace>({ id: string, name: string, level: string });

/**
 * Cypher fragment: given `anchors` (a list of {place, day} maps) in scope, yields `rollups`, one
 * compact row per distinct place: every unit containing it through a chain of at most 5 links, with
 * the days the whole chain held (the latest validFrom and earliest validTo of its links), and its
 * successors today (at most 4 steps) with the units containing them today; and `rollupPlaces`, the
 * name and level of each unit named, once. Reading per place, not per (place, day), keeps the work
 * proportional to the places, not the facts; naming each unit once keeps the answer small (see
 * hydrateRollups).
 */
export const ROLLUP_SUBQUERY = `
CALL (anchors) {
  UNWIND anchors AS anchor
  WITH DISTINCT anchor.place AS placeId
  MATCH (p:Place {id: placeId})
  CALL (p) {
    MATCH chain = (p)-[:PART_OF|LOCATED_IN*0..5]->(c:Place)
    WITH c, [r IN relationships(chain) WHERE r.validFrom IS NOT NULL | r.validFrom] AS starts, [r IN relationships(chain) WHERE r.validTo IS NOT NULL | r.validTo] AS ends
    RETURN collect(c) AS thenNodes, collect({id: c.id,
      validFrom: toString(reduce(latest = null, d IN starts | CASE WHEN latest IS NULL OR d > latest THEN d ELSE latest END)),
      validTo: toString(reduce(earliest = null, d IN ends | CASE WHEN earliest IS NULL OR d < earliest THEN d ELSE earliest END))}) AS then
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[:SUCCEEDED_BY*0..4]->(s:Place) WHERE s.validTo IS NULL
    OPTIONAL MATCH chain = (s)-[:PART_OF|LOCATED_IN*0..5]->(c:Place)
    WHERE all(r IN relationships(chain) WHERE r.validTo IS NULL) AND c.validTo IS NULL
    RETURN collect(DISTINCT c) AS nowNodes
  }
  RETURN collect({place: placeId, lastDay: toString(p.validTo), then: then, now: [c IN nowNodes | c.id]}) AS rollups,
         collect(thenNodes + nowNodes) AS reached
}
CALL (reached) {
  UNWIND reached AS units
  UNWIND units AS c
  WITH DISTINCT c
  RETURN collect(c {.id, .name, .level}) AS rollupPlaces
}`;

/** Given the compact rollup rows and the units they name, returns the rows with each unit named in full. */
export function hydrateRollups(rows: readonly CompactRollupRow[], places: readonly RollupPlace[]): PlaceRollupRow[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const unit = (id: string): RolledPlace => {
    const p = byId.get(id);
    return { id, kind: 'PLACE', name: p?.name ?? id, level: p?.level ?? '' };
  };
  return rows.map((row) => ({
    place: row.place,
    lastDay: row.lastDay,
    then: row.then.map((c) => ({ ...unit(c.id), validFrom: c.validFrom, validTo: c.validTo })),
    now: row.now.map(unit),
  }));
}

/** Given a containment and an ISO day, returns whether every link of its chain held that day. */
function heldOn(containment: Containment, day: string): boolean {
  return (
    (containment.validFrom === null || containment.validFrom <= day) &&
    (containment.validTo === null || containment.validTo >= day)
  );
}

/**
 * Given a place's rollup row and a fact's partial date (null when undated), returns the place and
 * the units containing it on the fact's first day, or on the place's last day (today when it still
 * exists) for an undated fact; each unit once.
 */
export function unitsThen(row: PlaceRollupRow, on: string | null): RolledPlace[] {
  const day = partialInterval(on)?.start ?? row.lastDay ?? new Date().toISOString().slice(0, 10);
  const units = new Map<string, RolledPlace>();
  for (const c of row.then) if (heldOn(c, day)) units.set(c.id, { id: c.id, kind: c.kind, name: c.name, level: c.level });
  return [...units.values()];
}

function toBuckets(members: Map<string, { node: RolledPlace; facts: Set<string> }>, top: number): PlaceBucket[] {
  return [...members.values()]
    .map(({ node, facts }) => ({
      place: { id: node.id, kind: 'PLACE', name: node.name },
      level: node.level,
      count: facts.size,
      ids: sortedIds(facts),
    }))
    .sort((a, b) => b.count - a.count || a.place.name.localeCompare(b.place.name, 'vi') || a.place.id.localeCompare(b.place.id))
    .slice(0, top);
}

/**
 * Given the anchors of some facts and the rollup rows for their places, returns the
 * places reached then and now, each with the distinct facts behind it, most facts first, at most
 * `top` of each.
 */
export function rollUpPlaces(
  anchors: readonly PlaceAnchor[],
  rollups: readonly PlaceRollupRow[],
  top = Number.POSITIVE_INFINITY,
): PlaceReach {
  const byPlace = new Map(rollups.map((row) => [row.place, row]));
  const then = new Map<string, { node: RolledPlace; facts: Set<string> }>();
  const now = new Map<string, { node: RolledPlace; facts: Set<string> }>();
  const add = (into: typeof then, node: RolledPlace, fact: string) => {
    const entry = into.get(node.id) ?? { node, facts: new Set<string>() };
    entry.facts.add(fact);
    into.set(node.id, entry);
  };
  // Many facts share a place and a day (or a year): read each place's containers once per day.
  const containers = new Map<string, RolledPlace[]>();
  for (const anchor of anchors) {
    const row = byPlace.get(anchor.place);
    if (!row) continue;
    const key = `${anchor.place}|${anchor.day ?? ''}`;
    let units = containers.get(key);
    if (!units) {
      units = unitsThen(row, anchor.day);
      containers.set(key, units);
    }
    for (const node of units) add(then, node, anchor.fact);
    for (const node of row.now) add(now, node, anchor.fact);
  }
  return { then: toBuckets(then, top), now: toBuckets(now, top) };
}
