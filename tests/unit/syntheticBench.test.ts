import { buildSchema, parse } from 'graphql';
import { rootFieldDocument } from '../../bench/harness/autoDocument';
import { OPERATIONS } from '../../bench/harness/operations';
import { typoOf } from '../../bench/harness/searchVariables';
import { quantile, summarise } from '../../bench/harness/stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles, so p99 of 100 samples is the 99th smallest', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(quantile(samples, 0.99)).toBe(99);
    expect(summarise([3, 1, 2], 2, 1, 0)).toMatchObject({ p50: 2, p99: 3, rps: 1.5, requests: 3 });
  });
});

describe('bench search variables', () => {
  it('mistypes one letter of the longest word, diacritics folded as a user without marks types', () => {
    expect(typoOf('Nguyễn Văn Hùng')).toBe('nguaen van hung');
    expect(typoOf('Lò A Páo')).toBeUndefined();
  });
});

describe('bench operations', () => {
  it('have unique names and parseable documents', () => {
    const names = OPERATIONS.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    for (const op of OPERATIONS) if (typeof op.document === 'string') expect(() => parse(op.document as string)).not.toThrow();
  });
});

describe('rootFieldDocument', () => {
  const schema = buildSchema(`
    type Query { dash(field: ID!, place: ID, from: String, window: Int!): Dash, open(field: ID!, from: String): Dash }
    type Dash { count: Int ids: [ID!]! inner: Inner }
    type Inner { total: Int byForm(limit: Int!): [Int] }
  `);

  it('declares the arguments the field has and the bench fills, and selects scalars down to the depth, minus omitted fields', () => {
    const built = rootFieldDocument(schema, 'open', ['field', 'from', 'to'], { omit: ['ids'] });
    if ('pending' in built) throw new Error(built.pending);
    expect(built.document).toBe(
      'query Bench($field: ID!, $from: String) { open(field: $field, from: $from) { count inner { total } } }',
    );
    expect(built.variables({ field: 'field:syn-rescue', from: '2019-01-01', to: '2025-12-31' })).toEqual({
      field: 'field:syn-rescue',
      from: '2019-01-01',
    });
  });

  it('is pending while the field is missing or needs an argument the bench cannot fill', () => {
    expect(rootFieldDocument(schema, 'absent', [])).toEqual({ pending: 'Query.absent is not in the schema yet' });
    expect(rootFieldDocument(schema, 'dash', ['field'])).toEqual({
      pending: 'Query.dash needs window, which the bench entry does not fill yet',
    });
  });
});
