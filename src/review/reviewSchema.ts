import { NAME_KEY_SCHEMA } from '../ingestion/graph/nameKeySchema';

/** Constraints and indexes of ingestion's system nodes (src/migrations runs them; idempotent). */
export const INGESTION_SCHEMA: readonly string[] = [...NAME_KEY_SCHEMA];
