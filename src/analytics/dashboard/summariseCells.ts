import type { AnalysisNode, PlaceBucket } from '../shared/figures';
import { partialInterval } from '../shared/period';
import { WHOLE_YEAR, YEAR_ONLY, monthIndex, type Cell, type DictionaryEntry } from './cubeLayout';

/**
 * Reading the dashboard cube (cubeLayout.ts): which cells a period of whole months needs
 * (cellsFor), and the figures they add up to (summariseCells). Pure.
 */

function increment(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
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
  return {
    first: monthIndex(Number(from.slice(0, 4)), Number(from.slice(5, 7))),
    last: monthIndex(Number(to.slice(0, 4)), Number(to.slice(5, 7))),
  };
}

/**
 * Given a period of whole months, returns which cells hold its figures: the WHOLE_YEAR cells of the
 * years it covers whole; for a year it covers in part, the months it covers and the YEAR_ONLY cell;
 * and, for the exemplars, every month cell in it. Null for other periods.
 */
export function cellsFor(
  from: string,
  to: string,
): { wholeYears: number[]; months: number[]; yearOnly: number[]; span: { first: number; last: number } } | null {
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
  readonly provinces: { then: CountedPlaceBucket[]; now: CountedPlaceBucket[] };
  readonly topAgencies: CountedBucket[];
}

function sumPairs(into: Float64Array, pairs: readonly number[]): void {
  for (let i = 0; i + 1 < pairs.length; i += 2) into[pairs[i]!]! += pairs[i + 1]!;
}

/** The same order as String.prototype.localeCompare(other, 'vi'), built once. */
const VIETNAMESE = new Intl.Collator('vi');

/** Each entry's position in the dictionary ordered by name (Vietnamese) then id, and by id alone; the provinces' indices. */
interface DictionaryRanks {
  readonly byNameThenId: Int32Array;
  readonly byId: Int32Array;
  readonly provinces: readonly number[];
}
const ranks = new WeakMap<readonly DictionaryEntry[], DictionaryRanks>();

function rankOf(order: number[]): Int32Array {
  const rank = new Int32Array(order.length);
  order.forEach((index, position) => {
    rank[index] = position;
  });
  return rank;
}

/**
 * Given a cube's dictionary, returns its ranks, computed once per dictionary (one per cube version):
 * a national hub scope ties thousands of places at its last count, and comparing their names with
 * the collator on every request cost more than the rest of the answer.
 */
function dictionaryRanks(dictionary: readonly DictionaryEntry[]): DictionaryRanks {
  let found = ranks.get(dictionary);
  if (!found) {
    const indices = dictionary.map((_, i) => i);
    const byId = (a: number, b: number) => dictionary[a]!.id.localeCompare(dictionary[b]!.id);
    found = {
      byNameThenId: rankOf(
        [...indices].sort((a, b) => VIETNAMESE.compare(dictionary[a]!.name, dictionary[b]!.name) || byId(a, b)),
      ),
      byId: rankOf([...indices].sort(byId)),
      provinces: indices.filter((i) => dictionary[i]!.level === 'PROVINCE'),
    };
    ranks.set(dictionary, found);
  }
  return found;
}

/**
 * Given counts per dictionary index, how many to keep and an order among equal counts, returns the
 * indices with the highest counts, in that order, looking only at the eligible indices when given.
 * A national hub scope counts thousands of places: the top few are kept in one pass, each index
 * compared with the last one kept, not sorted with all the others.
 */
function topIndices(
  counts: Float64Array,
  top: number,
  tie: (a: number, b: number) => number,
  eligible?: readonly number[],
): number[] {
  const before = (a: number, b: number) => counts[b]! - counts[a]! || tie(a, b);
  const kept: number[] = [];
  const consider = (i: number) => {
    if (!(counts[i]! > 0)) return;
    if (kept.length >= top && before(kept[kept.length - 1]!, i) <= 0) return;
    let at = kept.length < top ? kept.length : kept.length - 1;
    while (at > 0 && before(i, kept[at - 1]!) < 0) {
      kept[at] = kept[at - 1]!;
      at -= 1;
    }
    kept[at] = i;
  };
  if (eligible) for (const i of eligible) consider(i);
  else for (let i = 0; i < counts.length; i += 1) consider(i);
  return kept;
}

function sumRecord(into: Map<string, number>, record: Record<string, number>): void {
  for (const [key, n] of Object.entries(record)) increment(into, key, n);
}

/** Buckets most first, then by key, as bucketBy orders them. */
function buckets(map: Map<string, number>): CountedBucket[] {
  return [...map.entries()]
    .map(([key, count]) => ({ key, label: key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Given the cells of a scope (at least those cellsFor names), the cube's dictionary, a period of
 * whole months and how many places and agencies to list, returns the panels for that period;
 * pure. Orders and ties follow the live answer (summariseDashboard).
 */
export function summariseCells(
  cells: readonly Cell[],
  dictionary: readonly DictionaryEntry[],
  from: string,
  to: string,
  top: number,
): CubePeriod {
  const plan = cellsFor(from, to);
  if (!plan) throw new Error(`the cube holds whole months only, not ${from}..${to}`);
  const years = wholeYears(from, to);
  const wholeYearSet = new Set(plan.wholeYears);
  const yearOnlySet = new Set(plan.yearOnly);
  const monthSet = new Set(plan.months);
  const figures = cells.filter((c) =>
    c.month === WHOLE_YEAR
      ? wholeYearSet.has(c.year)
      : c.month === YEAR_ONLY
        ? yearOnlySet.has(c.year)
        : monthSet.has(monthIndex(c.year, c.month)),
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
  const rank = dictionaryRanks(dictionary);
  const byNameThenId = (a: number, b: number) => rank.byNameThenId[a]! - rank.byNameThenId[b]!;
  const places = (counts: Float64Array, most = top, eligible?: readonly number[]): CountedPlaceBucket[] =>
    topIndices(counts, most, byNameThenId, eligible).map((index) => {
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
    provinces: {
      then: places(then, Number.POSITIVE_INFINITY, rank.provinces),
      now: places(now, Number.POSITIVE_INFINITY, rank.provinces),
    },
    topAgencies: topIndices(agencies, top, (a, b) => rank.byId[a]! - rank.byId[b]!).map((index) => {
      const agency = entry(index);
      return { key: agency.id, label: agency.name, count: agencies[index]! };
    }),
  };
}
