import type { RelationshipType } from '../../domain/relationships';
import { assertNever } from '../../errors/assertNever';
import type { SharedNode } from './relatedScore';

/** How a related story is linked to what was asked about. */
export type StoryLink = 'FEATURES_IT' | 'FEATURES_NEIGHBOUR' | 'FEATURES_SAME';

/** One node a candidate story features, as the query found it, before scoring. */
export interface StoryEvidence {
  readonly link: StoryLink;
  readonly node: SharedNode;
  /** For FEATURES_NEIGHBOUR: the relationship type between the entity and the node. */
  readonly relationship: string | null;
  /** For FEATURES_NEIGHBOUR: true when the relationship points from the entity to the node. */
  readonly outward: boolean | null;
  readonly degree: number;
}

/**
 * What a neighbour is to the entity, per relationship type: [node → entity, entity → node].
 * Every domain type (src/domain/relationships.ts) but FEATURES and PUBLISHED_BY, which never link to a
 * neighbour (stories are results).
 */
const NEIGHBOUR_PHRASES: Readonly<Record<Exclude<RelationshipType, 'FEATURES' | 'PUBLISHED_BY'>, readonly [string, string]>> = {
  TOOK_PART_IN: ['which took part in it', 'which it took part in'],
  OCCURRED_IN: ['which happened there', 'where it happened'],
  MEMBER_OF: ['a member of it', 'which it is a member of'],
  ACTIVE_IN: ['who is active in it', 'its field'],
  RECEIVED: ['who received it', 'which it received'],
  CONFERRED_BY: ['which it conferred', 'which conferred it'],
  FOR_EVENT: ['an award given for it', 'the event it was given for'],
  UNDER_MOVEMENT: ['which belongs to this movement', 'the movement it belongs to'],
  EXEMPLAR_OF: ['an exemplar of it', 'the movement it exemplifies'],
  LAUNCHED_BY: ['which it launched', 'which launched it'],
  PART_OF: ['which is part of it', 'which it is part of'],
  LOCATED_IN: ['which is located there', 'where it is located'],
  SUCCEEDED_BY: ['which it replaced', 'which replaced it'],
  FLOWS_THROUGH: ['which flows through it', 'which it flows through'],
};

/** Given how the entity and its neighbour are related, returns what the neighbour is to it. */
export function neighbourPhrase(relationship: string | null, outward: boolean | null): string {
  const phrases =
    relationship === null
      ? undefined
      : (NEIGHBOUR_PHRASES as Readonly<Record<string, readonly [string, string] | undefined>>)[relationship];
  if (!phrases) return relationship === null ? 'linked to it' : `linked to it by ${relationship}`;
  return outward ? phrases[1] : phrases[0];
}

/** Given one piece of evidence, returns the sentence the widget shows as the reason. */
export function explainStoryReason(evidence: StoryEvidence): string {
  const name = evidence.node.name;
  switch (evidence.link) {
    case 'FEATURES_IT':
      return `features ${name}`;
    case 'FEATURES_SAME':
      return `also features ${name}`;
    case 'FEATURES_NEIGHBOUR': {
      const phrase = neighbourPhrase(evidence.relationship, evidence.outward);
      return `features ${name}, ${evidence.node.kind === 'Person' ? phrase.replace(/^which /, 'who ') : phrase}`;
    }
    default:
      return assertNever(evidence.link);
  }
}
