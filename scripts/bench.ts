import { parseArgs } from 'node:util';
import { runBench } from '../bench/harness/runBench';
import { DEFAULT_SEED, profileFor } from '../bench/synthetic/profiles';

const USAGE = `usage: npm run bench -- --size S|M|L [--skip-load] [--duration SECONDS] [--only search,places] [--seed N] [--out FILE] [--port N] [--api-inline]

Loads the synthetic graph of the size into its own embedded Neo4j (bench/data/<size>, on a free
Bolt port, or --port, refused when taken; never a server it did not start) if it is not there
yet, starts the compiled API in a process of its own as npm start does (or, with --api-inline,
in this process under tsx, as before), and for every operation in
bench/harness/operations.ts that the schema has: p50/p95/p99 and req/s at 1 and 8
connections over HTTP, the same Cypher through the raw driver, round trips per request (counted
at the driver of an API kept in this process, which the variable sets also go through first) and
the API process's memory, against the targets in docs/ARCHITECTURE.md. Prints Markdown tables; writes bench/results/<size>.json.
--duration is the length of each measured phase (four per operation): 5 s for S, 10 s for M and
30 s for L unless given (an L phase must see movementImpact's national movements several times).`;

/** `npm run bench`: the benchmark harness (see USAGE). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      'skip-load': { type: 'boolean', default: false },
      duration: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      port: { type: 'string' },
      'api-inline': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const size = profileFor(values.size).name;
  const seconds = Number(values.duration ?? (size === 'S' ? 5 : size === 'M' ? 10 : 30));
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new Error(`--duration must be 1 to 600 seconds\n${USAGE}`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    throw new Error(`--port must be a TCP port (1 to 65535), got ${values.port}\n${USAGE}`);
  }
  await runBench({
    size,
    seed: values.seed ? Number(values.seed) : DEFAULT_SEED,
    seconds,
    skipLoad: values['skip-load'],
    only: values.only
      ? values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    out: values.out,
    port,
    api: values['api-inline'] ? 'inline' : 'process',
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    log: (line) => console.error(`[bench] ${line}`),
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
