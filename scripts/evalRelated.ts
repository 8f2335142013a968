import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatRelatedReport } from '../bench/eval/relatedEvalReport';
import { JUDGMENTS_FILE, readJudgments } from '../bench/eval/relatedJudgments';
import { missedTargets } from '../bench/eval/relatedTargets';
import { runRelatedEval } from '../bench/eval/runRelatedEval';

const USAGE = `usage: npm run eval:related [-- --check] [--paths] [--judgments FILE]

Starts its own embedded Neo4j (fresh data in .neo4j-test/eval-related, EVAL_NEO4J_PORT or a free
port; the server NEO4J_URI names instead, when set), loads the seeds, starts the real API and asks
relatedStories and relatedExemplars (limit 10) for every source in the judgment set
(eval/related/judgments.json). Prints nDCG@5 and nDCG@10 per source and the means, checks (a) and
(b) of issue 11 with their offenders, the data size and the timings, then stops the database.
  --check   exit 1 when a target is missed (mean nDCG@10 < 0.95, any check (a) or (b) offender)
  --paths   also list every judged 1 and 2 missing from a top 10, with its reader paths`;

/** \`npm run eval:related\`: graded judgments against the API (see USAGE). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      paths: { type: 'boolean', default: false },
      judgments: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = values.judgments ? path.resolve(values.judgments) : JUDGMENTS_FILE;
  const set = readJudgments(file);
  const run = await runRelatedEval(set, (line) => console.error(`[eval] ${line}`));
  console.log(formatRelatedReport(run, { paths: values.paths, judgmentsFile: path.relative(process.cwd(), file) }));
  return values.check && missedTargets(run.stories, run.exemplars).length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
