import { parseArgs } from 'node:util';
import { runIngestBench } from '../bench/harness/ingestArticleBench';
import { profileFor } from '../bench/synthetic/profiles';

const USAGE = `usage: npm run bench:ingest -- --size S|M|L [--requests 12] [--port N]

Ingests distinct 1,500-word articles through the ingestArticle mutation of the real API, served in
this process over the bench database of the size (load it first: npm run synthetic:load -- --size
M), one at a time, and prints the latency, the gazetteer statement's cost and the API's memory
against the target (a 1,500-word article at L in ≤ 1 s). Writes bench/results/ingest-<size>.json.`;

/** \`npm run bench:ingest\`: the ingestArticle entry of the bench (bench/harness/ingestArticleBench.ts). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      requests: { type: 'string', default: '12' },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const requests = Number(values.requests);
  if (!Number.isInteger(requests) || requests < 1 || requests > 500) throw new Error(`--requests must be 1 to 500\n${USAGE}`);
  const lines = await runIngestBench({
    size: profileFor(values.size).name,
    requests,
    port: values.port === undefined ? undefined : Number(values.port),
    log: (line) => console.error(`[bench:ingest] ${line}`),
  });
  console.log(lines.join('\n'));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
