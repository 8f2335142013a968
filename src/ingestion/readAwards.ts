import type { FindAwardResult } from './awardReading';
import type { DateMention } from './extractDates';
import type { AwardPattern } from './findAwardPatterns';
import type { DecisionMention } from './findDecisionNumbers';
import type { Item } from './item';

/**
 * Given the award forms found, the linked items, the decision numbers and the dates, returns each
 * award with the entities of its issuer phrase, the other entities of its sentence, the decision
 * number of its sentence and the sentence's dates (or, when it has none, the date it speaks of).
 */
export function readAwards(
  awards: readonly AwardPattern[],
  items: readonly Item[],
  decisions: readonly DecisionMention[],
  dates: readonly DateMention[],
  dateOf: (sentence: number) => string,
): FindAwardResult[] {
  return awards.map((pattern) => {
    const phrase = pattern.issuerPhrase;
    const inPhrase = (i: Item) => phrase !== undefined && i.start >= phrase.start && i.end <= phrase.end;
    const sentenceItems = items.filter((i) => i.sentence === pattern.sentence && i.entry !== undefined);
    const decision = decisions.find((d) => d.sentence === pattern.sentence);
    return {
      pattern,
      issuerIds: sentenceItems.filter(inPhrase).map((i) => i.entry?.id ?? ''),
      recipientIds: sentenceItems.filter((i) => !inPhrase(i)).map((i) => i.entry?.id ?? ''),
      ...(decision ? { decision } : {}),
      dates: ((written) => (written.length > 0 ? written : [dateOf(pattern.sentence)]))(
        dates.filter((d) => d.sentence === pattern.sentence).map((d) => d.value),
      ),
    };
  });
}
