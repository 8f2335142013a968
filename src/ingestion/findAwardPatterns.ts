import { AWARD_WORDINGS, type AwardFormWording } from './awardForms';
import { classifyIssuer, type IssuerReading } from './classifyIssuer';
import { foldKey } from './foldKey';
import type { PatternMention } from './patternMention';
import { loweredWords, type PreparedText, type Sentence } from './preparedText';
import { reason } from './reason';
import { adjacent, spanOf } from './tokenRuns';

/** An award form written in the text, with what the same sentence says of its issuer. */
export interface AwardPattern extends PatternMention {
  readonly wording: AwardFormWording;
  /** The words naming who conferred it ("Chủ tịch UBND tỉnh Hà Giang", "UBND tỉnh"), when found. */
  readonly issuerPhrase?: { readonly start: number; readonly end: number; readonly text: string };
  readonly issuer?: IssuerReading;
}

const CONFERRAL_VERBS = [
  'tặng',
  'trao',
  'khen thưởng',
  'truy tặng',
  'phong tặng',
  'tặng thưởng',
  'công nhận',
  'danh hiệu',
  'trao tặng',
].map((v) => v.split(' '));
/** Words between an issuer and its verb that are not part of the issuer ("đã ký quyết định tặng"). */
const BRIDGE = new Set([
  'cũng',
  'đã',
  'vừa',
  'sẽ',
  'ký',
  'quyết',
  'định',
  'ban',
  'hành',
  'trao',
  'tặng',
  'truy',
  'phong',
  'thưởng',
  'khen',
  'công',
  'nhận',
]);
/** A bridge word, "số", or the decision number itself ("đã ký Quyết định số 1625/QĐ-UBND tặng"). */
const bridges = (word: string) => BRIDGE.has(word) || word === 'số' || /\/qđ-/u.test(word);
/** Words that end an issuer phrase on the left ("được UBND tỉnh tặng"). */
const LEFT_STOP = new Set(['được', 'cho', 'và', 'nhận', 'là', 'với', 'khi', 'nghị']);
/** Words that end an issuer phrase on the right ("Bằng khen của Chủ tịch UBND tỉnh cho …"). */
const RIGHT_STOP = new Set([
  'cho',
  'tặng',
  'vì',
  'về',
  'đã',
  'có',
  'với',
  'trong',
  'nhờ',
  'theo',
  'tại',
  'năm',
  'ngày',
  'trao',
  'do',
  'nhận',
  'khen',
]);

const wordsAt = (words: readonly string[], at: number, wanted: readonly string[]) => wanted.every((w, i) => words[at + i] === w);

/** Stops a phrase at any punctuation between two tokens. */
function joined(prepared: PreparedText, sentence: Sentence, a: number, b: number): boolean {
  const left = sentence.tokens[a];
  const right = sentence.tokens[b];
  return left !== undefined && right !== undefined && adjacent(prepared.text, left, right);
}

function issuerAfter(
  prepared: PreparedText,
  sentence: Sentence,
  words: readonly string[],
  after: number,
): [number, number] | undefined {
  if (!['của', 'do'].includes(words[after] ?? '') || !joined(prepared, sentence, after - 1, after)) return undefined;
  let end = after + 1;
  while (
    end < words.length &&
    end - after <= 10 &&
    !RIGHT_STOP.has(words[end] ?? '') &&
    joined(prepared, sentence, end - 1, end)
  ) {
    end += 1;
  }
  return end > after + 1 ? [after + 1, end] : undefined;
}

function issuerBefore(
  prepared: PreparedText,
  sentence: Sentence,
  words: readonly string[],
  at: number,
): [number, number] | undefined {
  for (let verbEnd = at; verbEnd > Math.max(0, at - 8); verbEnd -= 1) {
    const verb = CONFERRAL_VERBS.find((v) => wordsAt(words, verbEnd - v.length, v));
    if (!verb) continue;
    let end = verbEnd - verb.length;
    while (end > 0 && bridges(words[end - 1] ?? '') && joined(prepared, sentence, end - 1, end)) end -= 1;
    let start = end;
    while (
      start > 0 &&
      end - start < 10 &&
      !LEFT_STOP.has(words[start - 1] ?? '') &&
      joined(prepared, sentence, start - 1, start)
    ) {
      start -= 1;
    }
    return start < end ? [start, end] : undefined;
  }
  return undefined;
}

/** "được biểu dương", "cũng được biểu dương". */
function passive(words: readonly string[], at: number): boolean {
  return (
    words[at - 1] === 'được' ||
    (words[at - 1] === 'cũng' && words[at - 2] === 'được') ||
    (words[at - 2] === 'được' && words[at - 1] === 'cũng')
  );
}

/** For a form that is itself the verb ("Bộ trưởng … đã biểu dương"): the words before it. */
function issuerBeforeVerb(
  prepared: PreparedText,
  sentence: Sentence,
  words: readonly string[],
  at: number,
): [number, number] | undefined {
  let end = at;
  while (end > 0 && bridges(words[end - 1] ?? '') && joined(prepared, sentence, end - 1, end)) end -= 1;
  let start = end;
  while (
    start > 0 &&
    end - start < 10 &&
    !LEFT_STOP.has(words[start - 1] ?? '') &&
    joined(prepared, sentence, start - 1, start)
  ) {
    start -= 1;
  }
  return start < end ? [start, end] : undefined;
}

/** A title in quotes right after the form ("Huy hiệu "Tuổi trẻ dũng cảm""), and an order's class ("hạng Nhì"). */
function extension(prepared: PreparedText, end: number): { end: number; title?: string; grade?: string } {
  const rest = prepared.text.slice(end, end + 80);
  const quoted = /^\s*[“"]([^”"]{2,60})[”"]/u.exec(rest);
  if (quoted?.[1]) return { end: end + quoted[0].length, title: quoted[1] };
  const grade = /^\s+hạng\s+(Nhất|Nhì|Ba)(?!\p{L})/iu.exec(rest);
  if (grade?.[1]) return { end: end + grade[0].length, grade: grade[1] };
  return { end };
}

/**
 * Given prepared text, returns the award forms of Law 06/2022 it writes (AWARD_WORDINGS) with the
 * issuer the same sentence names: after the form ("Bằng khen của Chủ tịch UBND tỉnh"), or before
 * a conferral verb ("UBND tỉnh tặng Bằng khen"). Honorary titles count only after a conferral word.
 */
export function findAwardPatterns(prepared: PreparedText): AwardPattern[] {
  const found: AwardPattern[] = [];
  for (const sentence of prepared.sentences) {
    const words = loweredWords(sentence);
    const folded = foldKey(prepared.text.slice(sentence.start, sentence.end));
    for (let i = 0; i < words.length; i += 1) {
      const wording = AWARD_WORDINGS.find((w) => wordsAt(words, i, w.words));
      if (!wording) continue;
      if (
        wording.needsConferral &&
        !CONFERRAL_VERBS.some((v) => [1, 2, 3, 4].some((k) => wordsAt(words, i - k - v.length + 1, v)))
      ) {
        continue;
      }
      const last = i + wording.words.length;
      const span = spanOf(prepared, sentence, i, last);
      const more = extension(prepared, span.end);
      const issuerSpan = wording.verb
        ? issuerBeforeVerb(prepared, sentence, words, i)
        : (issuerAfter(prepared, sentence, words, last) ?? issuerBefore(prepared, sentence, words, i));
      const issuerPhrase = issuerSpan ? spanOf(prepared, sentence, issuerSpan[0], issuerSpan[1]) : undefined;
      const issuer = issuerPhrase ? classifyIssuer(foldKey(issuerPhrase.text)) : undefined;
      // A verb ("biểu dương") is a commendation only with an issuer or in the passive ("được biểu dương");
      // "tuyên truyền và biểu dương những gương …" is not one.
      if (wording.verb && !issuer && !passive(words, i)) continue;
      const nonState = issuer?.issuerKind === 'MASS_ORGANISATION';
      const form = nonState && wording.form === 'BANG_KHEN' ? 'ORG_BANG_KHEN' : wording.form;
      const level = nonState ? 'ORGANISATION' : (wording.level ?? issuer?.level);
      found.push({
        kind: 'Award',
        wording,
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        first: i,
        last,
        start: span.start,
        end: more.end,
        name: prepared.text.slice(span.start, more.end),
        properties: {
          form,
          category: nonState ? 'NON_STATE' : wording.category,
          ...(level ? { level } : {}),
          ...(more.title ? { title: more.title } : {}),
          ...(more.grade ? { grade: more.grade } : {}),
          ...(wording.collective ? { collective: true } : {}),
          ...(/\btruy tang\b/.test(folded) ? { posthumous: true } : {}),
          ...(/\bdot xuat\b/.test(folded) ? { kind: 'AD_HOC' } : {}),
          ...(issuerPhrase ? { issuerAsWritten: issuerPhrase.text } : {}),
        },
        confidence: issuer ? 0.75 : 0.6,
        reasons: [reason(`hình thức khen thưởng "${span.text}"`, `the award form "${span.text}"`)],
        ...(issuerPhrase ? { issuerPhrase } : {}),
        ...(issuer ? { issuer } : {}),
      });
      i = last - 1;
    }
  }
  return found;
}
