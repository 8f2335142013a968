import type { SystemLabel } from '../../domain/labels';

/** A story's text as ingested, one node per version: `(:StoryText {id, storyId, hash, text, version, …})`. */
export const STORY_TEXT_LABEL = 'StoryText' satisfies SystemLabel;
/** A pending or decided proposal: `(:Proposal {id, storyId, textId, kind, status, …})-[:PROPOSED_IN]->(:StoryText)`. */
export const PROPOSAL_LABEL = 'Proposal' satisfies SystemLabel;
/** What mergeEntities did: `(:MergeRecord {keepId, dropId, …})`, read to follow a merged id to the node that kept it. */
export const MERGE_RECORD_LABEL = 'MergeRecord' satisfies SystemLabel;
