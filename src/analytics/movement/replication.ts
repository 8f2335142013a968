import type { AnalysisNode } from '../shared/figures';
import { sortedIds } from '../shared/figures';
import { partialInterval } from '../shared/period';

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

function index(
  exemplars: readonly ReplicationExemplar[],
  keysOf: (x: ReplicationExemplar) => readonly string[],
): Map<string, ReplicationExemplar[]> {
  const out = new Map<string, ReplicationExemplar[]>();
  for (const x of exemplars) {
    for (const key of new Set(keysOf(x))) {
      const list = out.get(key);
      if (list) list.push(x);
      else out.set(key, [x]);
    }
  }
  return out;
}

/** An exemplar's recognition days, sorted: ISO days and the same days as day numbers. */
interface Days {
  readonly iso: readonly string[];
  readonly num: readonly number[];
}

const DAY_MS = 86_400_000;
function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Given sorted day numbers and a day number, returns the index of the first day strictly after it (length when none). */
function firstAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! > day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The best evidence found so far for one exemplar, kept without building the answer object. */
interface Best {
  readonly story: ReplicationStory;
  readonly featured: ReplicationExemplar;
  readonly later: ReplicationExemplar;
  readonly recognised: string;
  readonly daysAfter: number;
}

/**
 * Given the movement's exemplars (with recognitions, fields and places), its dated stories in the
 * period and the window in days, returns one entry per exemplar recognised after a story under the
 * replication rule: the evidence closest before the recognition (fewest days after, then story and
 * featured ids), ordered by recognition day, then exemplar id. One entry per exemplar keeps the
 * answer bounded by the movement's size, however many stories and shared fields there are. The
 * work is per field or place group (sort its evidence, bisect per recognition), never per pair of
 * exemplars, so a movement whose exemplars share a hub field stays near-linear.
 */
export function findReplications(
  exemplars: readonly ReplicationExemplar[],
  stories: readonly ReplicationStory[],
  windowDays: number,
): Replication[] {
  const byId = new Map(exemplars.map((x) => [x.id, x]));
  const byField = index(exemplars, (x) => x.fields);
  const byPlace = index(exemplars, (x) => x.places);
  const days = new Map<string, Days>();
  for (const x of exemplars) {
    const iso = x.recognitions
      .map((on) => partialInterval(on)?.start)
      .filter((day): day is string => day !== undefined)
      .sort();
    days.set(x.id, { iso, num: iso.map(dayNumber) });
  }
  // Every story's evidence, per featured exemplar: its publication day number.
  const evidenceOf = new Map<string, { day: number; story: ReplicationStory }[]>();
  for (const story of stories) {
    const published = partialInterval(story.on);
    if (!published) continue;
    const day = dayNumber(published.end);
    for (const featuredId of new Set(story.featured)) {
      if (!byId.has(featuredId)) continue;
      const list = evidenceOf.get(featuredId);
      if (list) list.push({ day, story });
      else evidenceOf.set(featuredId, [{ day, story }]);
    }
  }
  // Two exemplars are candidates for each other when they share a field or a place, so each field
  // and place is a group. For a recognition of one member on day r, the closest evidence in its
  // group is the story published last strictly before r that features another member (the smallest
  // story id, then featured id, on that day). The closest over all recognitions and groups is the
  // closest over all (story, featured) pairs, which is what "first recognition after each story"
  // yields too; this reads each group once instead of every pair of members.
  const best = new Map<string, Best>();
  for (const groups of [byField, byPlace]) {
    for (const members of groups.values()) {
      const evidence: { day: number; story: ReplicationStory; featured: ReplicationExemplar }[] = [];
      for (const featured of members) {
        for (const e of evidenceOf.get(featured.id) ?? []) evidence.push({ day: e.day, story: e.story, featured });
      }
      if (evidence.length === 0) continue;
      // Ascending by day; within a day descending by (story id, featured id), so walking back from
      // the end of a day meets the smallest first.
      evidence.sort(
        (a, b) => a.day - b.day || b.story.id.localeCompare(a.story.id) || b.featured.id.localeCompare(a.featured.id),
      );
      const evidenceDays = evidence.map((e) => e.day);
      for (const later of members) {
        const own = days.get(later.id);
        if (!own) continue;
        for (let j = 0; j < own.num.length; j++) {
          const recognisedDay = own.num[j]!;
          let at = firstAfter(evidenceDays, recognisedDay - 1) - 1;
          while (at >= 0 && evidence[at]!.featured.id === later.id) at--;
          if (at < 0) continue;
          const { story, day, featured } = evidence[at]!;
          const daysAfter = recognisedDay - day;
          if (daysAfter > windowDays) continue;
          const kept = best.get(later.id);
          if (kept && closer(kept.daysAfter, kept.story.id, kept.featured.id, daysAfter, story.id, featured.id)) continue;
          best.set(later.id, { story, featured, later, recognised: own.iso[j]!, daysAfter });
        }
      }
    }
  }
  return [...best.values()]
    .map(({ story, featured, later, recognised, daysAfter }): Replication => ({
      story: node(story),
      publishedOn: story.on,
      featured: node(featured),
      exemplar: node(later),
      recognisedOn: recognised,
      daysAfter,
      sharedFields: sortedIds(later.fields.filter((f) => featured.fields.includes(f))),
      sharedPlaces: sortedIds(later.places.filter((p) => featured.places.includes(p))),
    }))
    .sort((a, b) => a.recognisedOn.localeCompare(b.recognisedOn) || a.exemplar.id.localeCompare(b.exemplar.id));
}

/** Whether the kept evidence (days, story id, featured id) is at least as close as a new one: fewer days, then story and featured ids. */
function closer(
  keptDays: number,
  keptStory: string,
  keptFeatured: string,
  days: number,
  story: string,
  featured: string,
): boolean {
  return (keptDays - days || keptStory.localeCompare(story) || keptFeatured.localeCompare(featured)) <= 0;
}
