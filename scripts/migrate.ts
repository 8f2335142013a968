import { migrate } from '../src/migrations/migrate';
import { withDatabase } from '../src/jobs/withDatabase';

/** `npm run migrate`: creates constraints and indexes (idempotent). */
withDatabase(async (graph) => {
  const ran = await migrate(graph);
  console.log(`Applied ${ran.length} idempotent migration statements`);
});
