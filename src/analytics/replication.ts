import type { AnalysisNode } from './figures';
import { sortedIds } from './figures';
import { daysBetween, partialInterval } from './period';

/**
 * The replication rule ("nhân rộng"): a story published in the period features exemplar A; later
 * exemplar B (not A) of the same movement is recognised (an award under it, or held up from a
 * known day) in a field A is active in or in a commune or district A is tied to. It counts when the
 * recognition falls after the last possible publication day and at most `windowDays` after it: a
 * story dated only by month or year is taken at the end of that month or year, a recognition
 * known only by year at its start, so "after" is never assumed.
 */

export interface ReplicationExemplar extends AnalysisNode {
  /** Partial dates of each recognition. */
  readonly recognitions: readonly string[];
  readonly fields: readonly string[];
  /** Communes and districts tied to the exemplar (events, home), as they were then. */
  readonly places: readonly string[];
}

export interface ReplicationStory extends AnalysisNode {
  readonly on: string;
  /** Ids of the exemplars the story features. */
  readonly featured: readonly string[];
}

export interface Replication {
  readonly story: AnalysisNode;
  readonly publishedOn: string;
  readonly featured: AnalysisNode;
  readonly exemplar: AnalysisNode;
  readonly recognisedOn: string;
  readonly daysAfter: number;
  readonly sharedFields: readonly string[];
  readonly sharedPlaces: readonly string[];
}

function node({ id, kind, name }: AnalysisNode): AnalysisNode {
  return { id, kind, name };
}

function index(exemplars: readonly ReplicationExemplar[], keysOf: (x: ReplicationExemplar) => readonly string[]): Map<string, ReplicationExemplar[]> {
  const out = new Map<string, ReplicationExemplar[]>();
  for (const x of exemplars) for (const key of new Set(keysOf(x))) out.set(key, [...(out.get(key) ?? []), x]);
  return out;
}

/**
 * Given the movement's exemplars (with recognitions, fields and places), its dated stories in the
 * period and the window in days, returns one entry per exemplar recognised after a story under the
 * replication rule: the evidence closest before the recognition (fewest days after, then story and
 * featured ids), ordered by recognition day, then exemplar id. One entry per exemplar keeps the
 * answer bounded by the movement's size, however many stories and shared fields there are.
 */
export function findReplications(exemplars: readonly ReplicationExemplar[], stories: readonly ReplicationStory[], windowDays: number): Replication[] {
  const byId = new Map(exemplars.map((x) => [x.id, x]));
  const byField = index(exemplars, (x) => x.fields);
  const byPlace = index(exemplars, (x) => x.places);
  const best = new Map<string, Replication>();
  for (const story of stories) {
    const published = partialInterval(story.on);
    if (!published) continue;
    for (const featuredId of new Set(story.featured)) {
      const featured = byId.get(featuredId);
      if (!featured) continue;
      const candidates = new Set([...featured.fields.flatMap((f) => byField.get(f) ?? []), ...featured.places.flatMap((p) => byPlace.get(p) ?? [])]);
      for (const later of candidates) {
        if (later.id === featured.id) continue;
        const recognised = later.recognitions
          .map((on) => partialInterval(on)?.start)
          .filter((day): day is string => day !== undefined && day > published.end && daysBetween(published.end, day) <= windowDays)
          .sort()[0];
        if (recognised === undefined) continue;
        const candidate: Replication = {
          story: node(story),
          publishedOn: story.on,
          featured: node(featured),
          exemplar: node(later),
          recognisedOn: recognised,
          daysAfter: daysBetween(published.end, recognised),
          sharedFields: sortedIds(later.fields.filter((f) => featured.fields.includes(f))),
          sharedPlaces: sortedIds(later.places.filter((p) => featured.places.includes(p))),
        };
        const kept = best.get(later.id);
        if (!kept || closer(candidate, kept)) best.set(later.id, candidate);
      }
    }
  }
  return [...best.values()].sort((a, b) => a.recognisedOn.localeCompare(b.recognisedOn) || a.exemplar.id.localeCompare(b.exemplar.id));
}

/** Whether a piece of evidence is closer before the recognition than another: fewer days, then story and featured ids. */
function closer(a: Replication, b: Replication): boolean {
  return (a.daysAfter - b.daysAfter || a.story.id.localeCompare(b.story.id) || a.featured.id.localeCompare(b.featured.id)) < 0;
}
