import { yearOf } from '../../analytics/shared/period';
import { unitsThen, type PlaceRollupRow } from '../../analytics/shared/placeRollup';
import { scopeKey, type DictionaryEntry } from '../../analytics/dashboard/cubeLayout';
import type { CubeFact, CubeStory } from './buildCells';
import type { CubeInput } from './readCubeInput';

/**
 * A fact as read, with what does not depend on the field already keyed: a CubeFact without the
 * field's exemplars, its agencies those that took part or conferred (members are added per field).
 */
interface PreparedFact extends Omit<CubeFact, 'exemplars'> {
  /** Provinces any of its places was ever part of: the place scopes it counts in. */
  readonly provinces: string[];
}

/** Given a list, returns it without repeats, in first-seen order. */
function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** A fact of one field: the fact and the exemplars it counts for that field. */
interface FieldFact {
  readonly fact: PreparedFact;
  readonly exemplars: string[];
  readonly memberAgencies: string[];
}

/** The cube's plan: its dictionary and province scopes, and what each field's scopes are made of. */
export interface CubePlan {
  readonly dictionary: DictionaryEntry[];
  readonly provinces: string[];
  readonly fields: readonly string[];
  /** Places and agencies the facts name that the dictionary lacks (only with a given dictionary: its cube must be rebuilt). */
  readonly missing: ReadonlySet<string>;
  /** Given a field, returns its scopes (country-wide and per province) with their facts and stories. */
  scopesOf(field: string): Map<string, { facts: CubeFact[]; stories: CubeStory[] }>;
}

/**
 * Given everything read, returns the cube's plan; pure apart from memory. Follows the dashboard
 * rule of fieldDashboard.ts fact by fact. Scopes are made one field at a time (scopesOf), so only
 * one field's scopes are in memory at once. An incremental update (refreshCubeFields.ts) passes
 * the facts of a few fields and the current cube's dictionary, so the cells it writes key places
 * and agencies as the cells beside them do; what that dictionary lacks is reported in `missing`.
 */
export function planCube(input: CubeInput, current?: { dictionary: readonly DictionaryEntry[] }): CubePlan {
  const dictionary: DictionaryEntry[] = current
    ? [...current.dictionary]
    : [
        ...input.rollupPlaces.map((p) => ({ id: p.id, name: p.name, level: p.level })),
        ...input.agencies.map((g) => ({ id: g.id, name: g.name, level: null })),
      ];
  const index = new Map(dictionary.map((entry, i) => [entry.id, i]));
  const missing = new Set<string>();
  const keys = (ids: Iterable<string>) =>
    distinct(
      [...ids]
        .map((id) => {
          const key = index.get(id);
          if (key === undefined) missing.add(id);
          return key;
        })
        .filter((k): k is number => k !== undefined),
    );
  const rollups = new Map<string, PlaceRollupRow>(input.rollups.map((row) => [row.place, row]));
  // The dictionary lists the places first, in the order of the rollup's units.
  const provinces = dictionary.filter((p) => p.level === 'PROVINCE').map((p) => p.id);
  const provinceSet = new Set(provinces);
  // A place counts for a province when it was ever part of it (validity ignored), as in the live rule.
  const provincesOf = new Map(
    input.rollups.map((row) => [row.place, row.then.map((c) => c.id).filter((id) => provinceSet.has(id))]),
  );

  // Fields: each field with the broader ones it counts for (itself first).
  const closure = new Map(input.fields.map((f) => [f.id, [f.id, ...f.broader]]));
  const narrower = new Map<string, string[]>();
  for (const [field, up] of closure) for (const broader of up) narrower.set(broader, [...(narrower.get(broader) ?? []), field]);
  const exemplarFields = new Map<string, string[]>();
  const memberOf = new Map<string, string[]>();
  for (const x of input.exemplars) {
    exemplarFields.set(x.id, distinct(x.fields.flatMap((f) => closure.get(f) ?? [f])));
    memberOf.set(x.id, x.memberOf);
  }
  /** Given exemplars, returns them grouped by every field they count for. */
  const byField = (ids: readonly string[]): Map<string, string[]> => {
    const grouped = new Map<string, string[]>();
    for (const id of distinct(ids)) {
      for (const field of exemplarFields.get(id) ?? []) {
        const list = grouped.get(field);
        if (list) list.push(id);
        else grouped.set(field, [id]);
      }
    }
    return grouped;
  };

  const prepare = (
    id: string,
    kind: 'event' | 'award',
    on: string | null,
    placeIds: string[],
    agencies: string[],
    form: string | null,
    level: string | null,
  ): PreparedFact => {
    const then: string[] = [];
    const now: string[] = [];
    for (const place of placeIds) {
      const row = rollups.get(place);
      if (!row) continue;
      then.push(...unitsThen(row, on).map((u) => u.id));
      now.push(...row.now.map((u) => u.id));
    }
    return {
      id,
      kind,
      year: yearOf(on),
      month: on !== null && on.length >= 7 && yearOf(on) !== null ? Number(on.slice(5, 7)) : null,
      form,
      level,
      then: keys(then),
      now: keys(now),
      agencies: keys(agencies),
      provinces: distinct(placeIds.flatMap((p) => provincesOf.get(p) ?? [])),
    };
  };

  const perField = new Map<string, FieldFact[]>();
  const add = (field: string, fact: PreparedFact, exemplars: string[]) => {
    const entry = { fact, exemplars, memberAgencies: exemplars.flatMap((x) => memberOf.get(x) ?? []) };
    const list = perField.get(field);
    if (list) list.push(entry);
    else perField.set(field, [entry]);
  };

  // Events: one counts for a field when someone active in it took part.
  const eventFields = new Map<string, string[]>();
  const eventPlaces = new Map<string, string[]>();
  for (const e of input.events) {
    eventPlaces.set(e.id, e.places);
    const grouped = byField(e.participants);
    eventFields.set(e.id, [...grouped.keys()]);
    if (grouped.size === 0) continue;
    const fact = prepare(e.id, 'event', e.on, e.places, e.agencies, null, null);
    for (const [field, exemplars] of grouped) add(field, fact, exemplars);
  }
  // Awards: to someone active in the field, or for an event someone active in it took part in.
  for (const a of input.awards) {
    const recipients = byField(a.recipients);
    const fields = new Set(recipients.keys());
    for (const e of a.events) for (const field of eventFields.get(e) ?? []) fields.add(field);
    if (fields.size === 0) continue;
    const placeIds = distinct([...a.events.flatMap((e) => eventPlaces.get(e) ?? []), ...a.homes]);
    const fact = prepare(a.id, 'award', a.on, placeIds, a.conferredBy, a.form, a.level);
    for (const field of fields) add(field, fact, recipients.get(field) ?? []);
  }

  // Stories: those featuring the field (country-wide only), a fact of the scope or one of its exemplars.
  const featuredBy = new Map<string, CubeStory[]>();
  for (const s of input.stories) {
    const story = { id: s.id, on: s.on };
    for (const target of distinct(s.features)) {
      const list = featuredBy.get(target);
      if (list) list.push(story);
      else featuredBy.set(target, [story]);
    }
  }

  const scopesOf = (field: string) => {
    const drafts = new Map<string, { facts: CubeFact[]; featured: Set<string> }>();
    for (const { fact, exemplars, memberAgencies } of perField.get(field) ?? []) {
      const { provinces: _provinces, ...common } = fact;
      const cubeFact: CubeFact = { ...common, exemplars, agencies: distinct([...fact.agencies, ...keys(memberAgencies)]) };
      for (const place of [null, ...fact.provinces]) {
        const key = scopeKey(field, place);
        let draft = drafts.get(key);
        if (!draft) {
          draft = { facts: [], featured: new Set<string>(place === null ? (narrower.get(field) ?? [field]) : []) };
          drafts.set(key, draft);
        }
        draft.facts.push(cubeFact);
        draft.featured.add(fact.id);
        for (const x of exemplars) draft.featured.add(x);
      }
    }
    const scopes = new Map<string, { facts: CubeFact[]; stories: CubeStory[] }>();
    for (const [key, draft] of drafts) {
      scopes.set(key, { facts: draft.facts, stories: [...draft.featured].flatMap((id) => featuredBy.get(id) ?? []) });
    }
    return scopes;
  };
  return { dictionary, provinces, fields: [...closure.keys()], missing, scopesOf };
}
