import path from 'node:path';
import { extractProposals } from '../../src/ingestion/extractProposals';
import type { AmbiguousProposal, LinkProposal } from '../../src/ingestion/proposal';
import { readSeedGazetteer } from '../../src/ingestion/readSeedGazetteer';

const gazetteer = readSeedGazetteer(path.join(__dirname, '../../seeds'));
const now = new Date('2026-01-01T00:00:00Z');

async function resolve(text: string, publishedAt: string) {
  const { proposals } = await extractProposals({ text, publishedAt }, gazetteer, { now });
  const links = proposals.filter((p): p is LinkProposal => p.kind === 'LINK');
  const ambiguous = proposals.filter((p): p is AmbiguousProposal => p.kind === 'AMBIGUOUS');
  /** The entity linked where `mention` is written (its first occurrence). */
  const at = (mention: string) => {
    const start = text.indexOf(mention);
    return links.find((l) => l.occurrences.some((o) => o.start <= start && start < o.end))?.entity.id;
  };
  return { links, ambiguous, at };
}

describe('resolution by date', () => {
  it('reads a bare "Đồng Văn" as the district in 2020 and as the 2025 commune in 2026', async () => {
    expect((await resolve('Đoàn công tác lên Đồng Văn kiểm tra.', '2020-10-30')).at('Đồng Văn')).toBe('place:huyen-dong-van');
    expect((await resolve('Đoàn công tác lên Đồng Văn kiểm tra.', '2026-03-15')).at('Đồng Văn')).toBe('place:xa-dong-van-2025');
  });

  it('reads a place as it was on the date the sentence tells of, not the publication date', async () => {
    const { at } = await resolve('Năm 2018, anh về thăm xã Bạch Đích. Nay xã Bạch Đích đã khác nhiều.', '2026-03-15');
    expect(at('xã Bạch Đích')).toBe('place:xa-bach-dich');
    const { at: now2026 } = await resolve('Địa bàn nay thuộc xã Bạch Đích.', '2026-03-15');
    expect(now2026('xã Bạch Đích')).toBe('place:xa-bach-dich-2025');
  });

  it('reads the provinces a merger ends as the old ones and the one it forms as the new one', async () => {
    const text = 'Từ ngày 1/7/2025, tỉnh Hà Giang và tỉnh Tuyên Quang hợp nhất thành tỉnh Tuyên Quang.';
    const { links } = await resolve(text, '2026-03-15');
    const second = text.indexOf('tỉnh Tuyên Quang');
    const third = text.lastIndexOf('tỉnh Tuyên Quang');
    const linkedAt = (start: number) => links.find((l) => l.occurrences.some((o) => o.start === start))?.entity.id;
    expect(linkedAt(second)).toBe('place:tinh-tuyen-quang-cu');
    expect(linkedAt(third)).toBe('place:tinh-tuyen-quang');
  });

  it('honours "cũ": "tỉnh Tuyên Quang cũ" in 2026 is the old province', async () => {
    expect((await resolve('Vùng đồi của tỉnh Tuyên Quang cũ rất rộng.', '2026-03-15')).at('tỉnh Tuyên Quang cũ')).toBe(
      'place:tinh-tuyen-quang-cu',
    );
  });
});

describe('the Thào Mý Ly trap', () => {
  it('links the 2023 victim, under any spelling, when the article tells of the Pải Lủng rescue', async () => {
    const text = 'Sáng 3/4, tại xã Pải Lủng, huyện Mèo Vạc, anh Thò Mý Ly bị ô tô lùi va phải và rơi xuống hố sụt sâu 56 mét.';
    const { at } = await resolve(text, '2023-04-04');
    expect(at('Thò Mý Ly')).toBe('person:thao-mi-ly-2023');
  });

  it('links the 2018 suspect when the article tells of the Yên Minh pursuit, even spelt like the victim', async () => {
    const text =
      'Ngày 17/2/2018, tổ công tác của Công an huyện Yên Minh vây bắt đối tượng truy nã Thào Mí Ly tại xã Phú Lũng; Trung úy Lưu Minh Thức hy sinh.';
    const { at } = await resolve(text, '2018-02-19');
    expect(at('Thào Mí Ly')).toBe('person:thao-my-ly-2018');
  });

  it('proposes AMBIGUOUS with both people, never a link, when nothing in the article decides', async () => {
    const { links, ambiguous } = await resolve('Anh Thào Mý Ly là người dân tộc Mông.', '2024-05-01');
    expect(links.map((l) => l.entity.id)).not.toContain('person:thao-my-ly-2018');
    expect(links.map((l) => l.entity.id)).not.toContain('person:thao-mi-ly-2023');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]?.candidates.map((c) => c.id).sort()).toEqual(['person:thao-mi-ly-2023', 'person:thao-my-ly-2018']);
  });

  it('keeps each near-identical person in the paragraph whose context is his', async () => {
    const text = [
      'Ngày 17/2/2018, tại xã Phú Lũng, đối tượng truy nã Thào Mý Ly kích nổ kíp nổ khi bị Công an huyện Yên Minh vây bắt.',
      'Ngày 3/4/2023, tại xã Pải Lủng, anh Thào Mí Ly rơi xuống hố sụt và được Phòng Cảnh sát PCCC&CNCH Công an tỉnh Hà Giang cứu sống.',
    ].join('\n');
    const { at } = await resolve(text, '2026-03-15');
    expect(at('Thào Mý Ly')).toBe('person:thao-my-ly-2018');
    expect(at('Thào Mí Ly')).toBe('person:thao-mi-ly-2023');
  });
});

describe('capitalisation and unit words', () => {
  it('never links a lower-case common word that equals a name', async () => {
    const { links } = await resolve(
      'Một lô hàng về bản; gia đình anh làm văn hóa, cứu người và kiến thức nhân dân.',
      '2024-05-01',
    );
    expect(links).toEqual([]);
  });

  it('links a place written with its unit word, even in lower case, and not under another unit', async () => {
    expect((await resolve('Thuyền xuôi sông lô về xuôi.', '2024-05-01')).at('sông lô')).toBe('place:song-lo');
    expect((await resolve('Đoàn về huyện Mèo Vạc.', '2024-05-01')).at('huyện Mèo Vạc')).toBe('place:huyen-meo-vac');
    expect((await resolve('Đoàn về xã Mèo Vạc.', '2024-05-01')).at('xã Mèo Vạc')).toBeUndefined();
  });

  it('links a shortened agency name only when the article names its province', async () => {
    expect(
      (await resolve('Tỉnh Hà Giang có nhiều gương tốt. UBND tỉnh tặng Bằng khen cho đơn vị.', '2024-05-01')).at('UBND tỉnh'),
    ).toBe('agency:ubnd-tinh-ha-giang');
    expect((await resolve('UBND tỉnh tặng Bằng khen cho đơn vị.', '2024-05-01')).at('UBND tỉnh')).toBeUndefined();
  });
});
