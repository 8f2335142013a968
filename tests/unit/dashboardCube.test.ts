import { WHOLE_YEAR, YEAR_ONLY, type DictionaryEntry } from '../../src/analytics/dashboard/cubeLayout';
import { cellsFor, summariseCells, wholeYears } from '../../src/analytics/dashboard/summariseCells';
import { buildCells, type CubeFact, type CubeStory } from '../../src/jobs/dashboardCube/buildCells';
import { UNSPECIFIED } from '../../src/analytics/shared/figures';
import { addDays, monthKey, overlapsPeriod, yearOf } from '../../src/analytics/shared/period';
import { mulberry32 } from '../../bench/synthetic/prng';

/**
 * The cube's figures for every period of whole years, checked against the figures counted directly
 * from the facts, on random facts (fixed seed) where exemplars are active over many years.
 */
const rng = mulberry32(20261127);
const places: DictionaryEntry[] = Array.from({ length: 8 }, (_, i) => ({
  id: `place:p${i}`,
  name: `Nơi ${i % 3}`,
  level: i === 0 ? 'COUNTRY' : 'PROVINCE',
}));
const agencies: DictionaryEntry[] = Array.from({ length: 6 }, (_, i) => ({
  id: `agency:g${i}`,
  name: `Cơ quan ${i}`,
  level: null,
}));
const dictionary = [...places, ...agencies];
const someOf = (n: number, from: number, size: number) => Array.from({ length: rng.int(n + 1) }, () => from + rng.int(size));

const facts: CubeFact[] = Array.from({ length: 400 }, (_, i) => {
  const award = rng.chance(0.5);
  const year = rng.chance(0.05) ? null : rng.between(2010, 2026);
  return {
    id: `${award ? 'award' : 'event'}:f${i}`,
    kind: award ? 'award' : 'event',
    year,
    // A fifth are known only by their year.
    month: year === null || rng.chance(0.2) ? null : rng.between(1, 12),
    form: award ? rng.pick(['BANG_KHEN', 'GIAY_KHEN', 'HUAN_CHUONG']) : null,
    level: award && rng.chance(0.8) ? rng.pick(['CENTRAL', 'PROVINCIAL']) : null,
    exemplars: [...new Set(Array.from({ length: rng.int(4) }, () => `person:x${rng.int(60)}`))],
    then: someOf(3, 0, places.length),
    now: someOf(2, 0, places.length),
    agencies: someOf(3, places.length, agencies.length),
  };
});
// A fact listed twice (as for two fields' scopes merged) still counts once.
facts.push(facts[0]!);
const stories: CubeStory[] = Array.from({ length: 200 }, (_, i) => {
  const year = rng.between(2010, 2026);
  const month = String(rng.between(1, 12)).padStart(2, '0');
  const on = rng.chance(0.1) ? null : rng.pick([`${year}`, `${year}-${month}`, `${year}-${month}-0${rng.between(1, 9)}`]);
  return { id: `story:s${i}`, on };
});

/** A fact's partial date, as the graph would hold it. */
const onOf = (f: CubeFact) =>
  f.year === null ? null : f.month === null ? `${f.year}` : `${f.year}-${String(f.month).padStart(2, '0')}`;

/** The panels counted straight from the facts, by the dashboard rule and period.ts's overlap. */
function direct(from: string, to: string) {
  const inPeriod = (on: string | null) => on !== null && overlapsPeriod(on, from, to);
  const kept = [...new Map(facts.filter((f) => inPeriod(onOf(f))).map((f) => [f.id, f])).values()];
  const keptStories = stories.filter((s) => inPeriod(s.on));
  const tally = (keys: (string | number)[]) => {
    const counts = new Map<string | number, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const perKey = (pick: (f: CubeFact) => readonly number[]) => tally(kept.flatMap((f) => [...new Set(pick(f))]));
  const awards = kept.filter((f) => f.kind === 'award');
  return {
    events: kept.length - awards.length,
    awards: awards.length,
    stories: keptStories.length,
    exemplars: new Set(kept.flatMap((f) => f.exemplars)).size,
    forms: tally(awards.map((f) => f.form ?? UNSPECIFIED)),
    levels: tally(awards.map((f) => f.level ?? UNSPECIFIED)),
    months: tally(keptStories.map((s) => monthKey(s.on!))),
    then: perKey((f) => f.then),
    now: perKey((f) => f.now),
    agencies: perKey((f) => f.agencies),
  };
}

describe('dashboard cube', () => {
  const cells = buildCells(facts, stories);

  it('keeps a cell per year with a dated fact or story, and exemplars active in several years', () => {
    const yearCells = cells.filter((c) => c.month === WHOLE_YEAR).map((c) => c.year);
    expect(yearCells).toEqual(
      [
        ...new Set([...facts.map((f) => f.year), ...stories.map((s) => yearOf(s.on))].filter((y): y is number => y !== null)),
      ].sort(),
    );
    const multiYear = new Set(
      cells.filter((c) => c.month === WHOLE_YEAR).flatMap((c) => c.x.filter((_, i) => i % 2 === 0 && c.x[i]! > 0)),
    );
    expect(multiYear.size).toBeGreaterThan(3);
    expect(cells.some((c) => c.month === YEAR_ONLY)).toBe(true);
  });

  /** Periods of whole years, and of whole months starting and ending anywhere in the year. */
  const periods: [string, string][] = [];
  for (let first = 2009; first <= 2027; first += 1) {
    for (let last = first; last <= 2027; last += 1) periods.push([`${first}-01-01`, `${last}-12-31`]);
  }
  for (let start = 2013 * 12; start < 2019 * 12; start += 5) {
    for (let length = 1; length <= 40; length += 3) {
      const month = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      periods.push([`${month(start)}-01`, addDays(`${month(start + length)}-01`, -1)]);
    }
  }

  it('gives, for every period of whole months, the figures counted from the facts', () => {
    for (const [from, to] of periods) {
      {
        const cube = summariseCells(cells, dictionary, from, to, Number.POSITIVE_INFINITY);
        const expected = direct(from, to);
        const period = `${from}..${to}`;
        expect({
          period,
          events: cube.events.count,
          awards: cube.awards.count,
          stories: cube.stories.count,
          exemplars: cube.exemplars.count,
        }).toEqual({
          period,
          events: expected.events,
          awards: expected.awards,
          stories: expected.stories,
          exemplars: expected.exemplars,
        });
        expect(new Map(cube.awardsByForm.map((b) => [b.key, b.count]))).toEqual(expected.forms);
        expect(new Map(cube.awardsByLevel.map((b) => [b.key, b.count]))).toEqual(expected.levels);
        expect(new Map(cube.storiesPerMonth.map((b) => [b.key, b.count]))).toEqual(expected.months);
        const byIndex = (ids: string[]) => ids.map((id) => dictionary.findIndex((d) => d.id === id));
        expect(new Map(cube.topPlaces.then.map((b) => [byIndex([b.place.id])[0], b.count]))).toEqual(expected.then);
        expect(new Map(cube.topPlaces.now.map((b) => [byIndex([b.place.id])[0], b.count]))).toEqual(expected.now);
        expect(new Map(cube.topAgencies.map((b) => [byIndex([b.key])[0], b.count]))).toEqual(expected.agencies);
      }
    }
  });

  it('orders places by facts, then name, then id, and agencies by facts, then id, keeping the top ones', () => {
    const cube = summariseCells(cells, dictionary, '2010-01-01', '2026-12-31', 3);
    expect(cube.topPlaces.then).toHaveLength(3);
    const all = summariseCells(cells, dictionary, '2010-01-01', '2026-12-31', Number.POSITIVE_INFINITY);
    const sorted = [...all.topPlaces.then].sort(
      (a, b) => b.count - a.count || a.place.name.localeCompare(b.place.name, 'vi') || a.place.id.localeCompare(b.place.id),
    );
    expect(cube.topPlaces.then).toEqual(sorted.slice(0, 3));
    expect(all.topAgencies.map((b) => b.count)).toEqual([...all.topAgencies.map((b) => b.count)].sort((a, b) => b - a));
    // On one period in seven (whole years and months, short and long), every cut of every list is
    // the head of the whole list in that order, ties included; the provinces are every province of
    // that list, in its order.
    const byCountNameId = (a: { count: number; place: { id: string; name: string } }, b: typeof a) =>
      b.count - a.count || a.place.name.localeCompare(b.place.name, 'vi') || a.place.id.localeCompare(b.place.id);
    for (const [from, to] of periods.filter((_, i) => i % 7 === 0)) {
      const whole = summariseCells(cells, dictionary, from, to, Number.POSITIVE_INFINITY);
      expect(whole.topPlaces.then).toEqual([...whole.topPlaces.then].sort(byCountNameId));
      expect(whole.topPlaces.now).toEqual([...whole.topPlaces.now].sort(byCountNameId));
      expect(whole.topAgencies).toEqual([...whole.topAgencies].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)));
      for (let top = 1; top <= dictionary.length; top += 1) {
        const cut = summariseCells(cells, dictionary, from, to, top);
        expect(cut.topPlaces).toEqual({ then: whole.topPlaces.then.slice(0, top), now: whole.topPlaces.now.slice(0, top) });
        expect(cut.topAgencies).toEqual(whole.topAgencies.slice(0, top));
        expect(cut.provinces).toEqual({
          then: whole.topPlaces.then.filter((b) => b.level === 'PROVINCE'),
          now: whole.topPlaces.now.filter((b) => b.level === 'PROVINCE'),
        });
      }
    }
  });

  it('answers whole months only, reading whole years from year cells', () => {
    expect(wholeYears('2019-01-01', '2025-12-31')).toEqual({ first: 2019, last: 2025 });
    expect(wholeYears('2019-02-01', '2025-12-31')).toBeNull();
    expect(cellsFor('2019-03-01', '2021-02-28')).toMatchObject({ wholeYears: [2020], yearOnly: [2019, 2021] });
    expect(cellsFor('2019-03-01', '2021-02-28')?.months).toHaveLength(12);
    expect(cellsFor('2024-02-01', '2024-02-29')?.months).toHaveLength(1);
    expect(cellsFor('2019-03-02', '2019-06-30')).toBeNull();
    expect(cellsFor('2019-03-01', '2019-06-29')).toBeNull();
    expect(() => summariseCells(cells, dictionary, '2019-01-01', '2019-06-15', 10)).toThrow('whole months');
  });
});
