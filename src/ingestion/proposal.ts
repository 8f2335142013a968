import type { Label } from '../domain/labels';
import type { Reason } from './reason';

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) into the normalised text. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface Extractor {
  readonly name: string;
  readonly version: string;
}

/** The quote a proposal rests on, who made it, how sure it is and why. */
export interface Evidence {
  readonly selectors: readonly [TextQuoteSelector, TextPositionSelector];
  readonly extractor: Extractor;
  /** In [0, 1]. */
  readonly confidence: number;
  readonly reasons: readonly Reason[];
}

export type ProposalStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'MERGED';

/** Something a proposal points at: the story being ingested, an entity of the graph, or another proposal's new entity. */
export type EntityRef =
  | { readonly kind: 'STORY' }
  | { readonly kind: 'ENTITY'; readonly id: string; readonly label: Label }
  | { readonly kind: 'PROPOSAL'; readonly proposalId: string; readonly label: Label };

/** A warning a reviewer must see (an issuer without the power to confer a form). */
export interface Flag {
  readonly code: 'ISSUER_MAY_NOT_CONFER' | 'CONFERRAL_UNCHECKED';
  readonly vi: string;
  readonly en: string;
}

interface ProposalBase {
  /** Stable for the same text: re-ingesting an unchanged article proposes the same ids. */
  readonly id: string;
  readonly status: ProposalStatus;
  readonly evidence: Evidence;
  readonly flags: readonly Flag[];
}

/** The text names an entity already in the graph. */
export interface LinkProposal extends ProposalBase {
  readonly kind: 'LINK';
  /** Every place the text names it (the evidence quotes the most telling one). */
  readonly occurrences: readonly TextPositionSelector[];
  readonly entity: { readonly id: string; readonly label: Label; readonly name: string };
  /** Other candidates that were weighed, with their scores. */
  readonly alternatives: ReadonlyArray<{ readonly id: string; readonly name: string; readonly score: number }>;
}

/** The text names one of several entities and context does not say which: the editor chooses. */
export interface AmbiguousProposal extends ProposalBase {
  readonly kind: 'AMBIGUOUS';
  readonly occurrences: readonly TextPositionSelector[];
  readonly candidates: ReadonlyArray<{
    readonly id: string;
    readonly label: Label;
    readonly name: string;
    readonly score: number;
    readonly reasons: readonly Reason[];
  }>;
}

export type NewEntityLabel = 'Person' | 'Agency' | 'Place' | 'Award';

/** The text names an entity the graph lacks. */
export interface NewEntityProposal extends ProposalBase {
  readonly kind: 'NEW_ENTITY';
  readonly occurrences: readonly TextPositionSelector[];
  readonly label: NewEntityLabel;
  readonly name: string;
  readonly properties: Readonly<Record<string, string | number | boolean>>;
}

/** One sentence states a relationship between two entities (or the story and an entity). */
export interface RelationshipProposal extends ProposalBase {
  readonly kind: 'RELATIONSHIP';
  readonly type: 'FEATURES' | 'TOOK_PART_IN' | 'MEMBER_OF' | 'RECEIVED' | 'CONFERRED_BY' | 'FOR_EVENT' | 'PART_OF' | 'LOCATED_IN';
  readonly from: EntityRef;
  readonly to: EntityRef;
  readonly properties: Readonly<Record<string, string>>;
}

/** A date the text gives (ngày 3/4/2023, tháng 10/2020), resolved against the publication date. */
export interface DateProposal extends ProposalBase {
  readonly kind: 'DATE';
  readonly value: string;
  readonly until?: string;
  /** What the date belongs to, when the sentence says (the event it tells of). */
  readonly subject?: EntityRef;
}

export type Proposal = LinkProposal | AmbiguousProposal | NewEntityProposal | RelationshipProposal | DateProposal;
