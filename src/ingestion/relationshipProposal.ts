import { makeEvidence, proposalId } from './makeEvidence';
import type { EntityRef, Flag, RelationshipProposal } from './proposal';
import type { Reason } from './reason';
import { refKey } from './item';

/**
 * Given a relationship's type, ends, properties and the range of text that states it, returns the
 * pending proposal, its id stable for the same ends and type (one proposal per pair, whatever the role).
 */
export function relationshipProposal(
  text: string,
  type: RelationshipProposal['type'],
  from: EntityRef,
  to: EntityRef,
  properties: Readonly<Record<string, string>>,
  range: { start: number; end: number },
  confidence: number,
  reasons: readonly Reason[],
  flags: readonly Flag[] = [],
): RelationshipProposal {
  return {
    id: proposalId(type, refKey(from), refKey(to)),
    kind: 'RELATIONSHIP',
    status: 'PENDING',
    type,
    from,
    to,
    properties,
    evidence: makeEvidence(text, range.start, range.end, confidence, reasons),
    flags,
  };
}

/** Given two items' ranges, returns the range of text from the first to the last: the quote that states their relationship. */
export const covering = (a: { start: number; end: number }, b: { start: number; end: number }) => ({
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end),
});
