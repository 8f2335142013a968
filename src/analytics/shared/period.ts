import { cypherIsPartialDate, isPartialDate } from '../../domain/partialDate';
import { warnStoredData } from '../../logging/storedDataWarnings';

/**
 * Dates in the graph are often partial: an event known only as "2020-10", an award only by its
 * year. A partial date stands for the interval of days it covers; the analytics compare intervals,
 * never invent a day.
 */

/** A partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

/** An inclusive interval of ISO days (YYYY-MM-DD). */
export interface DayInterval {
  readonly start: string;
  readonly end: string;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * Given a partial date, returns the days it covers (2020-10 → 2020-10-01..2020-10-31), or null
 * when it is none. A stored value that is not a partial date ("2023-13", "spring 2020") counts as
 * undated, and is logged once (logging/storedDataWarnings.ts): bad data degrades an answer, never fails it.
 */
export function partialInterval(partial: PartialDate | null | undefined): DayInterval | null {
  if (partial === null || partial === undefined || partial === '') return null;
  if (!isPartialDate(partial)) {
    warnStoredData(`period:${String(partial)}`, 'A stored date is not YYYY, YYYY-MM or YYYY-MM-DD; it is treated as undated', {
      value: partial,
    });
    return null;
  }
  const match = PARTIAL.exec(partial);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3] !== undefined) return { start: partial, end: partial };
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    return { start: `${match[1]}-${match[2]}-01`, end: iso(Date.UTC(year, month, 1) - DAY_MS) };
  }
  return { start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
}

/**
 * Given a partial date and an optional period (either bound may be null), returns whether the
 * date's days overlap the period. Undated facts are in an unbounded period and in no bounded one.
 */
export function overlapsPeriod(partial: PartialDate | null | undefined, from: string | null, to: string | null): boolean {
  const interval = partialInterval(partial);
  if (!interval) return from === null && to === null;
  return (to === null || interval.start <= to) && (from === null || interval.end >= from);
}

/** Given two ISO days, returns the whole days from the first to the second (negative when earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Given an ISO day and a number of days, returns the day that many days later (or earlier when negative). */
export function addDays(day: string, days: number): string {
  return iso(utc(day) + days * DAY_MS);
}

/** Given a period, returns how many whole calendar months it spans, or null when it does not start on a 1st and end on a month's last day. */
function wholeMonths(from: string, to: string): number | null {
  if (!from.endsWith('-01') || addDays(to, 1).slice(8) !== '01') return null;
  const next = addDays(to, 1);
  return (Number(next.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(next.slice(5, 7)) - Number(from.slice(5, 7));
}

/**
 * Given a period (inclusive), returns the period of equal length that ends the day before it
 * starts: as many whole months when the period is whole months (2024 → 2023, a quarter → the
 * quarter before), else as many days.
 */
export function previousPeriod(from: string, to: string): DayInterval {
  const months = wholeMonths(from, to);
  if (months !== null && months > 0) {
    const index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1 - months;
    const start = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    return { start, end: addDays(from, -1) };
  }
  const length = daysBetween(from, to) + 1;
  return { start: addDays(from, -length), end: addDays(from, -1) };
}

/** Given a partial date, returns its year, or null when undated. */
export function yearOf(partial: PartialDate | null | undefined): number | null {
  const interval = partialInterval(partial);
  return interval ? Number(interval.start.slice(0, 4)) : null;
}

/** Given a partial date, returns its month key (YYYY-MM), or its year (YYYY) when the month is unknown. */
export function monthKey(partial: PartialDate): string {
  return partial.length >= 7 ? partial.slice(0, 7) : partial.slice(0, 4);
}

/**
 * Cypher, given an expression holding a partial date: whether its days overlap [$from, $to]
 * (parameters holding ISO days or null), by the same rule as overlapsPeriod.
 */
export function cypherOverlapsPeriod(partial: string): string {
  const end = `CASE size(${partial}) WHEN 4 THEN date(${partial}) + duration('P1Y') - duration('P1D') WHEN 7 THEN date(${partial}) + duration('P1M') - duration('P1D') ELSE date(${partial}) END`;
  return `(CASE WHEN ${partial} IS NULL THEN $from IS NULL AND $to IS NULL ELSE ($to IS NULL OR date(${partial}) <= date($to)) AND ($from IS NULL OR ${end} >= date($from)) END)`;
}

/**
 * Cypher, given an expression of a stored date (a Date, a partial date, a year): it as a partial
 * date, or null when it is none, so that the period rules (date(), cypherOverlapsPeriod) never
 * meet a malformed value ("2023-13" stored before validation existed counts as undated).
 */
export function cypherPartialDateOrNull(stored: string): string {
  return `head([storedDate IN [${stored}] WHERE ${cypherIsPartialDate('storedDate')}])`;
}

/** Cypher expressions giving the partial date of an event, a story and an award (null when undated or malformed). */
export const EVENT_ON = (e: string) => cypherPartialDateOrNull(`coalesce(toString(${e}.date), ${e}.period)`);
export const STORY_ON = (s: string) => cypherPartialDateOrNull(`coalesce(toString(${s}.publishedAt), ${s}.publishedPeriod)`);
export const AWARD_ON = (a: string) => cypherPartialDateOrNull(`coalesce(toString(${a}.date), toString(${a}.year))`);
