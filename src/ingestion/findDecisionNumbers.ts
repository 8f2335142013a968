import type { DateMention } from './extractDates';
import type { PreparedText } from './preparedText';

/** A decision number as written ("1234/QĐ-UBND"), with the date signed when the text gives it right after. */
export interface DecisionMention {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly number: string;
  readonly date?: string;
}

const DECISION = /^\d{1,6}[a-z]?\/(?:\d{4}\/)?QĐ-[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/iu;

/** Given prepared text and its dates, returns the decision numbers it writes ("Quyết định số 1234/QĐ-UBND ngày 15/4/2023"). */
export function findDecisionNumbers(prepared: PreparedText, dates: readonly DateMention[]): DecisionMention[] {
  const found: DecisionMention[] = [];
  for (const sentence of prepared.sentences) {
    for (const token of sentence.tokens) {
      if (!DECISION.test(token.text)) continue;
      const signed = dates.find(
        (d) => d.start > token.end && /^\s*,?\s*ngày\s*$/iu.test(prepared.text.slice(token.end, d.start)),
      );
      found.push({
        sentence: sentence.index,
        start: token.start,
        end: token.end,
        number: token.text,
        ...(signed ? { date: signed.value } : {}),
      });
    }
  }
  return found;
}
