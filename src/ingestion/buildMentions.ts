import { WORD_PATTERN } from './foldKey';
import type { NameMatch } from './findNameMatches';
import type { Candidate, Mention } from './mention';
import { SURNAMES, titlesBefore } from './personVocabulary';
import { unitWordAt, unitWordBefore } from './placeUnitWords';
import { loweredWords, type PreparedText, type Sentence, type Token } from './preparedText';

const upper = (word: string) => /^[\p{Lu}\p{N}]/u.test(word);
const acronym = (word: string) => /^[\p{Lu}\p{N}&./-]+$/u.test(word) && /\p{Lu}/u.test(word);
/** Words before a bare name that say a place follows ("tại Hồ Chí Minh", "ở Đồng Văn"). */
const LOCATIVE = new Set(['tai', 'o', 've', 'den', 'tu', 'thuoc', 'qua', 'khap']);
/** Labels whose names are proper names, capitalised wherever they are written. */
const KEY_RANK = ['NAME', 'ALIAS', 'BARE', 'LOOSE'];
const NAMED_LABELS: ReadonlySet<string> = new Set(['Person', 'Collective', 'Agency', 'Place']);

interface SurfaceVerdict {
  readonly ok: boolean;
  readonly weak: boolean;
}

/**
 * Whether the written form supports the match: a proper name (every word capitalised, "Pải Lủng",
 * "Lưu Minh Thức") must be capitalised in the text, unless its unit word is written with it
 * ("sông lô"); a descriptive name ("Hội nghị sơ, tổng kết phong trào thi đua") is matched
 * case-blind from its second word on but must be long (5+ words) or carry a capitalised word or
 * acronym, so common phrases ("văn hóa", "cứu người") never link; a one-word match opening a
 * sentence proves nothing by its capital. Weak keys need context to link (Candidate.weak).
 */
function surfaceVerdict(
  match: NameMatch,
  tokens: readonly Token[],
  words: readonly string[],
  hasUnit: boolean,
  quoteBefore: boolean,
): SurfaceVerdict {
  const surfaceWords = [...match.key.surface.normalize('NFC').matchAll(WORD_PATTERN)].map((m) => m[0]);
  const aligned = match.key.source === 'BARE' ? surfaceWords.slice(surfaceWords.length - match.key.words.length) : surfaceWords;
  const unitAt = unitWordAt(match.key.words, 0);
  const properFrom = unitAt && match.key.source !== 'BARE' ? unitAt.folded.length : 0;
  const proper = aligned.slice(properFrom).every(upper);
  const text = tokens.slice(match.first, match.last).map((t) => t.text);
  const allAcronyms = aligned.every(acronym);
  if (proper) {
    const capitalisedInText = aligned.every((word, i) => i < properFrom || !upper(word) || upper(text[i] ?? ''));
    if (!capitalisedInText && !hasUnit) return { ok: false, weak: false };
    if (match.first === 0 && match.last - match.first === 1 && !allAcronyms && !hasUnit) return { ok: false, weak: false };
  } else {
    // Titles of events, movements and the like run on mid-sentence in lower case; names of
    // agencies keep their capital, except after "Trưởng"/"Phó" ("Trưởng phòng Cảnh sát …").
    const firstFree = !NAMED_LABELS.has(match.entry.label) || ['truong', 'pho'].includes(words[match.first - 1] ?? '');
    const capitalisedInText = aligned.every((word, i) => (i === 0 && firstFree) || !upper(word) || upper(text[i] ?? ''));
    // A body's name keeps its capital ("Chủ tịch nước"): written so, mid-sentence, it is a name.
    const named = NAMED_LABELS.has(match.entry.label) && match.first > 0 && upper(text[0] ?? '');
    // "phong trào Xóa bỏ hủ tục": after its head noun a movement's short name is a name.
    const headed =
      match.entry.label === 'Movement' && ['phong trào', 'cuộc vận động'].some((h) => before(tokens, match.first, h));
    const specific = aligned.length >= 5 || aligned.slice(1).some(upper) || aligned.some(acronym) || named || headed;
    if (!capitalisedInText || !specific) return { ok: false, weak: false };
    // "Phó Chủ tịch nước …" names a deputy's role, not the body.
    if (match.entry.label === 'Agency' && tokens[match.first - 1]?.text === 'Phó') return { ok: false, weak: false };
  }
  // A publication is cited in quotes ("cuốn sách “Gương người tốt …”"); a headline echoed in running text is not a citation.
  if (match.entry.label === 'Story' && !quoteBefore && !(match.first === 0 && match.last === tokens.length)) {
    return { ok: false, weak: false };
  }
  return { ok: true, weak: allAcronyms || cutAgencyName(match) || personShapedBare(match, words) };
}

/** Whether the words before a position are the given (lower-case) words. */
function before(tokens: readonly Token[], at: number, words: string): boolean {
  const wanted = words.split(' ');
  return wanted.every((w, i) => tokens[at - wanted.length + i]?.text.toLowerCase() === w);
}

/** An agency alias that is its name cut before the qualifying place ("UBND tỉnh" for "UBND tỉnh Hà Giang"). */
function cutAgencyName(match: NameMatch): boolean {
  if (match.entry.label !== 'Agency' || match.key.source === 'NAME') return false;
  const name = [...match.entry.name.normalize('NFC').matchAll(WORD_PATTERN)].map((m) => m[0].toLowerCase());
  const alias = [...match.key.surface.normalize('NFC').matchAll(WORD_PATTERN)].map((m) => m[0].toLowerCase());
  return alias.length < name.length && alias.every((word, i) => name[i] === word);
}

/** A place name without its unit that reads as a personal name ("Hồ Chí Minh"): weak unless a locative word precedes. */
function personShapedBare(match: NameMatch, words: readonly string[]): boolean {
  if (match.key.source !== 'BARE' || match.key.words.length < 3 || !SURNAMES.has(match.key.words[0] ?? '')) return false;
  return !LOCATIVE.has(words[match.first - 1] ?? '');
}

/** A place name written without its unit word: a bare key, or an alias such as "Hà Giang". */
function bareName(match: NameMatch): boolean {
  return match.entry.label === 'Place' && unitWordAt(match.key.words, 0) === undefined;
}

function isFormer(text: string, end: number): boolean {
  return /^\s*\(?\s*cũ(?!\p{L})/u.test(text.slice(end, end + 8).toLowerCase());
}

/**
 * Given prepared text and name matches, returns one mention per span with the candidates whose
 * written form the text supports (surfaceVerdict) and whose place unit agrees with the unit word
 * written before a bare name ("huyện Mèo Vạc" is never the commune xã Mèo Vạc).
 */
export function buildMentions(prepared: PreparedText, matches: readonly NameMatch[]): Mention[] {
  const bySpan = new Map<string, { match: NameMatch; candidates: Candidate[] }>();
  for (const match of matches) {
    const sentence = prepared.sentences[match.sentence] as Sentence;
    const words = sentence.tokens.map((t) => t.folded);
    const unitBefore = bareName(match) ? unitWordBefore(loweredWords(sentence), match.first, 'exact') : undefined;
    if (unitBefore && match.entry.unitType && unitBefore.unitType !== match.entry.unitType) continue;
    const hasUnit = unitBefore !== undefined || (match.key.source !== 'BARE' && unitWordAt(match.key.words, 0) !== undefined);
    const quoteBefore = /[“"«‘']\s*$/u.test(prepared.text.slice(Math.max(0, match.start - 2), match.start));
    const verdict = surfaceVerdict(match, sentence.tokens, words, hasUnit, quoteBefore);
    if (!verdict.ok) continue;
    const written = prepared.text.slice(match.start, match.end);
    const asWritten = written.toLowerCase() === match.key.surface.normalize('NFC').toLowerCase().slice(-written.length);
    // A bare name after its unit word spans the unit too, so "xã Pải Lủng" is one mention however it matched.
    const first = match.first - (unitBefore?.folded.length ?? 0);
    const widened = { ...match, first, start: sentence.tokens[first]?.start ?? match.start };
    const span = `${widened.start}|${widened.end}`;
    const group = bySpan.get(span) ?? { match: widened, candidates: [] };
    const candidate = { entry: match.entry, key: match.key, asWritten, weak: verdict.weak };
    const same = group.candidates.findIndex((c) => c.entry.id === match.entry.id);
    if (same < 0) group.candidates.push(candidate);
    else if (KEY_RANK.indexOf(match.key.source) < KEY_RANK.indexOf(group.candidates[same]?.key.source ?? 'LOOSE')) {
      group.candidates[same] = candidate;
    }
    bySpan.set(span, group);
  }
  return [...bySpan.values()]
    .map(({ match, candidates }) => {
      const sentence = prepared.sentences[match.sentence] as Sentence;
      const words = loweredWords(sentence);
      const bare = candidates.find((c) => c.entry.label === 'Place' && unitWordAt(c.key.words, 0) === undefined);
      const unitBefore = bare ? unitWordAt(words, match.first, 'exact') : undefined;
      return {
        sentence: match.sentence,
        paragraph: sentence.paragraph,
        first: match.first,
        last: match.last,
        start: match.start,
        end: match.end,
        text: prepared.text.slice(match.start, match.end),
        candidates,
        ...(unitBefore ? { unitBefore } : {}),
        former: isFormer(prepared.text, match.end),
        titles: candidates.some((c) => c.entry.label === 'Person') ? titlesBefore(words, match.first) : [],
      };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
}
