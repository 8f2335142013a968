import type { Rng } from '../../bench/synthetic/prng';

/**
 * The hostile values the fuzzer draws from: lengths, Unicode, Lucene and Cypher syntax, ids,
 * numbers at their limits, days that do not exist. Each is something a client could send.
 */
const STRINGS: readonly string[] = [
  '',
  ' ',
  'a',
  'Pải Lủng',
  'Đào Quang Vinh',
  'Hà Giang',
  'x'.repeat(201),
  'y'.repeat(5_000),
  'ệ'.repeat(1_000),
  '🚒🧗‍♀️🇻🇳',
  '\u0000',
  '\u202e\u200f mirrored',
  'line\nbreak\r\n\ttab',
  '"quoted" \\ backslash',
  // Lucene syntax: the search folds and escapes every one.
  '*',
  '?',
  'a~',
  'pai~2',
  'title:"x"',
  '(',
  ')',
  '[a TO z]',
  '{a TO z}',
  '/regex.*/',
  'AND OR NOT',
  '+-&&||!(){}[]^"~*?:\\/',
  'a^10',
  '"unterminated',
  // Cypher and injection attempts: parameters carry them as plain strings.
  "' OR 1=1 //",
  '}) MATCH (n) DETACH DELETE n //',
  '$param',
  '`backtick`',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
];

const IDS: readonly string[] = [
  'person:dao-quang-vinh',
  'person:luu-minh-thuc',
  'event:pai-lung-sinkhole-rescue-2023',
  'place:xa-pai-lung',
  'place:tinh-ha-giang',
  'field:rescue',
  'field:public-security',
  'movement:thi-dua-yeu-nuoc-ha-giang',
  'story:seed-article',
  'award:none',
  'person:',
  ':',
  'nope',
  'PERSON:dao-quang-vinh',
  'person:dao-quang-vinh ',
];

const INTS: readonly number[] = [0, 1, 2, 3, 10, 50, 100, 101, 1000, 2000, 3650, 10_000, -1, -5, 2_147_483_647, -2_147_483_648];
const FLOATS: readonly number[] = [0, 0.5, -0.5, 1e-9, 1e9, 3.4e38];
const DAYS: readonly string[] = [
  '2023-04-03',
  '2018-01-01',
  '2024-12-31',
  '2020-02-29',
  '2023-02-29',
  '2023-02-30',
  '2023-13-01',
  '0001-01-01',
  '9999-12-31',
  '1899-12-31',
  '2101-01-01',
  '2023-4-3',
  'yesterday',
  '',
];
const DATETIMES: readonly string[] = ['2023-04-03T10:00:00Z', '2023-04-03T25:00:00Z', '2023-04-03', 'now', ''];

/** Given the name of a scalar type, returns a value for it: usually well-typed, sometimes hostile within the type. */
export function scalarValue(rng: Rng, scalar: string): unknown {
  switch (scalar) {
    case 'Int':
      return rng.pick(INTS);
    case 'Float':
      return rng.chance(0.8) ? rng.pick(FLOATS) : rng.pick(INTS);
    case 'Boolean':
      return rng.chance(0.5);
    case 'ID':
      return rng.chance(0.7) ? rng.pick(IDS) : rng.pick(STRINGS);
    case 'Date':
      return rng.pick(DAYS);
    case 'DateTime':
    case 'LocalDateTime':
      return rng.pick(DATETIMES);
    case 'String':
      return rng.chance(0.6) ? rng.pick(STRINGS) : rng.pick(IDS);
    default:
      return rng.pick(STRINGS);
  }
}

/** A value of the wrong kind altogether, for a variable (coercion must refuse it with a code). */
export function wrongValue(rng: Rng): unknown {
  return rng.pick<unknown>([null, 'text', 42, -1, 3.5, true, [], [1, 2], {}, { a: 1 }, 'x'.repeat(3_000)]);
}
