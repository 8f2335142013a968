/** An ISO date as precise as the text says: YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

/** Given year, month and day, returns the ISO date if it is a calendar date, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Given two partial dates, returns how precisely they agree: 3 same day, 2 same month, 1 same year, 0 otherwise. */
export function dateAgreement(a: PartialDate, b: PartialDate): number {
  if (a.slice(0, 4) !== b.slice(0, 4)) return 0;
  if (a.length < 7 || b.length < 7) return 1;
  if (a.slice(0, 7) !== b.slice(0, 7)) return 0;
  if (a.length < 10 || b.length < 10) return 2;
  return a === b ? 3 : 0;
}

/** Given a partial date, returns the first and last whole day it covers ("2020-10" → 2020-10-01 … 2020-10-31). */
export function dateBounds(date: PartialDate): [string, string] {
  if (date.length >= 10) return [date, date];
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [`${date}-01-01`, `${date}-12-31`];
}

/** Given a partial date and a validity interval (either end open), returns whether the date can fall inside it. */
export function validOn(date: PartialDate, validFrom: string | undefined, validTo: string | undefined): boolean {
  const [first, last] = dateBounds(date);
  return (validFrom === undefined || last >= validFrom) && (validTo === undefined || first <= validTo);
}
