import type { PatternMention } from './patternMention';
import { unitWordAt } from './placeUnitWords';
import { loweredWords, type PreparedText, type Sentence } from './preparedText';
import { reason } from './reason';
import { placeNameLength, spanOf } from './tokenRuns';

interface Head {
  /** Lower-case words as written: "đội", never "đối". */
  readonly words: readonly string[];
  readonly kind: string;
  /** The level when the head itself says it (Tỉnh Đoàn, Huyện ủy); otherwise the unit word after it does. */
  readonly level?: string;
}

const head = (written: string, kind: string, level?: string): Head => ({
  words: written.toLowerCase().split(' '),
  kind,
  ...(level ? { level } : {}),
});

/** Bodies named by a head, a unit word and a place ("Công an huyện Mèo Vạc", "UBND tỉnh Hà Giang"), or by a head and a place. */
const PLACE_HEADS: readonly Head[] = [
  head('Bộ Chỉ huy Quân sự', 'OTHER'),
  head('Ban Chỉ huy Quân sự', 'OTHER'),
  head('Bộ đội Biên phòng', 'OTHER'),
  head('Ủy ban nhân dân', 'PEOPLES_COMMITTEE'),
  head('Hội đồng nhân dân', 'OTHER'),
  head('Bệnh viện Đa khoa', 'HOSPITAL'),
  head('Trung tâm Y tế', 'HOSPITAL'),
  head('Công an', 'POLICE'),
  head('UBND', 'PEOPLES_COMMITTEE'),
  head('HĐND', 'OTHER'),
  head('Tỉnh Đoàn', 'MASS_ORGANISATION', 'PROVINCE'),
  head('Huyện Đoàn', 'MASS_ORGANISATION', 'DISTRICT'),
  head('Tỉnh ủy', 'PARTY', 'PROVINCE'),
  head('Huyện ủy', 'PARTY', 'DISTRICT'),
  head('Đảng ủy', 'PARTY'),
];

/** Sub-units named by a head and their own words, then the body they belong to ("Phòng Cảnh sát PCCC&CNCH Công an tỉnh Tuyên Quang"). */
const UNIT_HEADS: readonly Head[] = [
  head('Đồn Biên phòng', 'OTHER'),
  head('Trung tâm', 'OTHER'),
  head('Phòng', 'OTHER'),
  head('Đội', 'OTHER'),
  head('Trạm', 'OTHER'),
  head('Ban', 'OTHER'),
];

const UNIT_TO_LEVEL: Readonly<Record<string, string>> = {
  tỉnh: 'PROVINCE',
  'thành phố': 'PROVINCE',
  huyện: 'DISTRICT',
  quận: 'DISTRICT',
  'thị xã': 'DISTRICT',
  xã: 'COMMUNE',
  phường: 'COMMUNE',
  'thị trấn': 'COMMUNE',
};

const headAt = (heads: readonly Head[], words: readonly string[], at: number) =>
  heads.find((h) => h.words.every((word, i) => words[at + i] === word));

/** A head is written as a name (capitalised), or in lower case right after "Trưởng"/"Phó" ("Trưởng phòng …"). */
function writtenAsHead(sentence: Sentence, at: number): boolean {
  const token = sentence.tokens[at];
  if (!token) return false;
  if (/^\p{Lu}/u.test(token.text)) return true;
  return ['truong', 'pho'].includes(sentence.tokens[at - 1]?.folded ?? '');
}

interface BodyMatch {
  readonly last: number;
  readonly kind: string;
  readonly level: string;
  readonly place: { first: number; last: number };
}

function bodyAt(prepared: PreparedText, sentence: Sentence, words: readonly string[], at: number): BodyMatch | undefined {
  const found = headAt(PLACE_HEADS, words, at);
  if (!found || !writtenAsHead(sentence, at)) return undefined;
  const after = at + found.words.length;
  const unit = found.level ? undefined : unitWordAt(words, after, 'exact');
  if (!found.level && (!unit || !unit.administrative)) return undefined;
  const nameAt = after + (unit?.exact.length ?? 0);
  const length = placeNameLength(prepared, sentence, nameAt);
  if (length === 0) return undefined;
  const level = found.level ?? UNIT_TO_LEVEL[unit?.unitType ?? ''] ?? 'UNIT';
  return { last: nameAt + length, kind: found.kind, level, place: { first: unit ? after : nameAt, last: nameAt + length } };
}

/**
 * Given prepared text, returns the units it names: bodies by head, unit word and place ("Công an
 * huyện X", "Công an xã X", "UBND tỉnh X", "Tỉnh Đoàn X"), and sub-units by head and words followed
 * by the body they belong to ("Phòng Cảnh sát PCCC&CNCH Công an tỉnh Y", "Đội CSGT-TT Công an
 * huyện Z"), with the place and the parent body as spans.
 */
export function findAgencyPatterns(prepared: PreparedText): PatternMention[] {
  const found: PatternMention[] = [];
  for (const sentence of prepared.sentences) {
    const words = loweredWords(sentence);
    for (let i = 0; i < sentence.tokens.length; i += 1) {
      const sub = headAt(UNIT_HEADS, words, i);
      let matched: PatternMention | undefined;
      // "Đội trưởng", "Trạm trưởng": a role, not a unit.
      if (sub && writtenAsHead(sentence, i) && words[i + sub.words.length] !== 'trưởng') {
        for (let parentAt = i + sub.words.length + 1; parentAt <= i + sub.words.length + 6 && !matched; parentAt += 1) {
          const parent = bodyAt(prepared, sentence, words, parentAt);
          if (!parent) continue;
          const between = prepared.text.slice(sentence.tokens[i]?.end ?? 0, sentence.tokens[parentAt]?.start ?? 0);
          if (/[;:()“”"!?.]/u.test(between.replace(/(\p{L})\.(\p{L})/gu, '$1$2'))) break;
          matched = mention(prepared, sentence, i, parent.last, parent.kind, 'UNIT', {
            parent: spanOf(prepared, sentence, parentAt, parent.last),
            place: spanOf(prepared, sentence, parent.place.first, parent.place.last),
          });
        }
      }
      if (!matched) {
        const body = bodyAt(prepared, sentence, words, i);
        if (body) {
          matched = mention(prepared, sentence, i, body.last, body.kind, body.level, {
            place: spanOf(prepared, sentence, body.place.first, body.place.last),
          });
        }
      }
      if (matched) {
        found.push(matched);
        i = matched.last - 1;
      }
    }
  }
  return found;
}

function mention(
  prepared: PreparedText,
  sentence: Sentence,
  first: number,
  last: number,
  kind: string,
  level: string,
  spans: { parent?: { start: number; end: number }; place?: { start: number; end: number } },
): PatternMention {
  const span = spanOf(prepared, sentence, first, last);
  return {
    kind: 'Agency',
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    first,
    last,
    start: span.start,
    end: span.end,
    name: span.text,
    properties: { level, kind },
    confidence: 0.7,
    reasons: [
      reason(
        spans.parent ? 'tên đơn vị kèm cơ quan cấp trên' : 'tên cơ quan kèm địa danh',
        spans.parent ? 'a unit named with the body it belongs to' : 'a body named with its place',
      ),
      reason('chưa có trong cơ sở dữ liệu', 'not in the graph yet'),
    ],
    ...(spans.parent ? { parent: { start: spans.parent.start, end: spans.parent.end } } : {}),
    ...(spans.place ? { place: { start: spans.place.start, end: spans.place.end } } : {}),
  };
}
