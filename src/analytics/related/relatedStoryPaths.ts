import { EVENT_KIND_WEIGHTS, eventKindsOf, type EventKind } from './eventKinds';
import type { ContextAward, ContextEvent, ContextPlace, ReaderContext } from './relatedStoryContext';
import type { StoryEvidence, StoryPathLink } from './relatedStoryReasons';

/**
 * What each reader path is worth at most, before the factor of its kind (the unit's level, the kind's
 * narrowness, the closeness in time) and, for shared nodes, rarity 1 / ln(2 + degree).
 */
export const PATH_WEIGHTS: Readonly<Record<StoryPathLink, number>> = {
  SAME_PLACE: 1,
  SAME_PLACE_TODAY: 0.5,
  SAME_EVENT_KIND: 0.6,
  SAME_AGENCY: 0.5,
  SAME_FIELD: 0.3,
  SIMILAR_EXEMPLAR: 0.5,
  CLOSE_IN_TIME: 0.3,
  SAME_COMMENDATION: 0.15,
};

/**
 * What a shared unit is worth by level, before rarity: a commune, a district or a river counts in
 * full and is weighed down by its degree (a district holds more than a commune); a province, which
 * holds nearly every event of the seeds, counts little.
 */
export const PLACE_LEVEL_FACTORS: Readonly<Record<string, number>> = {
  COMMUNE: 1,
  NATURAL_FEATURE: 1,
  DISTRICT: 1,
  PROVINCE: 0.15,
};

/** A district police or a department does the work; the provincial police or a ministry is a hub. */
export const AGENCY_LEVEL_FACTORS: Readonly<Record<string, number>> = {
  COMMUNE: 1,
  UNIT: 1,
  DISTRICT: 1,
  PROVINCE: 0.2,
  CENTRAL: 0.05,
};

/** Given a shared node's kind and level, returns its level factor (1 for anything but an agency or a place). */
export function hubLevelFactor(kind: string, level: string | null): number {
  if (level === null) return 1;
  if (kind === 'Agency') return AGENCY_LEVEL_FACTORS[level] ?? 1;
  if (kind === 'Place') return PLACE_LEVEL_FACTORS[level] ?? 1;
  return 1;
}

/** What a shared unit is worth when the candidate is only about the unit and the source is not a place. */
export const UNIT_PAGE_FACTOR = 0.25;

/** Time counts only within one kind, fading to nothing at this many days apart. */
export const TIME_WINDOW_DAYS = 365;

/**
 * What a kind found only in an event's summary counts for, against one in its kind or names: a summary
 * tells what was done (residents tried to rescue others) but also the setting (the floods during which,
 * a force's name, a story retold at a conference), so it says less about what the event is.
 */
export const SUMMARY_KIND_FACTOR = 0.5;

/** A kind a context reports, the event it comes from (null: the title) and how surely (1, or SUMMARY_KIND_FACTOR). */
export interface ContextKind {
  readonly event: ContextEvent | null;
  readonly factor: number;
}

/*
 * A context is read once and then kept for every request until the graph changes
 * (readerContextCache.ts), so what is derived from it alone (its kinds, read from names and summaries
 * word by word) is derived once per context object, not once per candidate of every request.
 */
const eventKinds = new WeakMap<ContextEvent, ReadonlyMap<EventKind, number>>();
const contextKinds = new WeakMap<ReaderContext, ReadonlyMap<EventKind, ContextKind>>();

/** Given an event, returns its kinds: from its kind and names in full, from its summary only at SUMMARY_KIND_FACTOR. */
export function kindsOfEvent(event: ContextEvent): ReadonlyMap<EventKind, number> {
  let kinds = eventKinds.get(event);
  if (kinds === undefined) {
    const found = new Map(eventKindsOf(event.kind, event.name, event.nameEn).map((kind) => [kind, 1]));
    for (const kind of eventKindsOf(null, event.summary)) if (!found.has(kind)) found.set(kind, SUMMARY_KIND_FACTOR);
    eventKinds.set(event, (kinds = found));
  }
  return kinds;
}

/** Given a context, returns its kinds, each with the event (or null: the title) that reports it most surely. */
export function kindsOfContext(context: ReaderContext): ReadonlyMap<EventKind, ContextKind> {
  let kinds = contextKinds.get(context);
  if (kinds === undefined) {
    const found = new Map<EventKind, ContextKind>();
    const add = (kind: EventKind, reported: ContextKind) => {
      if ((found.get(kind)?.factor ?? 0) < reported.factor) found.set(kind, reported);
    };
    for (const event of context.events) for (const [kind, factor] of kindsOfEvent(event)) add(kind, { event, factor });
    for (const kind of eventKindsOf(null, context.title)) add(kind, { event: null, factor: 1 });
    contextKinds.set(context, (kinds = found));
  }
  return kinds;
}

function evidence(link: StoryPathLink, node: StoryEvidence['node'], degree: number, factor: number): StoryEvidence {
  return { link, node, relationship: null, outward: null, degree, factor };
}

function best(items: readonly StoryEvidence[]): StoryEvidence | undefined {
  return items.reduce<StoryEvidence | undefined>(
    (top, e) => (top === undefined || pathContribution(e) > pathContribution(top) ? e : top),
    undefined,
  );
}

/** Given a path's evidence, returns weight(link) × factor, times rarity for the paths through a shared node. */
export function pathContribution(e: StoryEvidence): number {
  const weight = PATH_WEIGHTS[e.link as StoryPathLink] ?? 0;
  const rare =
    e.link === 'SAME_EVENT_KIND' || e.link === 'CLOSE_IN_TIME' || e.link === 'SAME_COMMENDATION'
      ? 1
      : 1 / Math.log(2 + Math.max(0, e.degree));
  return weight * (e.factor ?? 1) * rare;
}

/**
 * For a place asked about, the kinds it is known for count as much as the place is small (a commune in
 * full, a province little); any other source counts in full.
 */
function placeSourceFactor(source: ReaderContext): number {
  if (source.label !== 'Place') return 1;
  const self = source.places.find((p) => p.id === source.id);
  return PLACE_LEVEL_FACTORS[self?.level ?? ''] ?? 1;
}

/** The share of a context's events that are of this kind (1 when it has none and the kind comes from its title). */
function kindShare(context: ReaderContext, kind: EventKind): number {
  if (context.events.length === 0) return 1;
  const unique = new Map(context.events.map((e) => [e.id, e]));
  const ofKind = [...unique.values()].filter((e) => kindsOfEvent(e).has(kind)).length;
  return Math.max(ofKind, 1) / unique.size;
}

/**
 * Given two contexts, returns the candidate's award that is the same kind of commendation as one the
 * source reports (not the same award, which both stories feature already): a State commendation given
 * for an event (an ad hoc one, for a deed) by an authority at the same level in the same place, such
 * as a provincial committee's and a provincial police's ad hoc commendations in one province.
 */
export function sameCommendation(source: ReaderContext, candidate: ReaderContext): StoryEvidence | undefined {
  const adHoc = (a: ContextAward) => a.category === 'STATE' && a.forEvent && a.issuerLevel !== null && a.issuerPlace !== null;
  const sourceAwards = source.awards.filter(adHoc);
  const match = candidate.awards.find(
    (a) =>
      adHoc(a) &&
      !source.awards.some((s) => s.id === a.id) &&
      sourceAwards.some((s) => s.issuerLevel === a.issuerLevel && s.issuerPlace === a.issuerPlace),
  );
  return match && evidence('SAME_COMMENDATION', { id: match.id, kind: 'Award', name: match.name }, 0, 1);
}

function daysBetween(a: string, b: string): number | null {
  const x = Date.parse(a.length === 4 ? `${a}-07-01` : a.length === 7 ? `${a}-15` : a);
  const y = Date.parse(b.length === 4 ? `${b}-07-01` : b.length === 7 ? `${b}-15` : b);
  return Number.isNaN(x) || Number.isNaN(y) ? null : Math.abs(x - y) / 86_400_000;
}

/** What readerPaths looks up in the source's context for every candidate. */
interface SourceIndex {
  readonly sourcePlaces: ReadonlyMap<string, ContextPlace>;
  /** The units its places are part of today (themselves when they were not merged). */
  readonly sourceToday: ReadonlySet<string>;
  /** The agencies doing the work (none for a place: its agencies are those of every event inside it). */
  readonly sourceAgencies: ReadonlySet<string>;
  /** The narrow fields its people are active in. */
  readonly sourceFields: ReadonlySet<string>;
  readonly sourcePeople: ReadonlySet<string>;
  /** The narrow units, fields and movements of its exemplars. */
  readonly sourceLinks: ReadonlySet<string>;
  /** The forces its exemplars serve within, with the level they serve at. */
  readonly sourceForces: ReadonlyMap<string, string | null>;
}

const sourceIndexes = new WeakMap<ReaderContext, SourceIndex>();

/** Given the source's context, returns its index, built once per context object (a request compares it with some 60 candidates). */
function sourceIndexOf(source: ReaderContext): SourceIndex {
  let index = sourceIndexes.get(source);
  if (index === undefined) {
    const exemplars = source.people.filter((p) => p.exemplar);
    index = {
      sourcePlaces: new Map(source.places.map((p) => [p.id, p])),
      sourceToday: new Set(source.places.flatMap((p) => [...p.today.map((t) => t.id), ...(p.today.length ? [] : [p.id])])),
      sourceAgencies: new Set(source.label === 'Place' ? [] : source.agencies.map((a) => a.id)),
      sourceFields: new Set(
        source.people.flatMap((p) => p.links.filter((l) => l.rel === 'ACTIVE_IN' && l.narrow).map((l) => l.id)),
      ),
      sourcePeople: new Set(source.people.map((p) => p.id)),
      sourceLinks: new Set(exemplars.flatMap((p) => p.links.filter((l) => l.narrow).map((l) => l.id))),
      sourceForces: new Map(
        exemplars.flatMap((p) => p.links.filter((l) => l.rel === 'WITHIN').map((l) => [l.id, l.tier ?? null] as const)),
      ),
    };
    sourceIndexes.set(source, index);
  }
  return index;
}

/**
 * Given the context of what was asked about and of one candidate story, returns the reader paths
 * between them, at most one per kind of path (its strongest):
 * - SAME_PLACE: the finest unit both lie in at the time (commune, district, province, a river);
 * - SAME_PLACE_TODAY: the unit both are part of today, after the 1 Jul 2025 merger;
 * - SAME_EVENT_KIND: the narrowest finer kind of event both report;
 * - SAME_AGENCY: an agency doing the work in both (not the press);
 * - SAME_FIELD: a narrow field of a person in both;
 * - SIMILAR_EXEMPLAR: an exemplar in the candidate who shares a unit, narrow field or movement with
 *   an exemplar of the source (two hops, as relatedExemplars finds them);
 * - CLOSE_IN_TIME: within a year of the source's day, only when the kind is shared too;
 * - SAME_COMMENDATION: the same kind of commendation, sameCommendation.
 */
export function readerPaths(source: ReaderContext, candidate: ReaderContext): StoryEvidence[] {
  const paths: StoryEvidence[] = [];
  const { sourcePlaces, sourceToday, sourceAgencies, sourceFields, sourcePeople, sourceLinks, sourceForces } =
    sourceIndexOf(source);

  // A page about a unit itself (no event, no kind in its title) is related to the unit, and only
  // faintly to every event that happened in it.
  const aboutUnitOnly = source.label !== 'Place' && candidate.events.length === 0 && kindsOfContext(candidate).size === 0;
  const place = best(
    candidate.places
      .filter((p) => sourcePlaces.has(p.id))
      .map((p) =>
        evidence(
          'SAME_PLACE',
          { id: p.id, kind: 'Place', name: p.name },
          p.degree,
          (PLACE_LEVEL_FACTORS[p.level ?? ''] ?? 0) * (aboutUnitOnly ? UNIT_PAGE_FACTOR : 1),
        ),
      ),
  );
  if (place) paths.push(place);
  const today = best(
    candidate.places
      .filter((p) => p.level === 'COMMUNE' && !sourcePlaces.has(p.id))
      .flatMap((p) => p.today.filter((t) => sourceToday.has(t.id)).map((t) => ({ p, t })))
      .map(({ p, t }) => evidence('SAME_PLACE_TODAY', { id: t.id, kind: 'Place', name: t.name }, p.degree, 1)),
  );
  if (today) paths.push(today);

  const sourceKinds = kindsOfContext(source);
  const candidateKinds = kindsOfContext(candidate);
  // The narrowest shared kind, as surely as both report it (a kind only in a summary counts less).
  let shared: { kind: EventKind; weight: number; event: ContextEvent | null } | undefined;
  for (const [kind, found] of candidateKinds) {
    const other = sourceKinds.get(kind);
    if (!other) continue;
    const weight = EVENT_KIND_WEIGHTS[kind] * found.factor * other.factor;
    if (shared === undefined || weight > shared.weight) shared = { kind, weight, event: found.event };
  }
  if (shared !== undefined) {
    const { kind: sharedKind, weight, event } = shared;
    const node = event
      ? { id: event.id, kind: 'Event' as const, name: event.name }
      : { id: candidate.id, kind: 'Story' as const, name: candidate.title ?? candidate.id };
    // A story that reports several events is only partly about this kind (the seed article's roll of
    // deeds), and so is a place known for many kinds of event (a province).
    const share = kindShare(candidate, sharedKind) * kindShare(source, sharedKind) * placeSourceFactor(source);
    paths.push({
      ...evidence('SAME_EVENT_KIND', node, event?.degree ?? 0, weight * share),
      eventKind: sharedKind,
    });
    const days = source.day !== null && candidate.day !== null ? daysBetween(source.day, candidate.day) : null;
    if (days !== null && days <= TIME_WINDOW_DAYS && source.label !== 'Place') {
      // Closeness counts as much as the kind is narrow: two rescues of any kind months apart say little.
      paths.push({
        ...evidence('CLOSE_IN_TIME', node, event?.degree ?? 0, (1 - days / TIME_WINDOW_DAYS) * weight),
        eventKind: sharedKind,
      });
    }
  }

  const agency = best(
    candidate.agencies
      .filter((a) => sourceAgencies.has(a.id) && a.kind !== 'PRESS')
      .map((a) =>
        evidence('SAME_AGENCY', { id: a.id, kind: 'Agency', name: a.name }, a.degree, AGENCY_LEVEL_FACTORS[a.level ?? ''] ?? 0),
      ),
  );
  if (agency) paths.push(agency);

  // Only people the source does not already feature: a shared person is a FEATURES reason already.
  const field = best(
    source.label === 'Place'
      ? []
      : candidate.people
          .filter((p) => !sourcePeople.has(p.id))
          .flatMap((p) =>
            p.links
              .filter((l) => l.rel === 'ACTIVE_IN' && l.narrow && sourceFields.has(l.id))
              .map((l) => evidence('SAME_FIELD', { id: l.id, kind: 'Field', name: l.name }, l.degree, 1)),
          ),
  );
  if (field) paths.push(field);

  const commendation = sameCommendation(source, candidate);
  if (commendation) paths.push(commendation);

  // A place has no people of its own: those of the events inside it are not the reader's subject.
  if (source.label === 'Place') return paths;
  const similar = best(
    candidate.people
      .filter((p) => p.exemplar && !sourcePeople.has(p.id))
      .flatMap((p) =>
        p.links
          .filter((l) => (l.narrow && sourceLinks.has(l.id)) || (l.rel === 'WITHIN' && sourceForces.has(l.id)))
          .map((l) => ({
            // Serving in one force counts half as much as sharing the unit, field or movement itself, and
            // half again unless both serve at the same level of it (two district police officers).
            ...evidence(
              'SIMILAR_EXEMPLAR',
              { id: p.id, kind: 'Person', name: p.name },
              l.degree,
              l.rel !== 'WITHIN' ? 1 : sourceForces.get(l.id) === (l.tier ?? null) ? 0.5 : 0.25,
            ),
            via: {
              id: l.id,
              kind:
                l.rel === 'ACTIVE_IN'
                  ? ('Field' as const)
                  : l.rel === 'EXEMPLAR_OF'
                    ? ('Movement' as const)
                    : ('Agency' as const),
              name: l.name,
            },
          })),
      ),
  );
  if (similar) paths.push(similar);
  return paths;
}
