import { normalizeArticleText } from '../../src/ingestion/normalizeArticleText';
import { prepareText } from '../../src/ingestion/prepareText';

const sentencesOf = (raw: string) => {
  const prepared = prepareText(raw);
  return prepared.sentences.map((s) => prepared.text.slice(s.start, s.end));
};

describe('prepareText', () => {
  it('composes decomposed Vietnamese (NFC) and keeps line breaks as \\n', () => {
    expect(normalizeArticleText('Pải Lủng'.normalize('NFD') + '\r\nx')).toBe('Pải Lủng\nx');
    expect(normalizeArticleText('\uFEFFa\u00A0b')).toBe('a b');
  });

  it('cuts each non-empty line into a paragraph and never runs a sentence across two', () => {
    const prepared = prepareText('Tiêu đề\n\nCâu một. Câu hai.\n');
    expect(prepared.paragraphs).toHaveLength(2);
    expect(sentencesOf('Tiêu đề\n\nCâu một. Câu hai.\n')).toEqual(['Tiêu đề', 'Câu một.', 'Câu hai.']);
  });

  it('does not split after Vietnamese abbreviations: TP., Q., ThS., TT., a single initial', () => {
    expect(
      sentencesOf('Đoàn đến TP. Hà Giang lúc sáng. ThS. Lê Văn An phát biểu tại Q. 1 và TT. Đồng Văn. Ông Nguyễn V. An dự.'),
    ).toEqual(['Đoàn đến TP. Hà Giang lúc sáng.', 'ThS. Lê Văn An phát biểu tại Q. 1 và TT. Đồng Văn.', 'Ông Nguyễn V. An dự.']);
  });

  it('does not split inside decimal numbers, dates or dotted initials, but does after a number ending a sentence', () => {
    expect(
      sentencesOf('Xe 29A-370.15 rơi sâu 14.5 m ngày 3.4.2023 tại đây. Nạn nhân T.M.L. được cứu lúc 18.30. Sau đó về nhà.'),
    ).toEqual(['Xe 29A-370.15 rơi sâu 14.5 m ngày 3.4.2023 tại đây.', 'Nạn nhân T.M.L. được cứu lúc 18.30.', 'Sau đó về nhà.']);
  });

  it('splits at an ellipsis followed by a capital', () => {
    expect(sentencesOf('cứu người trên sông Lô, thành phố Hà Giang… Những gương điển hình này')).toEqual([
      'cứu người trên sông Lô, thành phố Hà Giang…',
      'Những gương điển hình này',
    ]);
  });

  it('gives every token offsets into the normalised text, and its folded form', () => {
    const prepared = prepareText('Phòng Cảnh sát PCCC&CNCH, Công an tỉnh Hà Giang (ngày 3/4/2023).');
    const tokens = prepared.sentences.flatMap((s) => s.tokens);
    for (const token of tokens) expect(prepared.text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((t) => t.text)).toEqual([
      'Phòng',
      'Cảnh',
      'sát',
      'PCCC&CNCH',
      'Công',
      'an',
      'tỉnh',
      'Hà',
      'Giang',
      'ngày',
      '3/4/2023',
    ]);
    expect(tokens.find((t) => t.text === 'Hà')?.folded).toBe('ha');
  });
});
