import type { Label } from '../domain/labels';

/** What the graph knows around an entity, used to tell apart entities that share a name. */
export interface EntryContext {
  /** Places: the entity's own (LOCATED_IN, OCCURRED_IN, PART_OF), its events' and agencies' places, and their parents. */
  readonly placeIds: readonly string[];
  /** The places the entity itself is in (OCCURRED_IN, LOCATED_IN, PART_OF), without their parents: where an event happened. */
  readonly directPlaceIds: readonly string[];
  readonly agencyIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly fieldIds: readonly string[];
  readonly personIds: readonly string[];
  readonly awardIds: readonly string[];
  /** ISO dates, whole or partial (YYYY, YYYY-MM), of the entity and of its events and awards. */
  readonly dates: readonly string[];
}

/**
 * One entity as the matcher sees it: its names and the few properties and neighbours that decide
 * between namesakes. Built from the graph (buildGazetteerEntries) by the in-memory gazetteer or,
 * in production, from one indexed query.
 */
export interface GazetteerEntry {
  readonly id: string;
  readonly label: Label;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Place or Agency level, Award level. */
  readonly level?: string;
  /** Agency, Event, Collective or Movement kind. */
  readonly kind?: string;
  /** Place unit as written (tỉnh, huyện, xã, thị trấn, thành phố, sông …). */
  readonly unitType?: string;
  /** Award form (AWARD_FORM). */
  readonly form?: string;
  /** Event or Award date, whole or partial. */
  readonly date?: string;
  readonly decisionNo?: string;
  readonly rank?: string;
  readonly rankAsInSource?: string;
  readonly honorific?: string;
  readonly diedOn?: string;
  readonly context: EntryContext;
}

/**
 * Where names are looked up. Both calls are batches: production answers each with one indexed
 * query, so ingesting an article costs a fixed number of round trips whatever its length.
 */
export interface Gazetteer {
  /** Entries any of whose lookup keys (entryKeys) is among `keys`. */
  lookup(keys: readonly string[]): Promise<GazetteerEntry[]>;
  /** Entries by id (events and awards reached through the context of linked entities). */
  byIds(ids: readonly string[]): Promise<GazetteerEntry[]>;
}
