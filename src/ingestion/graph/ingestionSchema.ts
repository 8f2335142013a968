import { NAME_KEY_SCHEMA } from './nameKeySchema';
import { MERGE_RECORD_LABEL, PROPOSAL_LABEL, STORY_TEXT_LABEL } from './ingestionLabels';

/**
 * Constraints and indexes of ingestion's system nodes (src/migrations runs them; idempotent): the
 * name index; text versions by id, by content hash (one story per text) and by story; proposals
 * by id, by story and in queue order; merge records by the id merged away. Stories are found
 * again by URL.
 */
export const INGESTION_SCHEMA: readonly string[] = [
  ...NAME_KEY_SCHEMA,
  `CREATE CONSTRAINT story_text_id_unique IF NOT EXISTS FOR (t:${STORY_TEXT_LABEL}) REQUIRE t.id IS UNIQUE`,
  `CREATE CONSTRAINT story_text_hash_unique IF NOT EXISTS FOR (t:${STORY_TEXT_LABEL}) REQUIRE t.hash IS UNIQUE`,
  `CREATE INDEX story_text_story IF NOT EXISTS FOR (t:${STORY_TEXT_LABEL}) ON (t.storyId)`,
  `CREATE CONSTRAINT proposal_id_unique IF NOT EXISTS FOR (p:${PROPOSAL_LABEL}) REQUIRE p.id IS UNIQUE`,
  `CREATE INDEX proposal_story IF NOT EXISTS FOR (p:${PROPOSAL_LABEL}) ON (p.storyId)`,
  `CREATE INDEX proposal_order IF NOT EXISTS FOR (p:${PROPOSAL_LABEL}) ON (p.order)`,
  `CREATE INDEX merge_record_drop IF NOT EXISTS FOR (m:${MERGE_RECORD_LABEL}) ON (m.dropId)`,
  'CREATE INDEX story_url IF NOT EXISTS FOR (s:Story) ON (s.url)',
];
