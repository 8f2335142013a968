import type { SystemLabel } from '../../domain/labels';
import { array, nullable, number, object, record, string } from '../../neo4j/decode';

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
 * This module is the layout both sides share: the batch job that writes cells
 * (src/jobs/dashboardCube: buildCells, buildDashboardCube) and the request-time reader
 * (summariseCells, fieldDashboard) import it, never each other.
 */

/** The labels of the cube's root node and of its cells: system labels, never Entity. */
export const CUBE_ROOT_LABEL = 'DashboardCube' satisfies SystemLabel;
export const CUBE_CELL_LABEL = 'DashboardCell' satisfies SystemLabel;

/** The id of the cube's root node, `(:DashboardCube {id: 'current'})`. */
export const CUBE_ROOT = 'current';
/**
 * The layout of the cells this code writes and reads (2: year, month and year-only cells). A cube
 * of another layout is neither read nor taken as current: it is rebuilt.
 */
export const CUBE_FORMAT = 2;

/** The scope key of a cell: a field and optionally a province. */
export function scopeKey(field: string, place: string | null): string {
  return `${field}|${place ?? ''}`;
}

/** Places are keyed by their index in the cube's dictionary, agencies too (places first). */
export interface DictionaryEntry {
  readonly id: string;
  readonly name: string;
  /** A place's level; null for an agency. */
  readonly level: string | null;
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

/** Decoders of what the cube stores as JSON: its dictionary and a cell's figures. */
export const decodeDictionary = array(object<DictionaryEntry>({ id: string, name: string, level: nullable(string) }));
export const decodeCellData = object<CellData>({
  e: number,
  a: number,
  s: number,
  forms: record(number),
  levels: record(number),
  months: record(number),
  then: array(number),
  now: array(number),
  agencies: array(number),
});

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
