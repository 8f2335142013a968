import { createLogger } from '../../src/logging/createLogger';
import { warmUpPlans } from '../../src/server/warmUpPlans';
import { printedSchema } from '../fuzz/printedSchema';
import { runFuzz } from '../fuzz/runFuzz';
import { startTestApi, type TestApi } from '../support/startTestApi';

/**
 * A few hundred generated requests against the real API in production mode (tests/fuzz: documents
 * and variables from the schema with hostile values, broken documents, malformed HTTP; the same
 * requests on every run for a seed). `npm run fuzz -- --count N` runs more against its own
 * database. The promise checked: no HTTP 5xx, no INTERNAL_SERVER_ERROR, no stack trace, no
 * suggestion of the schema's names.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: { NODE_ENV: 'production', HEAVY_QUEUE: '1000', HEAVY_QUEUE_TIMEOUT_MS: '60000' } });
  // As npm start does once it listens.
  await warmUpPlans(api.graph, createLogger({ level: 'silent' }));
}, 300_000);
afterAll(() => api?.close());

describe('the fuzz suite', () => {
  it(`answers ${COUNT} generated requests (seed ${SEED}) without a 5xx, an internal error, a stack trace or a suggestion`, async () => {
    const report = await runFuzz(api.url, printedSchema(), { count: COUNT, seed: SEED, concurrency: 2, production: true });
    process.stdout.write(
      `\n[fuzz] ${report.total} requests in ${report.millis} ms, by status ${JSON.stringify(report.byStatus)}\n`,
    );
    expect(
      report.violations.map(
        (v) => `[${v.rule}] ${v.what} → ${v.status}: ${v.request.slice(0, 300)} ⇒ ${v.excerpt.slice(0, 200)}`,
      ),
    ).toEqual([]);
    // The suite reached the API's answers, not only its refusals.
    expect(report.byStatus['200']).toBeGreaterThan(COUNT / 10);
  }, 600_000);
});
