import type { ArticleContext, Sighting } from './articleContext';
import type { DateMention } from './extractDates';
import type { GazetteerEntry } from './gazetteer';
import type { Mention } from './mention';
import type { PreparedText } from './preparedText';
import { type Reason, reason } from './reason';
import { type CandidateScore, scoreCandidate } from './scoreCandidate';

export type Resolution =
  | {
      readonly outcome: 'LINK';
      readonly mention: Mention;
      readonly best: CandidateScore;
      readonly others: readonly CandidateScore[];
      readonly confidence: number;
    }
  | {
      readonly outcome: 'AMBIGUOUS';
      readonly mention: Mention;
      readonly ranked: readonly CandidateScore[];
      readonly reasons: readonly Reason[];
    }
  | { readonly outcome: 'NONE'; readonly mention: Mention; readonly reasons: readonly Reason[] };

/** Between namesake people the best must lead by this much and rest on context; anything less is left to the editor. */
const PERSON_MARGIN = 2;
const PERSON_MIN_CONTEXT = 1.5;
const OTHER_MARGIN = 1;
const ROUNDS = 3;

/**
 * Given the mentions, the prepared text, its dates and the publication date, returns one
 * resolution per mention. Mentions with a single candidate are sightings from the start; each
 * round scores every candidate against the sightings so far (scoreCandidate) and adds the links it
 * settles, so a settled commune helps the person in the next sentence. A person is linked only when
 * context clearly favours one namesake (PERSON_MARGIN); otherwise the mention is AMBIGUOUS with
 * its ranked candidates, never a guess. A weak key (acronym, cut agency name) links only with
 * context. A unit created after the date the sentence speaks of is never meant (one that has since
 * ended may be: news tells history).
 */
export function resolveMentions(
  mentions: readonly Mention[],
  prepared: PreparedText,
  dates: readonly DateMention[],
  publishedAt: string,
): { resolutions: Resolution[]; context: ArticleContext } {
  let sightings = initialSightings(mentions);
  let resolutions: Resolution[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const context: ArticleContext = { prepared, publishedAt, dates, sightings };
    resolutions = mentions.map((mention) => resolveOne(mention, context));
    sightings = initialSightings(mentions);
    for (const r of resolutions) if (r.outcome === 'LINK') addSighting(sightings, r.best.candidate.entry, r.mention);
  }
  return { resolutions, context: { prepared, publishedAt, dates, sightings } };
}

function addSighting(sightings: Map<string, Sighting[]>, entry: GazetteerEntry, mention: Mention): void {
  const list = sightings.get(entry.id) ?? [];
  if (!list.some((s) => s.start === mention.start)) {
    list.push({ entry, sentence: mention.sentence, paragraph: mention.paragraph, start: mention.start, end: mention.end });
  }
  sightings.set(entry.id, list);
}

function initialSightings(mentions: readonly Mention[]): Map<string, Sighting[]> {
  const sightings = new Map<string, Sighting[]>();
  for (const mention of mentions) {
    const strong = mention.candidates.filter((c) => !c.weak);
    const only = strong.length === 1 && mention.candidates.length === 1 ? strong[0] : undefined;
    if (only) addSighting(sightings, only.entry, mention);
  }
  return sightings;
}

function resolveOne(mention: Mention, context: ArticleContext): Resolution {
  const scored = mention.candidates
    .map((candidate) => scoreCandidate(mention, candidate, context))
    .filter((s) => (!s.candidate.weak || s.contextScore > 0) && !s.notYet)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) {
    return {
      outcome: 'NONE',
      mention,
      reasons: [
        reason(
          'tên rút gọn không có ngữ cảnh xác nhận, hoặc đơn vị chưa thành lập vào thời điểm đó',
          'a weak name with no supporting context, or a unit not yet created on the date',
        ),
      ],
    };
  }
  const margin = second ? best.score - second.score : 4;
  const people = scored.filter((s) => s.candidate.entry.label === 'Person').length;
  const decided =
    second === undefined ||
    (people > 1 ? margin >= PERSON_MARGIN && best.contextScore >= PERSON_MIN_CONTEXT : margin >= OTHER_MARGIN);
  if (!decided) {
    return {
      outcome: 'AMBIGUOUS',
      mention,
      ranked: scored,
      reasons: [
        people > 1
          ? reason(
              'nhiều người trùng hoặc gần trùng tên, ngữ cảnh chưa đủ để phân biệt',
              'several people share or nearly share the name; context does not decide',
            )
          : reason(
              'nhiều thực thể trùng tên, ngữ cảnh chưa đủ để phân biệt',
              'several entities share the name; context does not decide',
            ),
      ],
    };
  }
  const confidence = Math.min(0.98, Math.max(0.05, 0.5 + 0.06 * best.score + 0.05 * Math.min(margin, 4)));
  return { outcome: 'LINK', mention, best, others: scored.slice(1), confidence: Math.round(confidence * 100) / 100 };
}
