import type { RelationshipType } from '../../domain/relationships';
import { assertNever } from '../../errors/assertNever';
import { EVENT_KIND_LABELS, type EventKind } from './eventKinds';
import type { SharedNode } from './relatedScore';

/** The reader paths beyond shared nodes (relatedStoryPaths.ts). */
export const STORY_PATH_LINKS = [
  'SAME_PLACE',
  'SAME_PLACE_TODAY',
  'SAME_EVENT_KIND',
  'SAME_AGENCY',
  'SAME_FIELD',
  'SIMILAR_EXEMPLAR',
  'CLOSE_IN_TIME',
  'SAME_COMMENDATION',
] as const;
export type StoryPathLink = (typeof STORY_PATH_LINKS)[number];

/** How a related story is linked to what was asked about. */
export type StoryLink = 'FEATURES_IT' | 'FEATURES_NEIGHBOUR' | 'FEATURES_SAME' | StoryPathLink;

/** One node a candidate story features, as the query found it, before scoring. */
export interface StoryEvidence {
  readonly link: StoryLink;
  readonly node: SharedNode;
  /** For FEATURES_NEIGHBOUR: the relationship type between the entity and the node. */
  readonly relationship: string | null;
  /** For FEATURES_NEIGHBOUR: true when the relationship points from the entity to the node. */
  readonly outward: boolean | null;
  readonly degree: number;
  /** For an agency or a place: its level (PROVINCE, DISTRICT, UNIT …), which scales a shared one. */
  readonly level?: string | null;
  /** For a reader path: what scales its weight (the unit's level, the kind's narrowness, the closeness in time). */
  readonly factor?: number;
  /** For SAME_EVENT_KIND and CLOSE_IN_TIME: the kind both report. */
  readonly eventKind?: EventKind;
  /** For SIMILAR_EXEMPLAR: what the two exemplars share. */
  readonly via?: SharedNode;
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
    case 'SAME_PLACE':
      return `also in ${name}`;
    case 'SAME_PLACE_TODAY':
      return `in what is ${name} since the 2025 merger`;
    case 'SAME_EVENT_KIND':
      return `also ${EVENT_KIND_LABELS[evidence.eventKind ?? 'RESCUE']}`;
    case 'SAME_AGENCY':
      return `${name} at work again`;
    case 'SAME_FIELD':
      return `also about ${name}`;
    case 'SIMILAR_EXEMPLAR':
      return evidence.via ? `features ${name}, who shares ${evidence.via.name}` : `features ${name}, a similar exemplar`;
    case 'CLOSE_IN_TIME':
      return `${EVENT_KIND_LABELS[evidence.eventKind ?? 'RESCUE']} close in time`;
    case 'SAME_COMMENDATION':
      return `the same kind of commendation: ${name}`;
    default:
      return assertNever(evidence.link);
  }
}
