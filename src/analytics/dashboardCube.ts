import { UNSPECIFIED, type AnalysisNode, type PlaceBucket } from './figures';
import { monthKey, partialInterval } from './period';

/**
 * The dashboard cube: fieldDashboard's figures precomputed per scope (a field with its narrower
 * fields, in the whole country or in one province) and per calendar year and month, so a dashboard
 * over whole months reads a few dozen small cells instead of every fact of a hub field.
 *
 * Every figure of the dashboard rule (fieldDashboard.ts) is a count of distinct facts, and every
 * fact has one date, so counts add up over a period of whole months: events, awards, stories,
 * awards by form and level, stories per month, and the facts behind each place (then and now) and
 * each agency. A scope keeps three kinds of cell: per year, every fact dated in it (read for the
 * years a period covers whole); per month, the facts dated to a day or a month of it; and per
 * year, the facts known only by that year, which overlap every month of it (read, with the months,
 * for a year a period covers in part).
 *
 * The one figure that does not add up is the number of distinct exemplars (someone recognised in
 * 2019 and 2020 counts once for 2019-2020). For it each year cell keeps, for the exemplars active
 * that year, how many were last active before that in each earlier year (or never); an exemplar is
 * counted in [y1, y2] exactly once, in its first active year in the period, the one whose previous
 * active year is before y1. Month cells keep the same by month, an activity known only by its year
 * counting for each of its twelve months (it overlaps any of them). So the figures are exact, not
 * estimates; they hold for periods of whole months, and other periods are answered live.
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
}

/** A cell's kind, in its \`month\` field: the whole year, one month, or the facts known only by the year. */
export const WHOLE_YEAR = 0;
export const YEAR_ONLY = 13;

export interface Cell {
  readonly year: number;
  /** WHOLE_YEAR, a month 1-12, or YEAR_ONLY. */
  readonly month: number;
  /** Null when the reader did not need this cell's figures (only its exemplars). */
  readonly data: CellData | null;
  /**
   * Exemplars active in the cell's year (WHOLE_YEAR) or month, by the year or month index they were
   * last active before it (0: never before): [previous, n, …]; empty for YEAR_ONLY cells.
   */
  readonly x: number[];
}

/** Given a year and a month (1-12), returns the month's index on one line of months (never 0). */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
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
  return { e: 0, a: 0, s: 0, forms: new Map(), levels: new Map(), months: new Map(), then: new Map(), now: new Map(), agencies: new Map(), x: new Map() };
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
    const months = fact.month === null ? Array.from({ length: 12 }, (_, i) => monthIndex(fact.year!, i + 1)) : [monthIndex(fact.year, fact.month)];
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

/** Given a period (inclusive ISO days), returns its years when it is whole calendar years, else null. */
export function wholeYears(from: string, to: string): { first: number; last: number } | null {
  if (!from.endsWith('-01-01') || !to.endsWith('-12-31')) return null;
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  return partialInterval(from) && partialInterval(to) && first <= last ? { first, last } : null;
}

/** Given a period (inclusive ISO days), returns its first and last month indices when it is whole months, else null. */
export function wholeMonthSpan(from: string, to: string): { first: number; last: number } | null {
  const start = partialInterval(from);
  const end = partialInterval(to);
  if (!start || !end || !from.endsWith('-01') || partialInterval(to.slice(0, 7))?.end !== to || from > to) return null;
  return { first: monthIndex(Number(from.slice(0, 4)), Number(from.slice(5, 7))), last: monthIndex(Number(to.slice(0, 4)), Number(to.slice(5, 7))) };
}

/**
 * Given a period of whole months, returns which cells hold its figures: the WHOLE_YEAR cells of the
 * years it covers whole; for a year it covers in part, the months it covers and the YEAR_ONLY cell;
 * and, for the exemplars, every month cell in it. Null for other periods.
 */
export function cellsFor(from: string, to: string): { wholeYears: number[]; months: number[]; yearOnly: number[]; span: { first: number; last: number } } | null {
  const span = wholeMonthSpan(from, to);
  if (!span) return null;
  const wholeYearsCovered: number[] = [];
  const months: number[] = [];
  const yearOnly: number[] = [];
  for (let year = Math.floor(span.first / 12); year <= Math.floor(span.last / 12); year += 1) {
    const first = Math.max(span.first, monthIndex(year, 1));
    const last = Math.min(span.last, monthIndex(year, 12));
    if (first === monthIndex(year, 1) && last === monthIndex(year, 12)) wholeYearsCovered.push(year);
    else {
      yearOnly.push(year);
      for (let m = first; m <= last; m += 1) months.push(m);
    }
  }
  return { wholeYears: wholeYearsCovered, months, yearOnly, span };
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
 * Given the cells of a scope (at least those cellsFor names), the cube's dictionary, a period of
 * whole months and how many places and agencies to list, returns the panels for that period;
 * pure. Orders and ties follow the live answer (summariseDashboard).
 */
export function summariseCells(cells: readonly Cell[], dictionary: readonly DictionaryEntry[], from: string, to: string, top: number): CubePeriod {
  const plan = cellsFor(from, to);
  if (!plan) throw new Error(`the cube holds whole months only, not ${from}..${to}`);
  const years = wholeYears(from, to);
  const wholeYearSet = new Set(plan.wholeYears);
  const yearOnlySet = new Set(plan.yearOnly);
  const monthSet = new Set(plan.months);
  const figures = cells.filter((c) =>
    c.month === WHOLE_YEAR ? wholeYearSet.has(c.year) : c.month === YEAR_ONLY ? yearOnlySet.has(c.year) : monthSet.has(monthIndex(c.year, c.month)),
  );
  const forms = new Map<string, number>();
  const levels = new Map<string, number>();
  const months = new Map<string, number>();
  const then = new Float64Array(dictionary.length);
  const now = new Float64Array(dictionary.length);
  const agencies = new Float64Array(dictionary.length);
  let events = 0;
  let awards = 0;
  let stories = 0;
  for (const { year, month, data } of figures) {
    if (!data) throw new Error(`the cube's cell ${year}/${month} was read without its figures`);
    events += data.e;
    awards += data.a;
    stories += data.s;
    sumRecord(forms, data.forms);
    sumRecord(levels, data.levels);
    sumRecord(months, data.months);
    sumPairs(then, data.then);
    sumPairs(now, data.now);
    sumPairs(agencies, data.agencies);
  }
  // Exemplars: each counted in its first active year (or month) in the period.
  let exemplars = 0;
  const firsts = (x: readonly number[], before: number) => {
    for (let i = 0; i + 1 < x.length; i += 2) if (x[i]! < before) exemplars += x[i + 1]!;
  };
  for (const c of cells) {
    if (years) {
      if (c.month === WHOLE_YEAR && c.year >= years.first && c.year <= years.last) firsts(c.x, years.first);
    } else if (c.month >= 1 && c.month <= 12) {
      const index = monthIndex(c.year, c.month);
      if (index >= plan.span.first && index <= plan.span.last) firsts(c.x, plan.span.first);
    }
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
