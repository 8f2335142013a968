import {
  addDays,
  daysBetween,
  monthKey,
  overlapsPeriod,
  partialInterval,
  previousPeriod,
  yearOf,
} from '../../src/analytics/shared/period';

describe('partial dates', () => {
  it.each([
    ['2023-04-03', { start: '2023-04-03', end: '2023-04-03' }],
    ['2020-10', { start: '2020-10-01', end: '2020-10-31' }],
    ['2024-02', { start: '2024-02-01', end: '2024-02-29' }],
    ['2024', { start: '2024-01-01', end: '2024-12-31' }],
  ])('reads %s as the days it covers', (partial, interval) => {
    expect(partialInterval(partial)).toEqual(interval);
  });

  it('has no interval for a missing or malformed date', () => {
    expect(partialInterval(null)).toBeNull();
    expect(partialInterval('spring 2020')).toBeNull();
  });

  it('counts a month or year in a period when any of its days is in it', () => {
    expect(overlapsPeriod('2020-10', '2020-10-15', '2020-12-31')).toBe(true);
    expect(overlapsPeriod('2020', '2020-06-01', null)).toBe(true);
    expect(overlapsPeriod('2020-10', '2020-11-01', null)).toBe(false);
    expect(overlapsPeriod('2023-04-03', null, '2023-04-02')).toBe(false);
  });

  it('keeps undated facts in an unbounded period only', () => {
    expect(overlapsPeriod(null, null, null)).toBe(true);
    expect(overlapsPeriod(null, '2020-01-01', null)).toBe(false);
    expect(overlapsPeriod(undefined, null, '2020-01-01')).toBe(false);
  });

  it('gives years and month keys, falling back to the year when the month is unknown', () => {
    expect(yearOf('2020-10')).toBe(2020);
    expect(yearOf(null)).toBeNull();
    expect(monthKey('2023-04-05')).toBe('2023-04');
    expect(monthKey('2023')).toBe('2023');
  });
});

describe('periods', () => {
  it('takes as many whole months before a period of whole months: a year, a quarter, a month', () => {
    expect(previousPeriod('2024-01-01', '2024-12-31')).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(previousPeriod('2025-01-01', '2025-03-31')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(previousPeriod('2025-03-01', '2025-03-31')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
  });

  it('takes as many days before any other period, ending the day before it', () => {
    expect(previousPeriod('2025-03-01', '2025-03-01')).toEqual({ start: '2025-02-28', end: '2025-02-28' });
    expect(previousPeriod('2025-03-01', '2025-03-15')).toEqual({ start: '2025-02-14', end: '2025-02-28' });
    expect(previousPeriod('2024-01-15', '2024-02-14')).toEqual({ start: '2023-12-15', end: '2024-01-14' });
  });

  it('counts days across month and leap-year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
