import { UNSPECIFIED, type AnalysisNode, type PlaceBucket } from './figures';
import { monthKey, partialInterval, yearOf } from './period';

/**
 * The dashboard cube: fieldDashboard's figures precomputed per scope (a field with its narrower
 * fields, in the whole country or in one province) and per calendar year, so a dashboard over whole
 * years reads at most a few dozen small cells instead of every fact of a hub field.
 *
 * Every figure of the dashboard rule (fieldDashboard.ts) is a count of distinct facts, and every
 * fact has one date, so counts per year add up over a period of whole years: events, awards,
 * stories, awards by form and level, stories per month, and the facts behind each place (then and
 * now) and each agency. The one figure that does not add up is the number of distinct exemplars
 * (someone recognised in 2019 and 2020 counts once for 2019-2020). For it each cell keeps, for the
 * exemplars active that year, how many were last active before that in each earlier year (or
 * never): an exemplar is counted in [y1, y2] exactly once, in its first active year in the period,
 * which is the one whose previous active year is before y1. So the figures are exact, not
 * estimates, and they only hold for periods of whole calendar years; other periods are answered live.
 *
 * This module is pure: facts in, cells out (buildCells), and cells in, figures out
 * (summariseCells). Reading the facts and writing the cells is buildDashboardCube.ts.
 */

/** Places are keyed by their index in the cube's dictionary, agencies too (places first). */
export interface DictionaryEntry {
  readonly id: string;
  readonly name: string;
  /** A place's level; null for an agency. */
  readonly level: string | null;
}

/** A fact of the cube: an event or award of one field, with everything its cells count, keyed. */
export interface CubeFact {
  readonly id: string;
  readonly kind: 'event' | 'award';
  /** The year of its partial date; null when undated (never in a bounded period). */
  readonly year: number | null;
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

/** What one cell stores (as JSON): one scope, one year. Lists of keyed counts are flat [key, n, key, n, …]. */
export interface CellData {
  /** Events, awards and stories dated in the year. */
  readonly e: number;
  readonly a: number;
  readonly s: number;
  /** Awards by form and by level; stories by month (YYYY-MM, or YYYY when only the year is known). */
  readonly forms: Record<string, number>;
  readonly levels: Record<string, number>;
  readonly months: Record<string, number>;
  /** Facts per dictionary index: units then, units now, agencies. */
  readonly then: number[];
  readonly now: number[];
  readonly agencies: number[];
  /** Exemplars active this year, by the previous year they were active (0: never before): [year, n, …]. */
  readonly x: number[];
}

export interface Cell {
  readonly year: number;
  readonly data: CellData;
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

/**
 * Given the facts and stories of one scope, returns its cells, one per year that has a dated fact
 * or story; pure. Facts and stories are each counted once per id.
 */
export function buildCells(facts: Iterable<CubeFact>, stories: Iterable<CubeStory>): Cell[] {
  const cells = new Map<number, CellAccumulator>();
  const cell = (year: number): CellAccumulator => {
    let found = cells.get(year);
    if (!found) {
      found = { e: 0, a: 0, s: 0, forms: new Map(), levels: new Map(), months: new Map(), then: new Map(), now: new Map(), agencies: new Map(), x: new Map() };
      cells.set(year, found);
    }
    return found;
  };
  const activeYears = new Map<string, Set<number>>();
  const seen = new Set<string>();
  for (const fact of facts) {
    if (fact.year === null || seen.has(fact.id)) continue;
    seen.add(fact.id);
    const into = cell(fact.year);
    if (fact.kind === 'event') into.e += 1;
    else {
      into.a += 1;
      increment(into.forms, fact.form ?? UNSPECIFIED);
      increment(into.levels, fact.level ?? UNSPECIFIED);
    }
    for (const key of new Set(fact.then)) increment(into.then, key);
    for (const key of new Set(fact.now)) increment(into.now, key);
    for (const key of new Set(fact.agencies)) increment(into.agencies, key);
    for (const id of fact.exemplars) {
      const years = activeYears.get(id) ?? new Set<number>();
      years.add(fact.year);
      activeYears.set(id, years);
    }
  }
  for (const years of activeYears.values()) {
    let previous = 0;
    for (const year of [...years].sort((a, b) => a - b)) {
      increment(cell(year).x, previous);
      previous = year;
    }
  }
  const storySeen = new Set<string>();
  for (const story of stories) {
    const year = yearOf(story.on);
    if (year === null || storySeen.has(story.id)) continue;
    storySeen.add(story.id);
    const into = cell(year);
    into.s += 1;
    increment(into.months, monthKey(story.on!));
  }
  return [...cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, c]) => ({
      year,
      data: {
        e: c.e,
        a: c.a,
        s: c.s,
        forms: Object.fromEntries(c.forms),
        levels: Object.fromEntries(c.levels),
        months: Object.fromEntries(c.months),
        then: flat(c.then),
        now: flat(c.now),
        agencies: flat(c.agencies),
        x: flat(c.x),
      },
    }));
}

/** Given a period (inclusive ISO days), returns its years when it is whole calendar years, else null. */
export function wholeYears(from: string, to: string): { first: number; last: number } | null {
  if (!from.endsWith('-01-01') || !to.endsWith('-12-31')) return null;
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  return partialInterval(from) && partialInterval(to) && first <= last ? { first, last } : null;
}

/** A figure from the cube: the count only (the ids behind it are read live, on drill-down). */
export interface CountedSet {
  readonly count: number;
}
export interface CountedBucket extends CountedSet {
  readonly key: string;
  readonly label: string;
}
export type CountedPlaceBucket = Omit<PlaceBucket, 'ids'>;

export interface CubePeriod {
  readonly from: string;
  readonly to: string;
  readonly exemplars: CountedSet;
  readonly events: CountedSet;
  readonly awards: CountedSet;
  readonly awardsByForm: CountedBucket[];
  readonly awardsByLevel: CountedBucket[];
  readonly stories: CountedSet;
  readonly storiesPerMonth: CountedBucket[];
  readonly topPlaces: { then: CountedPlaceBucket[]; now: CountedPlaceBucket[] };
  readonly topAgencies: CountedBucket[];
}

function sumPairs(into: Float64Array, pairs: readonly number[]): void {
  for (let i = 0; i + 1 < pairs.length; i += 2) into[pairs[i]!]! += pairs[i + 1]!;
}

/** The same order as String.prototype.localeCompare(other, 'vi'), built once. */
const VIETNAMESE = new Intl.Collator('vi');

/**
 * Given counts per dictionary index, how many to keep and an order among equal counts, returns the
 * indices with the highest counts, in that order; only the entries that can make the cut are
 * sorted (a national hub scope counts thousands of places).
 */
function topIndices(counts: Float64Array, top: number, tie: (a: number, b: number) => number): number[] {
  const present: number[] = [];
  for (let i = 0; i < counts.length; i += 1) if (counts[i]! > 0) present.push(i);
  let candidates = present;
  if (Number.isFinite(top) && present.length > top) {
    const threshold = present.map((i) => counts[i]!).sort((a, b) => b - a)[top - 1]!;
    candidates = present.filter((i) => counts[i]! >= threshold);
  }
  return candidates.sort((a, b) => counts[b]! - counts[a]! || tie(a, b)).slice(0, top);
}

function sumRecord(into: Map<string, number>, record: Record<string, number>): void {
  for (const [key, n] of Object.entries(record)) increment(into, key, n);
}

/** Buckets most first, then by key, as bucketBy orders them. */
function buckets(map: Map<string, number>): CountedBucket[] {
  return [...map.entries()].map(([key, count]) => ({ key, label: key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Given the cells of a scope, the cube's dictionary, a period of whole years and how many places
 * and agencies to list, returns the panels for that period; pure. Orders and ties follow the live
 * answer (summariseDashboard).
 */
export function summariseCells(cells: readonly Cell[], dictionary: readonly DictionaryEntry[], from: string, to: string, top: number): CubePeriod {
  const years = wholeYears(from, to);
  if (!years) throw new Error(`the cube holds whole years only, not ${from}..${to}`);
  const inPeriod = cells.filter((c) => c.year >= years.first && c.year <= years.last);
  const forms = new Map<string, number>();
  const levels = new Map<string, number>();
  const months = new Map<string, number>();
  const then = new Float64Array(dictionary.length);
  const now = new Float64Array(dictionary.length);
  const agencies = new Float64Array(dictionary.length);
  let events = 0;
  let awards = 0;
  let stories = 0;
  let exemplars = 0;
  for (const { data } of inPeriod) {
    events += data.e;
    awards += data.a;
    stories += data.s;
    sumRecord(forms, data.forms);
    sumRecord(levels, data.levels);
    sumRecord(months, data.months);
    sumPairs(then, data.then);
    sumPairs(now, data.now);
    sumPairs(agencies, data.agencies);
    for (let i = 0; i < data.x.length; i += 2) if (data.x[i]! < years.first) exemplars += data.x[i + 1]!;
  }
  const entry = (index: number): DictionaryEntry => {
    const found = dictionary[index];
    if (!found) throw new Error(`the cube's dictionary has no entry ${index}`);
    return found;
  };
  const byNameThenId = (a: number, b: number) => VIETNAMESE.compare(entry(a).name, entry(b).name) || entry(a).id.localeCompare(entry(b).id);
  const places = (counts: Float64Array): CountedPlaceBucket[] =>
    topIndices(counts, top, byNameThenId).map((index) => {
      const unit = entry(index);
      const place: AnalysisNode = { id: unit.id, kind: 'PLACE', name: unit.name };
      return { place, level: unit.level ?? '', count: counts[index]! };
    });
  return {
    from,
    to,
    exemplars: { count: exemplars },
    events: { count: events },
    awards: { count: awards },
    awardsByForm: buckets(forms),
    awardsByLevel: buckets(levels),
    stories: { count: stories },
    storiesPerMonth: buckets(months).sort((a, b) => a.key.localeCompare(b.key)),
    topPlaces: { then: places(then), now: places(now) },
    topAgencies: topIndices(agencies, top, (a, b) => entry(a).id.localeCompare(entry(b).id)).map((index) => {
      const agency = entry(index);
      return { key: agency.id, label: agency.name, count: agencies[index]! };
    }),
  };
}
