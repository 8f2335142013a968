import { summariseImpact } from '../../analytics/movement/movementImpact';
import { inProcessBaseWork } from '../../analytics/movement/movementImpactBases';
import { loadConfig } from '../../config';
import { openDatabase } from '../../neo4j/openDatabase';
import { wrapStrings, type WorkFailure, type WorkReply, type WorkRequest } from './protocol';

/**
 * The API's movement base worker (server/movementBaseWorker.ts starts it): reads a movement's base
 * and derives the answers of periods from it, as the API would in its own process, so a national
 * movement's transient hundreds of megabytes are this process's and never the API's. Connects to
 * the server NEO4J_URI names (the API's own); at most two requests are worked on at once (the
 * machine's two cores; each national one holds its whole row), the rest wait in order. Exits when
 * the API disconnects (when it stops, or when the worker has been idle a while).
 */
const AT_ONCE = 2;

function failure(error: unknown): WorkFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

// Listening from the first moment: a request sent while the driver is being set up waits for it.
const waiting: WorkRequest[] = [];
let running = 0;
let next = () => {};
process.on('message', (request: WorkRequest) => {
  waiting.push(request);
  next();
});
// The API went away (or stopped this worker): nothing is left to answer.
process.once('disconnect', () => process.exit(0));

async function main(): Promise<void> {
  const db = await openDatabase(loadConfig(process.env));
  const work = inProcessBaseWork(summariseImpact);
  const reply = (message: WorkReply) => {
    if (process.connected) process.send?.(message);
  };
  next = () => {
    while (running < AT_ONCE && waiting.length > 0) {
      const request = waiting.shift()!;
      running += 1;
      const doing =
        request.op === 'read'
          ? work.read(db.graph, request.id, request.period)
          : work.derive(request.movement, request.packed, request.period);
      doing
        .then(
          (value) => reply({ n: request.n, value: wrapStrings(value) }),
          (error: unknown) => reply({ n: request.n, error: failure(error) }),
        )
        .finally(() => {
          running -= 1;
          next();
        });
    }
  };
  next();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
