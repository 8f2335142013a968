import type { AwardPattern } from './findAwardPatterns';
import type { DecisionMention } from './findDecisionNumbers';

/** An award form with what its sentence adds once names are resolved: issuer and recipient entities, decision, dates. */
export interface FindAwardResult {
  readonly pattern: AwardPattern;
  /** Gazetteer entities named inside the issuer phrase. */
  readonly issuerIds: readonly string[];
  /** Gazetteer entities the sentence names besides the issuer. */
  readonly recipientIds: readonly string[];
  readonly decision?: DecisionMention;
  /** Dates written in the sentence, or the date the sentence speaks of (referenceDate) when it writes none. */
  readonly dates: readonly string[];
}
