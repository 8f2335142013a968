/**
 * What a date of the domain may look like. Days (`date`, `publishedAt`, …) are stored as Neo4j
 * Dates; partial dates (`period`, `publishedPeriod`, `periodFrom`, `periodTo`) are text, as
 * precise as the source: YYYY, YYYY-MM or YYYY-MM-DD, always a real calendar day or month.
 * The importer (zod), the write trigger (Cypher) and the analytics' period rules all read these
 * two renderings of one rule; tests/integration/writeValidation.test.ts checks they agree.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Given any value, returns whether it is a calendar day written YYYY-MM-DD (2023-02-29 is not). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/** Given any value, returns whether it is a partial date: YYYY, YYYY-MM or a calendar day YYYY-MM-DD ("2023-13" is not). */
export function isPartialDate(value: unknown): value is string {
  if (typeof value !== 'string' || !PARTIAL.test(value)) return false;
  return value.length < 10 || isIsoDay(value);
}

/**
 * Cypher, given a variable holding any value: whether it is a partial date, by the same rule as
 * isPartialDate. It never throws (a number or a list is simply not one), so a trigger or a read
 * can test stored values that were written before the rule existed.
 */
export function cypherIsPartialDate(v: string): string {
  const year = `toInteger(substring(${v}, 0, 4))`;
  const month = `toInteger(substring(${v}, 5, 2))`;
  const leap = `(${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0))`;
  const days = `CASE ${month} WHEN 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END`;
  return (
    `(CASE WHEN ${v} IS :: STRING NOT NULL AND ${v} =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' ` +
    `THEN size(${v}) < 10 OR toInteger(substring(${v}, 8, 2)) <= ${days} ELSE false END)`
  );
}
