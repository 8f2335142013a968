import type { Graph } from '../../neo4j/createGraph';
import { bucketBy, idSet, sortedIds, type AnalysisNode, type Bucket, type IdSet, type PlaceReach } from '../shared/figures';
import { overlapsPeriod, partialInterval, yearOf } from '../shared/period';
import { rollUpPlaces, unitsThen, type PlaceAnchor } from '../shared/placeRollup';
import type { MovementImpactRow, StoryRow } from './movementColumns';
import { MOVEMENT_BASES_BUDGET, MovementImpactBases, type MovementBaseWork } from './movementImpactBases';
import { pageImpact, WHOLE_LISTS, type ImpactPages, type PagedMovementImpact } from './pageImpact';
import { findReplications, type Replication } from './replication';

export { readImpactRow, type MovementImpactRow } from './movementColumns';

/**
 * The impact rule. A movement's exemplars are the people and collectives held up as its exemplars
 * (EXEMPLAR_OF) and the named recipients of awards given under it (UNDER_MOVEMENT); an award whose
 * recipients are unresolved is counted as an award and adds no exemplar. Its events are those under
 * it, those its awards were for and those its exemplars took part in; its stories are those that
 * FEATURE the movement, an exemplar, an award or an event. Each fact is kept when its own date
 * overlaps the period (an exemplar by the day of a recognition); with a period, undated facts are
 * listed apart instead. Places reached are the places of those events and where the exemplars are
 * from, rolled up then and now (placeRollup.ts); fields reached are the exemplars' fields with the
 * broader fields they belong to. One database round trip.
 *
 * How it reads (the answer does not depend on it). Every award, exemplar and event of the movement
 * is walked once, over all the relationship types wanted at once (a small node's relationships are
 * one chain, which every expansion reads whole), since any of them may bring in a story and any
 * exemplar an event. Details are read only for the facts a figure can use: an award's form, level
 * and kind and an event's places unless its date is surely outside the period (movementImpact.cypher says how);
 * an exemplar's name, kind, fields, homes and events only when one of its recognitions may reach
 * the period (likewise) or a dated story in the period features it, since no other exemplar
 * can be counted or take part in a replication (each is still known by its id, from the awards and
 * the held-up links); the places of the events those exemplars took part in; and the rollups of
 * these places. A label that only decides whether a node reaches anything is checked by the step
 * that reads the node once: a home or event place that is not a Place gets no rollup and reaches
 * nothing, an event that is not an Event is dropped from the events. The answer is one JSON text
 * of columns (movementColumns.ts), so the driver decodes one string, not a value per id.
 */
export { MOVEMENT_IMPACT_CYPHER } from './movementImpactBases';

export interface MovementImpactPeriod {
  readonly from: string | null;
  readonly to: string | null;
  readonly replicationWindowDays: number;
}

export interface MovementImpact extends MovementImpactPeriod {
  readonly movement: AnalysisNode;
  readonly exemplars: { all: IdSet; people: IdSet; collectives: IdSet; heldUp: IdSet; awarded: IdSet };
  readonly awards: { all: IdSet; unresolvedRecipients: IdSet; byForm: Bucket[]; byLevel: Bucket[]; byKind: Bucket[] };
  readonly stories: { all: IdSet; byChannel: Bucket[]; byPublisher: Bucket[] };
  readonly events: IdSet;
  readonly places: PlaceReach;
  readonly fields: Bucket[];
  readonly timeline: { year: number; exemplars: IdSet; awards: IdSet; events: IdSet; stories: IdSet }[];
  readonly replication: Replication[];
  readonly undated: IdSet;
}

/** Communes and districts: the levels at which two exemplars count as "in the same place". */
const LOCAL_LEVELS = new Set(['COMMUNE', 'DISTRICT']);

/** Given the query's row and the period, returns the impact figures; pure. */
export function summariseImpact(row: MovementImpactRow, period: MovementImpactPeriod): MovementImpact {
  const { from, to } = period;
  const bounded = from !== null || to !== null;
  const inPeriod = (on: string | null) => overlapsPeriod(on, from, to);

  const heldUpSince = new Map(row.heldUp.map((h) => [h.id, h.since]));
  const recognitions = new Map<string, string[]>();
  const recognise = (id: string, on: string | null) => {
    if (on === null) return;
    const list = recognitions.get(id);
    if (list) list.push(on);
    else recognitions.set(id, [on]);
  };
  for (const [id, since] of heldUpSince) recognise(id, since);
  for (const award of row.awards) for (const id of award.recipients) recognise(id, award.on);

  const awards = row.awards.filter((a) => inPeriod(a.on));
  const heldUp = [...heldUpSince].filter(([, since]) => inPeriod(since)).map(([id]) => id);
  const awarded = awards.flatMap((a) => a.recipients);
  const exemplarIds = new Set([...heldUp, ...awarded]);
  const exemplars = row.exemplars.filter((x) => exemplarIds.has(x.id));
  const events = row.events.filter((e) => inPeriod(e.on));
  const counted = new Set([...events.map((e) => e.id), ...exemplars.map((x) => x.id)]);

  // An exemplar's homes are read on its first recognition: the earliest day held up or awarded.
  const firstRecognised = new Map<string, { on: string; start: string }>();
  const first = (id: string, on: string | null) => {
    const start = partialInterval(on)?.start;
    if (start === undefined) return;
    const kept = firstRecognised.get(id);
    if (!kept || start < kept.start) firstRecognised.set(id, { on: on!, start });
  };
  for (const h of row.heldUp) first(h.id, h.since);
  for (const award of row.awards) for (const id of award.recipients) first(id, award.on);
  const anchors: PlaceAnchor[] = [
    ...row.events.flatMap((e) => e.places.map((place) => ({ fact: e.id, place, day: e.on }))),
    ...row.exemplars.flatMap((x) => x.homes.map((place) => ({ fact: x.id, place, day: firstRecognised.get(x.id)?.on ?? null }))),
  ];

  const fieldNames = new Map(
    row.fields.flatMap((f) => [[f.id, f.name] as const, ...f.broader.map((b) => [b.id, b.name] as const)]),
  );
  const broader = new Map(row.fields.map((f) => [f.id, f.broader.map((b) => b.id)]));

  // The communes and districts each exemplar's own facts (its homes, its events) were in then, for
  // the replication rule.
  const tied = new Set(row.exemplars.flatMap((x) => [x.id, ...x.events]));
  const rollups = new Map(row.rollups.map((r) => [r.place, r]));
  const rolled = new Map<string, string[]>();
  for (const anchor of anchors) {
    if (!tied.has(anchor.fact)) continue;
    const roll = rollups.get(anchor.place);
    const local = roll
      ? unitsThen(roll, anchor.day)
          .filter((p) => LOCAL_LEVELS.has(p.level))
          .map((p) => p.id)
      : [];
    const list = rolled.get(anchor.fact);
    if (list) list.push(...local);
    else rolled.set(anchor.fact, local);
  }

  const years = new Map<number, { exemplars: string[]; awards: string[]; events: string[]; stories: string[] }>();
  const addYear = (on: string | null, kind: 'exemplars' | 'awards' | 'events' | 'stories', id: string) => {
    const year = yearOf(on);
    if (year === null || !inPeriod(on)) return;
    const entry = years.get(year) ?? { exemplars: [], awards: [], events: [], stories: [] };
    entry[kind].push(id);
    years.set(year, entry);
  };
  for (const [id, ons] of recognitions) for (const on of ons) addYear(on, 'exemplars', id);
  for (const a of awards) addYear(a.on, 'awards', a.id);
  for (const e of events) addYear(e.on, 'events', e.id);
  for (const s of row.stories) addYear(s.on, 'stories', s.id);

  const undated = bounded
    ? [
        ...row.awards.filter((a) => partialInterval(a.on) === null).map((a) => a.id),
        // Every exemplar (held up, or named on an award), detailed in the row or not.
        ...[...new Set([...heldUpSince.keys(), ...row.awards.flatMap((a) => a.recipients)])].filter(
          (id) => !recognitions.has(id),
        ),
        ...row.events.filter((e) => partialInterval(e.on) === null).map((e) => e.id),
        ...row.undatedStories,
      ]
    : [];

  return {
    ...period,
    movement: row.movement,
    exemplars: {
      all: idSet(exemplarIds),
      people: idSet(exemplars.filter((x) => x.kind === 'PERSON').map((x) => x.id)),
      collectives: idSet(exemplars.filter((x) => x.kind === 'COLLECTIVE').map((x) => x.id)),
      heldUp: idSet(heldUp),
      awarded: idSet(awarded),
    },
    awards: {
      all: idSet(awards.map((a) => a.id)),
      unresolvedRecipients: idSet(
        awards.filter((a) => a.recipientsResolved === false || a.recipients.length === 0).map((a) => a.id),
      ),
      byForm: bucketBy(
        awards,
        (a) => a.id,
        (a) => a.form,
      ),
      byLevel: bucketBy(
        awards,
        (a) => a.id,
        (a) => a.level,
      ),
      byKind: bucketBy(
        awards,
        (a) => a.id,
        (a) => a.kind,
      ),
    },
    stories: {
      all: idSet(row.stories.map((s) => s.id)),
      byChannel: bucketBy(
        row.stories,
        (s) => s.id,
        (s) => s.channel,
      ),
      byPublisher: bucketBy(
        row.stories,
        (s) => s.id,
        (s) => (s.publishedBy.length > 0 ? s.publishedBy.map((g) => g.id) : s.publisher),
        (key, s) => s.publishedBy.find((g) => g.id === key)?.name ?? key,
      ),
    },
    events: idSet(events.map((e) => e.id)),
    places: rollUpPlaces(
      anchors.filter((a) => counted.has(a.fact)),
      row.rollups,
    ),
    fields: bucketBy(
      exemplars,
      (x) => x.id,
      (x) => sortedIds(x.fields.flatMap((f) => [f, ...(broader.get(f) ?? [])])),
      (key) => fieldNames.get(key) ?? key,
    ),
    timeline: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, ids]) => ({
        year,
        exemplars: idSet(ids.exemplars),
        awards: idSet(ids.awards),
        events: idSet(ids.events),
        stories: idSet(ids.stories),
      })),
    replication: findReplications(
      row.exemplars.map((x) => ({
        id: x.id,
        kind: x.kind,
        name: x.name,
        fields: x.fields,
        recognitions: recognitions.get(x.id) ?? [],
        places: [...new Set([x.id, ...x.events].flatMap((f) => rolled.get(f) ?? []))],
      })),
      row.stories
        .filter((s): s is StoryRow & { on: string } => s.on !== null)
        .map((s) => ({ id: s.id, kind: 'STORY', name: s.name, on: s.on, featured: s.featured })),
      period.replicationWindowDays,
    ),
    undated: idSet(undated),
  };
}

/**
 * Given a movement id, a period (bounds optional, inclusive ISO days) with a replication window,
 * and optionally pages of its long lists (pageImpact.ts; whole lists by default), returns its
 * impact, or null when no movement has that id. Read from the movement's base kept in this process
 * (movementImpactBases.ts: one small round trip to the revision clock), or by the statement once
 * for every period when no base is kept or an edit touched it.
 */
export async function movementImpact(
  graph: Graph,
  id: string,
  period: MovementImpactPeriod,
  pages: ImpactPages = WHOLE_LISTS,
): Promise<PagedMovementImpact | null> {
  const impact = await movementImpactBasesOf(graph).answerFor(graph, id, period);
  return impact === null ? null : pageImpact(impact, pages);
}

const kept = new WeakMap<Graph, MovementImpactBases<MovementImpact>>();

/** Given a graph, returns the movement bases kept for it in this process, answering with summariseImpact. */
export function movementImpactBasesOf(graph: Graph): MovementImpactBases<MovementImpact> {
  let bases = kept.get(graph);
  if (!bases) {
    bases = new MovementImpactBases(summariseImpact);
    kept.set(graph, bases);
  }
  return bases;
}

/**
 * Given a graph and what reads its movements' bases and derives their answers (main.ts: a child
 * process, server/movementBaseWorker.ts), keeps the graph's bases with that work from now on;
 * called before the first request.
 */
export function useMovementBaseWork(graph: Graph, work: MovementBaseWork<MovementImpact>): void {
  kept.set(graph, new MovementImpactBases(summariseImpact, MOVEMENT_BASES_BUDGET, work));
}
