import type {
  MutationAcceptProposalArgs,
  MutationIngestArticleArgs,
  MutationMergeEntitiesArgs,
  MutationRejectProposalArgs,
  QueryConferrableByArgs,
  QueryConferralAuthorityArgs,
  QueryProposalsArgs,
  QueryStoryForReviewArgs,
} from '../../generated/resolvers-types';
import { createGraphGazetteer } from '../../ingestion/graph/createGraphGazetteer';
import { acceptProposal, type DecisionOutcome } from '../../review/acceptProposal';
import {
  conferrableByAnswer,
  conferralAuthorityAnswer,
  type ConferrableByAnswer,
  type ConferralRuleView,
} from '../../review/conferralQueries';
import { ingestArticle, type IngestOutcome } from '../../review/ingestArticle';
import { listProposals, type ProposalPage } from '../../review/listProposals';
import { mergeEntities, type MergeOutcome } from '../../review/mergeEntities';
import { rejectProposal } from '../../review/rejectProposal';
import { storyForReview, type StoryForReview } from '../../review/storyTexts';
import type { Context } from '../../server/context';
import { text } from './args';
import { requireEditor } from './requireEditor';

/** Mutation.ingestArticle: an editor's article in, its proposals out (src/review/ingestArticle.ts). */
export async function ingestArticleResolver(
  _root: unknown,
  args: MutationIngestArticleArgs,
  context: Context,
): Promise<IngestOutcome & { source: 'TEXT' | 'HTML' }> {
  const editor = requireEditor(context);
  const outcome = await ingestArticle({ graph: context.graph, gazetteer: createGraphGazetteer(context.graph) }, args.input, {
    ...editor,
    operation: 'ingestArticle',
  });
  return { ...outcome, source: args.input.html ? 'HTML' : 'TEXT' };
}

/** Mutation.acceptProposal. */
export function acceptProposalResolver(
  _root: unknown,
  args: MutationAcceptProposalArgs,
  context: Context,
): Promise<DecisionOutcome> {
  return acceptProposal(context.graph, args.id, args.edits, requireEditor(context));
}

/** Mutation.rejectProposal. */
export function rejectProposalResolver(
  _root: unknown,
  args: MutationRejectProposalArgs,
  context: Context,
): Promise<DecisionOutcome> {
  return rejectProposal(context.graph, args.id, args.reason, requireEditor(context));
}

/** Mutation.mergeEntities. */
export function mergeEntitiesResolver(_root: unknown, args: MutationMergeEntitiesArgs, context: Context): Promise<MergeOutcome> {
  return mergeEntities(context.graph, args.keepId, args.dropId, requireEditor(context));
}

/** Query.proposals: the review queue, for editors. */
export function proposalsResolver(_root: unknown, args: QueryProposalsArgs, context: Context): Promise<ProposalPage> {
  requireEditor(context);
  return listProposals(context.graph, args);
}

/** Query.storyForReview: a story's current text, for editors. */
export async function storyForReviewResolver(
  _root: unknown,
  args: QueryStoryForReviewArgs,
  context: Context,
): Promise<StoryForReview | null> {
  requireEditor(context);
  return (await storyForReview(context.graph, text('id', args.id, 200))) ?? null;
}

/** Query.conferralAuthority: public rule data. */
export function conferralAuthorityResolver(_root: unknown, args: QueryConferralAuthorityArgs): ConferralRuleView[] {
  return conferralAuthorityAnswer(args.form, args.level, args.on);
}

/** Query.conferrableBy: public rule data, by an agency or a level and kind. */
export function conferrableByResolver(
  _root: unknown,
  args: QueryConferrableByArgs,
  context: Context,
): Promise<ConferrableByAnswer> {
  return conferrableByAnswer(context.graph, args);
}
