import type { ArticleContext } from './articleContext';
import type { FindAwardResult } from './awardReading';
import type { EventMatch } from './matchEvents';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { dateAgreement } from './partialDate';
import { type Reason, reason } from './reason';

/** An award form in the text that is a conferral the graph already holds. */
export interface AwardMatch {
  readonly entry: GazetteerEntry;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

/**
 * Given the award forms read from the text, returns for each the award of the graph it reports,
 * if any: same form, no other year, and at least two points from its event (told in the article,
 * 2), its issuer (named in the issuer phrase, 2), its decision number (3), its date (1) and its
 * recipients (1), of which something besides the issuer.
 * Candidates are the awards of the events, agencies and people the article names.
 */
export async function matchAwards(
  gazetteer: Gazetteer,
  awards: readonly FindAwardResult[],
  context: ArticleContext,
  events: readonly EventMatch[],
): Promise<Map<FindAwardResult, AwardMatch>> {
  const ids = new Set<string>();
  for (const event of events) for (const id of event.entry.context.awardIds) ids.add(id);
  for (const list of context.sightings.values()) for (const id of list[0]?.entry.context.awardIds ?? []) ids.add(id);
  for (const [id, list] of context.sightings) if (list[0]?.entry.label === 'Award') ids.add(id);
  const candidates = ids.size === 0 ? [] : (await gazetteer.byIds([...ids])).filter((e) => e.label === 'Award');
  const eventIds = new Set(events.map((e) => e.entry.id));
  const result = new Map<FindAwardResult, AwardMatch>();
  for (const award of awards) {
    let best: AwardMatch | undefined;
    for (const entry of candidates) {
      if (entry.form !== award.pattern.properties.form) continue;
      // An award of another year is another conferral, whoever signed it.
      if (entry.date && award.dates.length > 0 && !award.dates.some((d) => d.slice(0, 4) === entry.date?.slice(0, 4))) continue;
      const reasons: Reason[] = [reason('cùng hình thức khen thưởng', 'same form')];
      let score = 0;
      let specific = false;
      if (entry.context.eventIds.some((id) => eventIds.has(id))) {
        score += 2;
        specific = true;
        reasons.push(reason('cùng sự kiện được nêu trong bài', 'for the event the article tells of'));
      }
      if (award.issuerIds.some((id) => entry.context.agencyIds.includes(id))) {
        score += 2;
        reasons.push(reason('cùng cơ quan khen thưởng', 'same issuer'));
      }
      if (award.decision && entry.decisionNo === award.decision.number) {
        score += 3;
        specific = true;
        reasons.push(reason(`cùng số quyết định ${award.decision.number}`, 'same decision number'));
      }
      if (entry.date && award.dates.some((d) => dateAgreement(entry.date ?? '', d) >= 2)) {
        score += 1;
        specific = true;
        reasons.push(reason('cùng thời gian', 'same date'));
      }
      if (award.recipientIds.some((id) => entry.context.personIds.includes(id) || entry.context.agencyIds.includes(id))) {
        score += 1;
        specific = true;
        reasons.push(reason('cùng người/đơn vị được khen', 'same recipient'));
      }
      // The same issuer alone is not enough: a province confers thousands of Bằng khen.
      if (specific && score >= 2 && (!best || score > best.score)) best = { entry, score, reasons };
    }
    if (best) result.set(award, best);
  }
  return result;
}
