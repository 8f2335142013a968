import { type ArticleContext, mentionDate, paragraphDates, proximity } from './articleContext';
import { evidenceWeight } from './evidenceWeight';
import { foldKey } from './foldKey';
import { unitWordAt } from './placeUnitWords';
import type { Candidate, Mention } from './mention';
import { dateAgreement, dateBounds, validOn } from './partialDate';
import { type Reason, reason } from './reason';
import { vietnameseDate } from './vietnameseLabels';

export interface CandidateScore {
  readonly candidate: Candidate;
  readonly score: number;
  /** The part of the score that comes from what else the article names and dates. */
  readonly contextScore: number;
  /** The unit did not exist yet on the date the sentence speaks of: it cannot be meant. */
  readonly notYet: boolean;
  readonly reasons: readonly Reason[];
}

/** A bare place name usually means the higher unit: "Đồng Văn" is the district before it is the town. */
const BARE_LEVEL_BONUS: Readonly<Record<string, number>> = { PROVINCE: 1.5, DISTRICT: 1, COMMUNE: 0, VILLAGE: -0.5 };
const CONTEXT_CAP = 6;
/** Validity on the date outweighs any context (VALID - INVALID > CONTEXT_CAP): a unit that did not exist then is not meant. */
const VALID = 3;
const INVALID = -4;
const DATE_CAP = 3;

/**
 * Given a mention, one of its candidates and the article context, returns the candidate's score
 * and the reasons, each a rule stated in `reasons`: how the name met the text, validity on the
 * date the sentence speaks of, the level a bare place name usually means, the entities of its
 * context the article also names (weighted by how telling they are and how close), the dates it
 * shares with the article, a matching rank, and a person who died before the events told.
 */
export function scoreCandidate(mention: Mention, candidate: Candidate, context: ArticleContext): CandidateScore {
  const reasons: Reason[] = [];
  const { entry, key } = candidate;
  let score = 0;

  if (key.source === 'LOOSE') {
    score -= 1;
    reasons.push(reason(`tên gần trùng, khác cách viết ("${mention.text}" / "${key.surface}")`, 'near-identical spelling'));
  } else if (candidate.asWritten) {
    score += 1;
    reasons.push(reason('tên trùng khớp nguyên văn', 'name matches as written'));
  } else {
    score += 0.5;
    reasons.push(reason('tên trùng khớp (bỏ dấu)', 'name matches once diacritics are removed'));
  }

  let notYet = false;
  if (entry.validFrom !== undefined || entry.validTo !== undefined) {
    const on = mentionDate(context, mention.sentence, mention.end);
    notYet = entry.validFrom !== undefined && dateBounds(on)[1] < entry.validFrom && !mention.former;
    if (mention.former) {
      const dissolved = entry.validTo !== undefined;
      score += dissolved ? VALID : INVALID;
      reasons.push(
        dissolved
          ? reason('bài ghi rõ "cũ": đơn vị trước khi sắp xếp', 'the text says "former": a unit that has since ended')
          : reason('bài ghi "cũ" nhưng đơn vị này mới thành lập', 'the text says "former" but this unit is new'),
      );
    } else if (validOn(on, entry.validFrom, entry.validTo)) {
      score += VALID;
      reasons.push(reason(`có hiệu lực vào ${vietnameseDate(on)}`, `valid on ${on}`));
    } else {
      score += INVALID;
      reasons.push(reason(`không có hiệu lực vào ${vietnameseDate(on)}`, `not valid on ${on}`));
    }
  }

  if (entry.label === 'Place' && (key.source === 'BARE' || key.source === 'ALIAS') && !unitWordAt(key.words, 0)) {
    if (mention.unitBefore) {
      score += 0.5;
      reasons.push(
        reason(`có từ "${mention.unitBefore.unitType}" đứng trước`, `preceded by the unit word "${mention.unitBefore.unitType}"`),
      );
    } else {
      const bonus = BARE_LEVEL_BONUS[entry.level ?? ''] ?? 0;
      score += bonus;
      if (bonus > 0) {
        reasons.push(
          reason('tên không kèm cấp hành chính thường chỉ đơn vị cấp cao hơn', 'a bare place name usually means the higher unit'),
        );
      }
    }
  }

  const contextScore = contextEvidence(mention, candidate, context, reasons) + dateEvidence(mention, candidate, context, reasons);
  score += contextScore;

  if (entry.label === 'Person') score += personEvidence(mention, candidate, context, reasons);
  return { candidate, score, contextScore, reasons, notYet };
}

function contextEvidence(mention: Mention, candidate: Candidate, context: ArticleContext, reasons: Reason[]): number {
  const { entry } = candidate;
  const related = [
    ...entry.context.placeIds,
    ...entry.context.agencyIds,
    ...entry.context.eventIds,
    ...entry.context.personIds,
    ...entry.context.awardIds,
    ...entry.context.fieldIds,
  ];
  const found: Array<{ name: string; points: number }> = [];
  for (const id of related) {
    const sightings = (context.sightings.get(id) ?? []).filter((s) => s.start !== mention.start);
    if (sightings.length === 0) continue;
    const best = Math.max(...sightings.map((s) => proximity(mention.sentence, mention.paragraph, s)));
    const first = sightings[0];
    if (first) found.push({ name: first.entry.name, points: evidenceWeight(first.entry) * best });
  }
  const elsewhere = (context.sightings.get(entry.id) ?? []).filter((s) => s.start !== mention.start);
  if (elsewhere.length > 0) found.push({ name: '', points: 1.5 });
  found.sort((a, b) => b.points - a.points);
  const total = Math.min(
    CONTEXT_CAP,
    found.reduce((sum, f) => sum + f.points, 0),
  );
  for (const f of found.filter((f) => f.points > 0).slice(0, 3)) {
    reasons.push(
      f.name === ''
        ? reason('đã nhận diện cùng thực thể ở chỗ khác trong bài', 'the same entity is named elsewhere in the article')
        : reason(`cùng ${f.name} trong bài`, `${f.name} is also named in the article`),
    );
  }
  return total;
}

function dateEvidence(mention: Mention, candidate: Candidate, context: ArticleContext, reasons: Reason[]): number {
  let best = 0;
  let shown = '';
  for (const own of candidate.entry.context.dates) {
    for (const written of context.dates) {
      const agreement = dateAgreement(own, written.value);
      const points =
        ([0, 0.5, 1.2, 2][agreement] ?? 0) *
        proximity(mention.sentence, mention.paragraph, {
          sentence: written.sentence,
          paragraph: context.prepared.sentences[written.sentence]?.paragraph ?? -1,
        });
      if (points > best) [best, shown] = [points, written.value];
    }
  }
  if (best > 0) {
    reasons.push(reason(`trùng thời gian ${vietnameseDate(shown)} nêu trong bài`, `shares the date ${shown} with the article`));
  }
  return Math.min(DATE_CAP, best);
}

function personEvidence(mention: Mention, candidate: Candidate, context: ArticleContext, reasons: Reason[]): number {
  const { entry } = candidate;
  let score = 0;
  const ranks = [entry.rank, entry.rankAsInSource].filter((r): r is string => r !== undefined).map(foldKey);
  const rank = mention.titles.find((t) => t.kind === 'RANK' && ranks.includes(foldKey(t.written)));
  if (rank) {
    score += 1;
    reasons.push(reason(`cấp bậc "${rank.written}" khớp`, `rank "${rank.written}" matches`));
  }
  if (entry.diedOn) {
    const dates = paragraphDates(context, mention.sentence);
    if (
      dates.length > 0 &&
      dates.every((d) => d.value.slice(0, entry.diedOn?.length) > (entry.diedOn ?? '').slice(0, d.value.length))
    ) {
      score -= 4;
      reasons.push(
        reason(
          `người này đã mất ngày ${vietnameseDate(entry.diedOn)}, trước thời điểm nêu trong đoạn`,
          `died on ${entry.diedOn}, before the dates in the paragraph`,
        ),
      );
    }
  }
  return score;
}
