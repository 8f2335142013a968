import { NAME_KEY_LABEL } from './nameKeys';

/**
 * The name index's schema (src/migrations runs it): keys are looked up by key, and rewritten or
 * removed by entity id. Neither is unique: two entities share a name, and one entity has several keys.
 */
export const NAME_KEY_SCHEMA: readonly string[] = [
  `CREATE INDEX name_key_key IF NOT EXISTS FOR (k:${NAME_KEY_LABEL}) ON (k.key)`,
  `CREATE INDEX name_key_id IF NOT EXISTS FOR (k:${NAME_KEY_LABEL}) ON (k.id)`,
];
