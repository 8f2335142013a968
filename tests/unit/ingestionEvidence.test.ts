import fs from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json';
import { extractProposals } from '../../src/ingestion/extractProposals';
import { IngestionInputError } from '../../src/ingestion/ingestionInputError';
import type { NewEntityProposal, Proposal, RelationshipProposal } from '../../src/ingestion/proposal';
import { readSeedGazetteer } from '../../src/ingestion/readSeedGazetteer';

const gazetteer = readSeedGazetteer(path.join(__dirname, '../../seeds'));
const now = new Date('2026-01-01T00:00:00Z');
const article = (name: string) =>
  fs
    .readFileSync(path.join(__dirname, '../../eval/linking/articles', name), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');

describe('evidence on every proposal', () => {
  let text = '';
  let proposals: readonly Proposal[] = [];
  beforeAll(async () => {
    const raw = article('a02-pai-lung-2023.txt').normalize('NFD');
    ({ text, proposals } = await extractProposals({ text: raw, publishedAt: '2023-04-04' }, gazetteer, { now }));
  });

  it('quotes exactly the normalised text at its offsets, with the text around it as prefix and suffix', () => {
    expect(proposals.length).toBeGreaterThan(20);
    for (const p of proposals) {
      const [quote, position] = p.evidence.selectors;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      expect(text.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
      expect(quote.exact.length).toBeGreaterThan(0);
    }
    expect(text).toBe(text.normalize('NFC'));
  });

  it('names the extractor and its version, is PENDING, has a confidence in [0, 1] and reasons in Vietnamese and English', () => {
    for (const p of proposals) {
      expect(p.evidence.extractor).toEqual({ name: `${packageJson.name}/ingestion`, version: packageJson.version });
      expect(p.status).toBe('PENDING');
      expect(p.evidence.confidence).toBeGreaterThanOrEqual(0);
      expect(p.evidence.confidence).toBeLessThanOrEqual(1);
      expect(p.evidence.reasons.length).toBeGreaterThan(0);
      for (const r of p.evidence.reasons) expect(r.vi.length * r.en.length).toBeGreaterThan(0);
    }
  });

  it('gives the same ids to the same text ingested twice', async () => {
    const again = await extractProposals({ text: article('a02-pai-lung-2023.txt'), publishedAt: '2023-04-04' }, gazetteer, {
      now,
    });
    expect(again.proposals.map((p) => p.id)).toEqual(proposals.map((p) => p.id));
  });

  it('states the relationships one sentence gives: membership with its role, participation, the story featuring each link', () => {
    const rels = proposals.filter((p): p is RelationshipProposal => p.kind === 'RELATIONSHIP');
    const ref = (r: RelationshipProposal['from']) => (r.kind === 'ENTITY' ? r.id : r.kind);
    const has = (type: string, from: string, to: string) =>
      rels.some((r) => r.type === type && ref(r.from) === from && ref(r.to) === to);
    expect(rels.find((r) => r.type === 'MEMBER_OF' && ref(r.from) === 'person:nguyen-van-truong')?.properties).toEqual({
      role: 'Trưởng phòng',
    });
    expect(has('MEMBER_OF', 'person:nguyen-van-truong', 'agency:pc07-ha-giang')).toBe(true);
    expect(has('TOOK_PART_IN', 'person:nguyen-van-truong', 'event:pai-lung-sinkhole-rescue-2023')).toBe(true);
    expect(has('TOOK_PART_IN', 'agency:bvdk-huyen-dong-van', 'event:pai-lung-sinkhole-rescue-2023')).toBe(true);
    expect(has('FEATURES', 'STORY', 'event:pai-lung-sinkhole-rescue-2023')).toBe(true);
    expect(has('FEATURES', 'STORY', 'person:thao-mi-ly-2023')).toBe(true);
  });
});

describe('award proposals', () => {
  // Invented conferrals (see eval/linking/articles/a07): they test the check, they are not facts.
  it('flags an issuer Law 06/2022 does not let confer the form, and passes one it does', async () => {
    const text =
      'Ngày 5/7/2024, Công an tỉnh Hà Giang tặng Bằng khen cho Công an xã Pả Vi. Ngày 6/7/2024, Chủ tịch UBND tỉnh Hà Giang ký Quyết định số 1625/QĐ-UBND tặng Bằng khen cho Đội CSGT-TT Công an huyện Mèo Vạc.';
    const { proposals } = await extractProposals({ text, publishedAt: '2024-07-10' }, gazetteer, { now });
    const awards = proposals.filter((p): p is NewEntityProposal => p.kind === 'NEW_ENTITY' && p.label === 'Award');
    expect(awards.map((a) => [a.properties.issuerKind, a.properties.decisionNo ?? null, a.flags.map((f) => f.code)])).toEqual([
      ['UNIT_HEAD', null, ['ISSUER_MAY_NOT_CONFER']],
      ['PROVINCE_CHAIR', '1625/QĐ-UBND', []],
    ]);
    const conferredBy = proposals.filter(
      (p): p is RelationshipProposal => p.kind === 'RELATIONSHIP' && p.type === 'CONFERRED_BY',
    );
    expect(conferredBy.map((r) => (r.to.kind === 'ENTITY' ? r.to.id : ''))).toEqual([
      'agency:cong-an-tinh-ha-giang',
      'agency:ubnd-tinh-ha-giang',
    ]);
  });

  it('links an award the graph holds instead of proposing it again', async () => {
    const text =
      'Các tập thể, cá nhân được UBND tỉnh Hà Giang tặng Bằng khen vì thành tích cứu nạn trong vụ hố sụt ngày 03/4/2023 tại xã Pải Lủng.';
    const { proposals } = await extractProposals({ text, publishedAt: '2023-05-01' }, gazetteer, { now });
    expect(proposals.some((p) => p.kind === 'LINK' && p.entity.id === 'award:pai-lung-bang-khen-2023')).toBe(true);
    expect(proposals.some((p) => p.kind === 'NEW_ENTITY' && p.label === 'Award')).toBe(false);
  });
});

describe('bad input', () => {
  it('refuses an empty text or a date that is not a calendar date, naming the field and the value', async () => {
    await expect(extractProposals({ text: '  ' }, gazetteer, { now })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
    const error = await extractProposals({ text: 'Hà Giang.', publishedAt: '2023-02-30' }, gazetteer, { now }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestionInputError);
    expect(error).toMatchObject({ field: 'publishedAt', value: '2023-02-30' });
  });
});
