import { UNSPECIFIED } from '../../analytics/shared/figures';
import { monthKey, partialInterval } from '../../analytics/shared/period';
import { WHOLE_YEAR, YEAR_ONLY, monthIndex, type Cell, type CellData } from '../../analytics/dashboard/cubeLayout';

/** A fact of the cube: an event or award of one field, with everything its cells count, keyed. */
export interface CubeFact {
  readonly id: string;
  readonly kind: 'event' | 'award';
  /** The year of its partial date; null when undated (never in a bounded period). */
  readonly year: number | null;
  /** The month (1-12) of its partial date; null when only the year is known, or undated. */
  readonly month: number | null;
  /** The award's form and level (null when the source is silent); null for an event. */
  readonly form: string | null;
  readonly level: string | null;
  /** The exemplars of the field it counts (participants or recipients active in the field). */
  readonly exemplars: readonly string[];
  /** Dictionary indices of the units its places roll up to then and now, and of its agencies. */
  readonly then: readonly number[];
  readonly now: readonly number[];
  readonly agencies: readonly number[];
}

/** A story of a scope: one that features the field, a fact of the scope or one of its exemplars. */
export interface CubeStory {
  readonly id: string;
  readonly on: string | null;
}

interface CellAccumulator {
  e: number;
  a: number;
  s: number;
  forms: Map<string, number>;
  levels: Map<string, number>;
  months: Map<string, number>;
  then: Map<number, number>;
  now: Map<number, number>;
  agencies: Map<number, number>;
  x: Map<number, number>;
}

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function flat(map: Map<number, number>): number[] {
  return [...map.entries()].sort((a, b) => a[0] - b[0]).flat();
}

function emptyCell(): CellAccumulator {
  return {
    e: 0,
    a: 0,
    s: 0,
    forms: new Map(),
    levels: new Map(),
    months: new Map(),
    then: new Map(),
    now: new Map(),
    agencies: new Map(),
    x: new Map(),
  };
}

function cellData(c: CellAccumulator): CellData {
  return {
    e: c.e,
    a: c.a,
    s: c.s,
    forms: Object.fromEntries(c.forms),
    levels: Object.fromEntries(c.levels),
    months: Object.fromEntries(c.months),
    then: flat(c.then),
    now: flat(c.now),
    agencies: flat(c.agencies),
  };
}

/** For each exemplar's sorted distinct active buckets, counts it in each bucket by the bucket before (0: none). */
function countFirsts(active: Iterable<Set<number>>, cell: (bucket: number) => CellAccumulator): void {
  for (const buckets of active) {
    let previous = 0;
    for (const bucket of [...buckets].sort((a, b) => a - b)) {
      increment(cell(bucket).x, previous);
      previous = bucket;
    }
  }
}

/**
 * Given the facts and stories of one scope, returns its cells: per year with a dated fact or
 * story, its WHOLE_YEAR cell and, when it has some, its YEAR_ONLY cell; per month with a fact or
 * story dated in it or an exemplar active in it, its month cell. Pure; facts and stories count once per id.
 */
export function buildCells(facts: Iterable<CubeFact>, stories: Iterable<CubeStory>): Cell[] {
  const cells = new Map<string, { year: number; month: number; acc: CellAccumulator }>();
  const cell = (year: number, month: number): CellAccumulator => {
    const key = `${year}-${month}`;
    let found = cells.get(key);
    if (!found) {
      found = { year, month, acc: emptyCell() };
      cells.set(key, found);
    }
    return found.acc;
  };
  const add = (into: CellAccumulator, fact: CubeFact, then: Set<number>, now: Set<number>, agencies: Set<number>) => {
    if (fact.kind === 'event') into.e += 1;
    else {
      into.a += 1;
      increment(into.forms, fact.form ?? UNSPECIFIED);
      increment(into.levels, fact.level ?? UNSPECIFIED);
    }
    for (const key of then) increment(into.then, key);
    for (const key of now) increment(into.now, key);
    for (const key of agencies) increment(into.agencies, key);
  };
  const activeYears = new Map<string, Set<number>>();
  const activeMonths = new Map<string, Set<number>>();
  const seen = new Set<string>();
  for (const fact of facts) {
    if (fact.year === null || seen.has(fact.id)) continue;
    seen.add(fact.id);
    const then = new Set(fact.then);
    const now = new Set(fact.now);
    const agencies = new Set(fact.agencies);
    add(cell(fact.year, WHOLE_YEAR), fact, then, now, agencies);
    add(cell(fact.year, fact.month ?? YEAR_ONLY), fact, then, now, agencies);
    // Known only by its year, an activity overlaps each of the year's months.
    const months =
      fact.month === null
        ? Array.from({ length: 12 }, (_, i) => monthIndex(fact.year!, i + 1))
        : [monthIndex(fact.year, fact.month)];
    for (const id of fact.exemplars) {
      const years = activeYears.get(id) ?? new Set<number>();
      years.add(fact.year);
      activeYears.set(id, years);
      const active = activeMonths.get(id) ?? new Set<number>();
      for (const m of months) active.add(m);
      activeMonths.set(id, active);
    }
  }
  countFirsts(activeYears.values(), (year) => cell(year, WHOLE_YEAR));
  countFirsts(activeMonths.values(), (index) => cell(Math.floor(index / 12), (index % 12) + 1));
  const storySeen = new Set<string>();
  for (const story of stories) {
    const interval = partialInterval(story.on);
    if (!interval || storySeen.has(story.id)) continue;
    storySeen.add(story.id);
    const year = Number(interval.start.slice(0, 4));
    const key = monthKey(story.on!);
    const month = key.length === 7 ? Number(key.slice(5, 7)) : YEAR_ONLY;
    for (const into of [cell(year, WHOLE_YEAR), cell(year, month)]) {
      into.s += 1;
      increment(into.months, key);
    }
  }
  return [...cells.values()]
    .sort((a, b) => a.year - b.year || a.month - b.month)
    .map(({ year, month, acc }) => ({ year, month, data: cellData(acc), x: flat(acc.x) }));
}
