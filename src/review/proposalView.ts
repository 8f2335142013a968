import { createHash } from 'node:crypto';
import { kindOfLabel, type EntityKind } from '../domain/labels';
import type { EntityRef, Flag, Proposal, ProposalStatus, TextPositionSelector, TextQuoteSelector } from '../ingestion/proposal';
import type { Reason } from '../ingestion/reason';

/** One end of a proposed relationship, a link's entity or a date's subject, as the API shows it. */
export interface EndView {
  readonly kind: 'STORY' | 'ENTITY' | 'PROPOSAL';
  /** The story's or entity's id, or the stored id of the proposal that would create it. */
  readonly id: string;
  readonly entityKind: EntityKind | null;
  readonly name: string | null;
}

export interface CandidateView {
  readonly id: string;
  readonly entityKind: EntityKind | null;
  readonly name: string;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

/** What an editor decided, and what was written. */
export interface DecisionView {
  readonly decidedAt: string;
  readonly decidedBy: string;
  /** The entity the decision links, creates or merges into. */
  readonly resultId: string | null;
  readonly reason: string | null;
  /** The edits, as JSON. */
  readonly edits: string | null;
}

/** A stored proposal as the API returns it (schema/ingestion.graphql, type Proposal). */
export interface ProposalView {
  readonly id: string;
  readonly kind: Proposal['kind'];
  readonly status: ProposalStatus;
  readonly storyId: string;
  readonly textId: string;
  readonly textVersion: number;
  readonly current: boolean;
  readonly evidence: {
    readonly quote: TextQuoteSelector;
    readonly position: TextPositionSelector;
    readonly extractor: { readonly name: string; readonly version: string };
    readonly confidence: number;
    readonly reasons: readonly Reason[];
  };
  readonly flags: readonly Flag[];
  readonly occurrences: readonly TextPositionSelector[];
  readonly entity: EndView | null;
  readonly candidates: readonly CandidateView[];
  readonly entityKind: EntityKind | null;
  readonly name: string | null;
  readonly properties: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly relationship: string | null;
  readonly from: EndView | null;
  readonly to: EndView | null;
  readonly date: string | null;
  readonly until: string | null;
  readonly subject: EndView | null;
  readonly decision: DecisionView | null;
}

/** The part of a view fixed at ingestion: everything but the status, whether it is current, and the decision. */
export type StaticView = Omit<ProposalView, 'status' | 'current' | 'decision'>;

/** Given a text version's id and a proposal's id in the extraction, returns the stored proposal's id (stable for the same text). */
export function storedProposalId(textId: string, coreId: string): string {
  return `proposal:${createHash('sha1').update(`${textId}|${coreId}`).digest('hex').slice(0, 20)}`;
}

export interface ViewContext {
  readonly storyId: string;
  readonly textId: string;
  readonly textVersion: number;
  /** Names of entities the proposals point at, by id. */
  readonly names: ReadonlyMap<string, string>;
  /** Names of the proposals' new entities, by their id in the extraction. */
  readonly proposalNames: ReadonlyMap<string, string>;
}

function endOf(ref: EntityRef, context: ViewContext): EndView {
  switch (ref.kind) {
    case 'STORY':
      return { kind: 'STORY', id: context.storyId, entityKind: 'STORY', name: null };
    case 'ENTITY':
      return { kind: 'ENTITY', id: ref.id, entityKind: kindOfLabel(ref.label), name: context.names.get(ref.id) ?? null };
    case 'PROPOSAL':
      return {
        kind: 'PROPOSAL',
        id: storedProposalId(context.textId, ref.proposalId),
        entityKind: kindOfLabel(ref.label),
        name: context.proposalNames.get(ref.proposalId) ?? null,
      };
  }
}

const EMPTY = {
  entity: null,
  candidates: [],
  entityKind: null,
  name: null,
  properties: [],
  relationship: null,
  from: null,
  to: null,
  date: null,
  until: null,
  subject: null,
  occurrences: [],
} as const;

/** Given a proposal of the extraction and where it is stored, returns the fixed part of its view. */
export function staticView(proposal: Proposal, context: ViewContext): StaticView {
  const [quote, position] = proposal.evidence.selectors;
  const base = {
    id: storedProposalId(context.textId, proposal.id),
    kind: proposal.kind,
    storyId: context.storyId,
    textId: context.textId,
    textVersion: context.textVersion,
    evidence: {
      quote,
      position,
      extractor: proposal.evidence.extractor,
      confidence: proposal.evidence.confidence,
      reasons: proposal.evidence.reasons,
    },
    flags: proposal.flags,
  };
  switch (proposal.kind) {
    case 'LINK':
      return {
        ...base,
        ...EMPTY,
        occurrences: proposal.occurrences,
        entity: {
          kind: 'ENTITY',
          id: proposal.entity.id,
          entityKind: kindOfLabel(proposal.entity.label),
          name: proposal.entity.name,
        },
        entityKind: kindOfLabel(proposal.entity.label),
        name: proposal.entity.name,
        candidates: proposal.alternatives.map((a) => ({ id: a.id, entityKind: null, name: a.name, score: a.score, reasons: [] })),
      };
    case 'AMBIGUOUS':
      return {
        ...base,
        ...EMPTY,
        occurrences: proposal.occurrences,
        name: quote.exact,
        candidates: proposal.candidates.map((c) => ({
          id: c.id,
          entityKind: kindOfLabel(c.label),
          name: c.name,
          score: c.score,
          reasons: c.reasons,
        })),
      };
    case 'NEW_ENTITY':
      return {
        ...base,
        ...EMPTY,
        occurrences: proposal.occurrences,
        entityKind: kindOfLabel(proposal.label),
        name: proposal.name,
        properties: Object.entries(proposal.properties).map(([name, value]) => ({ name, value: String(value) })),
      };
    case 'RELATIONSHIP':
      return {
        ...base,
        ...EMPTY,
        relationship: proposal.type,
        from: endOf(proposal.from, context),
        to: endOf(proposal.to, context),
        properties: Object.entries(proposal.properties).map(([name, value]) => ({ name, value })),
      };
    case 'DATE':
      return {
        ...base,
        ...EMPTY,
        date: proposal.value,
        until: proposal.until ?? null,
        subject: proposal.subject ? endOf(proposal.subject, context) : null,
      };
  }
}
