import path from 'node:path';
import { readSeedGazetteer } from '../../src/ingestion/readSeedGazetteer';
import { readQueries } from '../../src/reconcile/readQueries';
import { reconcileBatch } from '../../src/reconcile/reconcileBatch';

const gazetteer = readSeedGazetteer(path.resolve(__dirname, '..', '..', 'seeds'));
const reconcile = async (queries: Record<string, unknown>) => reconcileBatch(gazetteer, readQueries(JSON.stringify(queries)));

describe('reconciliation scoring', () => {
  it('matches a whole name with or without diacritics, the exact spelling scoring higher', async () => {
    const r = await reconcile({ a: { query: 'Đào Quang Vinh' }, b: { query: 'dao quang vinh' } });
    expect(r.a?.result[0]).toMatchObject({ id: 'person:dao-quang-vinh', score: 100, match: true });
    expect(r.b?.result[0]).toMatchObject({ id: 'person:dao-quang-vinh', score: 90, match: true });
  });

  it('does not match a name that covers only part of the cell', async () => {
    const r = await reconcile({ a: { query: 'Lưu Minh Thức và đồng đội', type: 'Person' } });
    expect(r.a?.result[0]?.id).toBe('person:luu-minh-thuc');
    expect(r.a?.result[0]?.match).toBe(false);
  });

  it('reads a place on its date: the district in 2020, the commune created in 2025 after', async () => {
    const in2020 = await reconcile({ a: { query: 'Đồng Văn', type: 'Place', properties: [{ pid: 'date', v: '2020' }] } });
    const in2026 = await reconcile({ a: { query: 'Đồng Văn', type: 'Place', properties: [{ pid: 'date', v: '2026' }] } });
    expect(in2020.a?.result[0]?.id).toBe('place:huyen-dong-van');
    expect(in2026.a?.result[0]?.id).not.toBe('place:huyen-dong-van');
  });

  it('never matches one of two near-identical people without a property that tells them apart', async () => {
    const r = await reconcile({
      a: { query: 'thào mý ly' },
      b: { query: 'Thò Mí Ly', properties: [{ pid: 'date', v: '2023-04-03' }] },
    });
    expect(r.a?.result.some((c) => c.match)).toBe(false);
    expect(r.a?.result.find((c) => c.id === 'person:thao-mi-ly-2023')?.features).toContainEqual({
      id: 'name_loose_spelling',
      value: true,
    });
    expect(r.b?.result[0]).toMatchObject({ id: 'person:thao-mi-ly-2023', match: true });
  });

  it('filters by type unless the type only should rank', async () => {
    const strict = await reconcile({ a: { query: 'Pải Lủng', type: 'Agency' } });
    // No agency is named just "Pải Lủng" (its police is "Công an xã Pải Lủng"): nothing of another type is offered.
    expect(strict.a?.result).toEqual([]);
    const agency = await reconcile({ a: { query: 'Công an xã Pải Lủng', type: 'Agency' } });
    expect(agency.a?.result[0]).toMatchObject({ id: 'agency:ca-xa-pai-lung', match: true });
    const should = await reconcile({ a: { query: 'Pải Lủng', type: 'Agency', type_strict: 'should' } });
    expect(should.a?.result.some((c) => c.type[0]?.id === 'Place')).toBe(true);
  });
});

describe('reading a query batch', () => {
  it('refuses unknown properties, types and too many queries, naming where', () => {
    expect(() => readQueries(JSON.stringify({ q: { query: 'x', properties: [{ pid: 'P31', v: 'y' }] } }))).toThrow(
      expect.objectContaining({ argument: 'queries.q.properties' }),
    );
    expect(() => readQueries(JSON.stringify({ q: { query: 'x', limit: 0 } }))).toThrow(
      expect.objectContaining({ argument: 'queries.q.limit' }),
    );
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, { query: 'x' }]));
    expect(() => readQueries(JSON.stringify(many))).toThrow(expect.objectContaining({ argument: 'queries' }));
  });
});
