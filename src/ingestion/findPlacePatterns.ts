import type { PatternMention } from './patternMention';
import { canContain } from './placeLevels';
import { type PlaceUnitWord, unitWordAt } from './placeUnitWords';
import { loweredWords, type PreparedText, type Sentence } from './preparedText';
import { reason } from './reason';
import { placeNameLength, spanOf } from './tokenRuns';

/**
 * Given a sentence and a position where a unit word was found, returns whether it is written as a
 * unit word: in lower case ("xã"), as an abbreviation ("TP"), or capitalised at the start of the
 * sentence. "Hồ Chí Minh" is a name, "hồ Thác Bà" a lake.
 */
function writtenAsUnit(sentence: Sentence, at: number, unit: PlaceUnitWord): boolean {
  const first = sentence.tokens[at];
  if (!first) return false;
  if (/^\p{Lu}{2}$/u.test(first.text) && unit.exact.length === 1) return true;
  if (at === 0) return true;
  return /^\p{Ll}/u.test(first.text);
}

/**
 * Given prepared text, returns the administrative units and natural features it names by unit word
 * and proper name ("thôn Séo Sả Lủng", "xã Pải Lủng", "TP. Hà Giang", "phường Hà Giang 1",
 * "sông Lô"), each with the parent written right after it at a higher level
 * ("xã Pải Lủng, huyện Mèo Vạc"; "thôn Tả Mò (xã Yên Định)").
 */
export function findPlacePatterns(prepared: PreparedText): PatternMention[] {
  const found: Array<PatternMention & { readonly levels: readonly string[] }> = [];
  for (const sentence of prepared.sentences) {
    const words = loweredWords(sentence);
    for (let i = 0; i < sentence.tokens.length; i += 1) {
      const unit = unitWordAt(words, i, 'exact');
      if (!unit || !writtenAsUnit(sentence, i, unit)) continue;
      const nameAt = i + unit.exact.length;
      const gap = prepared.text.slice(sentence.tokens[nameAt - 1]?.end ?? 0, sentence.tokens[nameAt]?.start ?? 0);
      if (gap !== ' ' && gap !== '. ') continue;
      const length = placeNameLength(prepared, sentence, nameAt);
      if (length === 0) continue;
      const span = spanOf(prepared, sentence, i, nameAt + length);
      found.push({
        kind: 'Place',
        levels: unit.levels,
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        first: i,
        last: nameAt + length,
        start: span.start,
        end: span.end,
        name: span.text,
        properties: {
          unitType: unit.unitType,
          level: unit.levels[unit.levels.length - 1] ?? 'COMMUNE',
          nameWithoutUnit: spanOf(prepared, sentence, nameAt, nameAt + length).text,
          administrative: unit.administrative,
        },
        confidence: 0.7,
        reasons: [
          reason(
            `đơn vị "${unit.unitType}" kèm tên riêng viết hoa`,
            `the unit word "${unit.unitType}" before a capitalised name`,
          ),
          reason('chưa có trong cơ sở dữ liệu', 'not in the graph yet'),
        ],
      });
      i = nameAt + length - 1;
    }
  }
  return found.map(({ levels, ...place }, index) => {
    const next = found[index + 1];
    const between = next ? prepared.text.slice(place.end, next.start) : '';
    const parented =
      next && next.sentence === place.sentence && canContain(next.levels, levels) && /^\s*(?:,|\(|-|–|thuộc)\s*$/u.test(between);
    return parented ? { ...place, parent: { start: next.start, end: next.end } } : place;
  });
}
