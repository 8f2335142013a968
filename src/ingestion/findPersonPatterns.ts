import type { PatternMention } from './patternMention';
import { type PersonTitle, SURNAMES, titlesBefore } from './personVocabulary';
import { unitWordBefore } from './placeUnitWords';
import { loweredWords, type PreparedText, type Sentence, type Token } from './preparedText';
import { reason } from './reason';
import { capitalisedWord, runLength, spanOf } from './tokenRuns';

/** Capitalised words that start the name of an organisation or a place, never a person. */
const NOT_A_NAME_START = new Set([
  'công',
  'phòng',
  'đội',
  'ubnd',
  'ủy',
  'uỷ',
  'tỉnh',
  'huyện',
  'xã',
  'bộ',
  'sở',
  'ban',
  'hội',
  'bệnh',
]);

/**
 * Given prepared text, returns the personal names it writes: a run of 2 to 4 capitalised words that
 * starts with a family name (SURNAMES), after a rank, honorific, address form or role noun
 * ("Thượng tá Nguyễn Văn Trường", "Liệt sĩ Thượng úy Lưu Minh Thức", "nạn nhân Vừ Mí Chơ"), or
 * without one when it runs to 3 or 4 words ("Cao Hoài Đức"), which is rarely anything else.
 * The title is kept as a property, not as part of the name.
 */
export function findPersonPatterns(prepared: PreparedText): PatternMention[] {
  const found: PatternMention[] = [];
  for (const sentence of prepared.sentences) {
    const lowered = loweredWords(sentence);
    for (let i = 0; i < sentence.tokens.length; i += 1) {
      const token = sentence.tokens[i];
      if (!token || !capitalisedWord(token) || !SURNAMES.has(token.folded)) continue;
      const previous = sentence.tokens[i - 1];
      if (
        previous &&
        capitalisedWord(previous) &&
        titlesBefore(lowered, i).length === 0 &&
        !afterPlaceName(sentence, lowered, i)
      ) {
        continue;
      }
      const length = runLength(
        prepared,
        sentence,
        i,
        4,
        (t) => capitalisedWord(t) && (t === token || !NOT_A_NAME_START.has(t.text.toLowerCase())),
      );
      const titles = titlesBefore(lowered, i);
      if (length < 2 || (titles.length === 0 && length < 3)) continue;
      if (unitWordBefore(lowered, i, 'exact') || NOT_A_NAME_START.has(lowered[i - 1] ?? '')) continue;
      const span = spanOf(prepared, sentence, i, i + length);
      const rank = titles.find((t) => t.kind === 'RANK');
      const honorific = titles.find((t) => t.kind === 'HONORIFIC');
      const written = titles.map((t) => t.written).reverse();
      found.push({
        kind: 'Person',
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        first: i,
        last: i + length,
        start: span.start,
        end: span.end,
        name: span.text,
        properties: {
          ...(rank ? { rankAsInSource: writtenTitle(prepared, sentence, i, titles, rank) } : {}),
          ...(honorific ? { honorific: honorific.written } : {}),
          ...(written.length > 0 ? { titlesAsWritten: written.join(' ') } : {}),
        },
        confidence: titles.length > 0 ? 0.8 : 0.55,
        reasons: [
          titles.length > 0
            ? reason(`tên người sau danh xưng "${written.join(' ')}"`, `a personal name after the title "${written.join(' ')}"`)
            : reason('chuỗi từ viết hoa bắt đầu bằng họ người Việt', 'capitalised words starting with a Vietnamese family name'),
          reason('chưa có trong cơ sở dữ liệu', 'not in the graph yet'),
        ],
      });
      i += length - 1;
    }
  }
  return found;
}

/** Given the titles before a name (nearest first) and one of them, returns that title as the text writes it ("Thượng úy"). */
function writtenTitle(
  prepared: PreparedText,
  sentence: Sentence,
  nameAt: number,
  titles: readonly PersonTitle[],
  wanted: PersonTitle,
): string {
  let end = nameAt;
  for (const t of titles) {
    const start = end - t.words.length;
    if (t === wanted) return spanOf(prepared, sentence, start, end).text;
    end = start;
  }
  return wanted.written;
}

/** The capitalised words before a position are a place's name after its unit word ("UBND huyện Vị Xuyên | Lê Thanh Hải"). */
function afterPlaceName(sentence: Sentence, lowered: readonly string[], at: number): boolean {
  let start = at;
  while (start > 0 && sentence.tokens[start - 1] && capitalisedWord(sentence.tokens[start - 1] as Token)) start -= 1;
  return at - start <= 3 && unitWordBefore(lowered, start, 'exact') !== undefined;
}
