import { migrate } from '../src/migrations/migrate';
import { withDatabase } from '../src/jobs/withDatabase';

/** `npm run migrate`: creates constraints and indexes and installs the write triggers (idempotent). */
withDatabase(async (graph) => {
  const report = await migrate(graph, { log: (line) => console.log(line) });
  console.log(`Applied ${report.statements.length} idempotent migration statements`);
  if (!report.writes.active) {
    console.warn(`Warning: writes are not validated or recorded on this server: ${report.writes.reason}`);
    process.exitCode = 1;
  } else console.log('Write triggers active: every write is validated and recorded');
});
