import { CONFIDENCE, type Confidence } from '../../domain/enums';
import type { Decoder } from '../../neo4j/decode';
import { AWARD_ON, EVENT_ON, STORY_ON } from '../shared/period';

/**
 * When a node or relationship of a network holds, as partial ISO dates (YYYY, YYYY-MM or
 * YYYY-MM-DD), for the explorer's time slider and the exports' dynamics:
 *
 * - an event, an award, a story: its own date as precisely as known (`start` only, a point);
 * - a movement: its period (periodFrom..periodTo), else the day it was launched;
 * - a place or an agency: its validity (validFrom..validTo);
 * - a membership: since..until; a containment (PART_OF, LOCATED_IN): validFrom..validTo;
 *   a succession (SUCCEEDED_BY): its date (a point);
 * - anything else (people, collectives, fields and the other relationships): no date, present at all times.
 *
 * One rule, rendered to Cypher here and read by every statement that returns a network.
 */

/** Given a node variable, returns the Cypher expression of its start (a partial date as text, or null). */
export function nodeStartCypher(n: string): string {
  return `CASE
    WHEN ${n}:Event THEN ${EVENT_ON(n)}
    WHEN ${n}:Award THEN ${AWARD_ON(n)}
    WHEN ${n}:Story THEN ${STORY_ON(n)}
    WHEN ${n}:Movement THEN coalesce(${n}.periodFrom, toString(${n}.launchedOn))
    WHEN ${n}:Place OR ${n}:Agency THEN toString(${n}.validFrom)
  END`;
}

/** Given a node variable, returns the Cypher expression of its end (null for points and open validity). */
export function nodeEndCypher(n: string): string {
  return `CASE
    WHEN ${n}:Movement THEN ${n}.periodTo
    WHEN ${n}:Place OR ${n}:Agency THEN toString(${n}.validTo)
  END`;
}

/** Given a relationship variable, returns the Cypher expression of its start. */
export function relationshipStartCypher(r: string): string {
  return `CASE type(${r})
    WHEN 'MEMBER_OF' THEN toString(${r}.since)
    WHEN 'SUCCEEDED_BY' THEN toString(${r}.date)
    WHEN 'PART_OF' THEN toString(${r}.validFrom)
    WHEN 'LOCATED_IN' THEN toString(${r}.validFrom)
  END`;
}

/** Given a relationship variable, returns the Cypher expression of its end. */
export function relationshipEndCypher(r: string): string {
  return `CASE type(${r})
    WHEN 'MEMBER_OF' THEN toString(${r}.until)
    WHEN 'PART_OF' THEN toString(${r}.validTo)
    WHEN 'LOCATED_IN' THEN toString(${r}.validTo)
  END`;
}

/**
 * Decodes a date read by the expressions above: a partial ISO date, else null. A badly stored date
 * (a typo, a number) leaves the element undated rather than failing the answer.
 */
export const looseDate: Decoder<string | null> = (value) =>
  typeof value === 'string' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) ? value : null;

const CONFIDENCES: ReadonlySet<string> = new Set(CONFIDENCE);

/** Decodes a stored confidence: one of the enum's values, else null (never fails the answer). */
export const looseConfidence: Decoder<Confidence | null> = (value) =>
  typeof value === 'string' && CONFIDENCES.has(value) ? (value as Confidence) : null;
