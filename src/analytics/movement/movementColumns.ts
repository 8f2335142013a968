import type { AnalysisNode } from '../shared/figures';
import { internStrings } from '../shared/strings';
import { anything, array, boolean, decode, nullable, object, record, string, type Decoder } from '../../neo4j/decode';
import {
  decodeRollupPlace,
  hydrateRollups,
  type CompactRollupRow,
  type PlaceRollupRow,
  type RollupPlace,
} from '../shared/placeRollup';

/**
 * How movementImpact.cypher answers: one JSON text holding, per kind of row, a map of columns.
 * Each list of rows (lists of the given fields, in order) becomes one list per field. A field whose
 * name ends in [] holds a list per row; its column is the rows' lists end to end, and the column
 * named with # instead holds each row's count. Written by apoc.convert.toJson, a few long lists of
 * plain values cost far less than a list or map per row (a national movement has hundreds of
 * thousands), and far less again than the driver decoding each value. readColumns turns the
 * columns back into rows; the field lists below must name the fields in the order the statement's
 * lists hold them.
 */
const AWARD_FIELDS = ['id', 'on', 'recipients[]', 'form', 'level', 'kind', 'recipientsResolved'] as const;
const HELD_UP_FIELDS = ['id', 'since'] as const;
const EXEMPLAR_FIELDS = ['id', 'name', 'kind', 'fields[]', 'homes[]', 'events[]'] as const;
const EVENT_FIELDS = ['id', 'on', 'places[]'] as const;
const STORY_FIELDS = ['id', 'name', 'channel', 'publisher', 'on', 'featured[]', 'publishers[]', 'publisherNames[]'] as const;
const ROLLUP_FIELDS = ['place', 'lastDay', 'then[]', 'validFrom[]', 'validTo[]', 'now[]'] as const;
const ROLLUP_PLACE_FIELDS = ['id', 'name', 'level'] as const;

const STATEMENT = 'movementImpact';
type Columns = Record<string, unknown[]>;

/** Given columns and their fields, returns the rows they hold, each decoded (see above). */
function readColumns<T>(columns: Columns, fields: readonly string[], decoder: Decoder<T>): T[] {
  const names = fields.map((field) => (field.endsWith('[]') ? field.slice(0, -2) : field));
  const lists = fields.map((field) => field.endsWith('[]'));
  const column = (name: string): unknown[] => {
    const values = columns[name];
    if (!values) throw decodeFailure(`column ${name}`);
    return values;
  };
  const length = column(`${names[0]}${lists[0] ? '#' : ''}`).length;
  const rows = Array.from({ length }, (): Record<string, unknown> => ({}));
  names.forEach((name, i) => {
    const values = column(name);
    if (!lists[i]) {
      for (let r = 0; r < length; r++) rows[r]![name] = values[r];
      return;
    }
    const counts = column(`${name}#`);
    let at = 0;
    for (let r = 0; r < length; r++) {
      const count = counts[r];
      if (typeof count !== 'number') throw decodeFailure(`column ${name}# [${r}]`);
      rows[r]![name] = values.slice(at, (at += count));
    }
  });
  return decode(STATEMENT, rows, array(decoder));
}

function decodeFailure(what: string): Error {
  return new Error(`${STATEMENT}: the answer has no ${what}`);
}

/** An award under the movement; form, level, kind and recipientsResolved only when it may be in the period. */
export interface AwardRow {
  id: string;
  on: string | null;
  recipients: string[];
  form: string | null;
  level: string | null;
  kind: string | null;
  recipientsResolved: boolean | null;
}
export interface ExemplarRow extends AnalysisNode {
  fields: string[];
  homes: string[];
  events: string[];
}
export interface EventRow {
  id: string;
  on: string | null;
  places: string[];
}
export interface StoryRow {
  id: string;
  name: string;
  channel: string;
  publisher: string | null;
  on: string | null;
  featured: string[];
  publishedBy: { id: string; name: string }[];
}
export interface FieldRow {
  id: string;
  name: string;
  broader: { id: string; name: string }[];
}

/**
 * What MOVEMENT_IMPACT_CYPHER returns, as plain values. The awards and held-up links are all of
 * them; the exemplars are those whose recognitions may reach the period or that a dated story in it
 * features, the only ones a figure can use (every other exemplar is known by its id alone, from
 * the awards and held-up links); the events are those that may be in the period and those these
 * exemplars took part in; the fields and rollups are those of these exemplars and events.
 */
export interface MovementImpactRow {
  movement: AnalysisNode;
  awards: AwardRow[];
  heldUp: { id: string; since: string | null }[];
  exemplars: ExemplarRow[];
  events: EventRow[];
  fields: FieldRow[];
  stories: StoryRow[];
  undatedStories: string[];
  rollups: PlaceRollupRow[];
}

const ids = array(string);
const decodeAward = object<AwardRow>({
  id: string,
  on: nullable(string),
  recipients: ids,
  form: nullable(string),
  level: nullable(string),
  kind: nullable(string),
  recipientsResolved: nullable(boolean),
});
const decodeHeldUp = object<MovementImpactRow['heldUp'][number]>({ id: string, since: nullable(string) });
const decodeExemplar = object<ExemplarRow>({ id: string, name: string, kind: string, fields: ids, homes: ids, events: ids });
const decodeEvent = object<EventRow>({ id: string, on: nullable(string), places: ids });
type StoryColumns = Omit<StoryRow, 'publishedBy'> & { publishers: string[]; publisherNames: string[] };
const decodeStory = object<StoryColumns>({
  id: string,
  name: string,
  channel: string,
  publisher: nullable(string),
  on: nullable(string),
  featured: ids,
  publishers: ids,
  publisherNames: ids,
});
const named = object<{ id: string; name: string }>({ id: string, name: string });
type RollupColumns = {
  place: string;
  lastDay: string | null;
  then: string[];
  validFrom: (string | null)[];
  validTo: (string | null)[];
  now: string[];
};
const decodeRollup = object<RollupColumns>({
  place: string,
  lastDay: nullable(string),
  then: ids,
  validFrom: array(nullable(string)),
  validTo: array(nullable(string)),
  now: ids,
});
const columnMap = record(array(anything));
const decodeImpact = object<{
  awards: Columns;
  heldUp: Columns;
  exemplars: Columns;
  events: Columns;
  fields: FieldRow[];
  stories: Columns;
  undatedStories: string[];
  rollups: Columns;
  rollupPlaces: Columns;
}>({
  awards: columnMap,
  heldUp: columnMap,
  exemplars: columnMap,
  events: columnMap,
  fields: array(object<FieldRow>({ id: string, name: string, broader: array(named) })),
  stories: columnMap,
  undatedStories: ids,
  rollups: columnMap,
  rollupPlaces: columnMap,
});

/**
 * Given the movement and the JSON text movementImpact.cypher answers with, returns the row as
 * summariseImpact reads it, every value checked (MalformedRowError otherwise), each distinct
 * string held once (internStrings); pure.
 */
export function readImpactRow(movement: AnalysisNode, impact: string): MovementImpactRow {
  return impactRowOf(movement, parseImpact(impact));
}

/** Given movementImpact.cypher's JSON text, returns it parsed, each distinct string held once (internStrings); pure. */
export function parseImpact(impact: string): unknown {
  return internStrings(JSON.parse(impact) as unknown);
}

/**
 * Given the movement and movementImpact.cypher's answer as parseImpact returns it, returns the row
 * (readImpactRow); for a caller that lets the text go before the row is built. Pure.
 */
export function impactRowOf(movement: AnalysisNode, parsed: unknown): MovementImpactRow {
  const columns = decode(STATEMENT, parsed, decodeImpact);
  const rollups = readColumns(columns.rollups, ROLLUP_FIELDS, decodeRollup).map(
    ({ place, lastDay, then, validFrom, validTo, now }): CompactRollupRow => ({
      place,
      lastDay,
      then: then.map((unit, i) => ({ id: unit, validFrom: validFrom[i] ?? null, validTo: validTo[i] ?? null })),
      now,
    }),
  );
  return {
    movement,
    awards: readColumns(columns.awards, AWARD_FIELDS, decodeAward),
    heldUp: readColumns(columns.heldUp, HELD_UP_FIELDS, decodeHeldUp),
    exemplars: readColumns(columns.exemplars, EXEMPLAR_FIELDS, decodeExemplar),
    events: readColumns(columns.events, EVENT_FIELDS, decodeEvent),
    fields: columns.fields,
    stories: readColumns(columns.stories, STORY_FIELDS, decodeStory).map(({ publishers, publisherNames, ...story }) => ({
      ...story,
      publishedBy: publishers.map((publisher, i) => ({ id: publisher, name: publisherNames[i] ?? publisher })),
    })),
    undatedStories: columns.undatedStories,
    rollups: hydrateRollups(rollups, readColumns<RollupPlace>(columns.rollupPlaces, ROLLUP_PLACE_FIELDS, decodeRollupPlace)),
  };
}
