import { EVAL_LIMIT, TARGET_MEAN_NDCG10, missedTargets, type OperationEvaluation, type SourceEvaluation } from './relatedTargets';
import type { RelatedEvalRun, RequestTimings } from './runRelatedEval';

const score = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Ids without their label prefix: the tables are read by people who know the seeds. */
const short = (id: string) => id.replace(/^[a-z]+:/, '');

function requests(name: string, t: RequestTimings): string {
  return `${name} ${t.count} requests after one warm-up, mean ${(t.totalMs / Math.max(1, t.count)).toFixed(1)} ms, max ${t.maxMs.toFixed(1)} ms`;
}

function gradeOf(source: SourceEvaluation, id: string): number {
  return source.source.judgments.find((j) => j.id === id)?.grade ?? 0;
}

function table(title: string, evaluation: OperationEvaluation): string[] {
  const lines = [
    `## ${title} (limit ${EVAL_LIMIT})`,
    '',
    '| source | kind | nDCG@5 | nDCG@10 | returned | 2s / 1s / 0s in top 10 | unjudged |',
    '|---|---|---:|---:|---:|---|---|',
  ];
  for (const s of evaluation.sources) {
    const top = s.ranked.slice(0, EVAL_LIMIT).map((id) => gradeOf(s, id));
    const counts = [2, 1, 0].map((g) => top.filter((x) => x === g).length).join(' / ');
    const returned = s.error ? `error: ${s.error}` : String(s.ranked.length);
    lines.push(
      `| ${s.source.id} | ${s.source.kind} | ${score(s.ndcg5)} | ${score(s.ndcg10)} | ${returned} | ${counts} | ${s.unjudged.map(short).join(', ')} |`,
    );
  }
  lines.push(`| **mean** | | **${score(evaluation.meanNdcg5)}** | **${score(evaluation.meanNdcg10)}** | | | |`, '');
  return lines;
}

function checks(stories: OperationEvaluation, exemplars: OperationEvaluation): string[] {
  const lines = [`## Check (a): a judged 1 or 2 left out of the top ${EVAL_LIMIT} while a 0 is in it`, ''];
  for (const [name, evaluation] of [
    ['relatedStories', stories],
    ['relatedExemplars (reported, not a target)', exemplars],
  ] as const) {
    lines.push(`${name}: ${evaluation.noiseOverRelevant.length} of ${evaluation.sources.length} sources`);
    for (const s of evaluation.noiseOverRelevant) {
      lines.push(
        `- ${s.source.id}: left out ${s.leftOut.map((j) => `${short(j.id)} (${j.grade})`).join(', ')}; shown as 0 ${s.noise.map(short).join(', ')}`,
      );
    }
    lines.push('');
  }
  lines.push('## Check (b): entities with related stories beyond their own answering only with stories that feature them', '');
  lines.push(
    `relatedStories: ${stories.onlyDirect.length} of ${stories.sources.filter((s) => s.source.kind !== 'Story').length} entities`,
  );
  for (const s of stories.onlyDirect) {
    lines.push(
      `- ${s.source.id}: answered ${s.ranked.length} (all featuring it); judged related beyond: ${s.onlyDirectMissed.map(short).join(', ')}`,
    );
  }
  lines.push('');
  return lines;
}

function missing(title: string, evaluation: OperationEvaluation): string[] {
  const lines = [
    `## ${title}: the top ${EVAL_LIMIT} with grades, then the judged 1s and 2s it misses and the reader paths that reach them`,
    '',
  ];
  for (const s of evaluation.sources.filter((x) => x.leftOut.length > 0)) {
    lines.push(
      `${s.source.id}`,
      `  top ${EVAL_LIMIT}: ${
        s.ranked
          .slice(0, EVAL_LIMIT)
          .map((id) => `${short(id)} (${gradeOf(s, id)})`)
          .join(', ') || '(empty)'
      }`,
    );
    for (const j of s.leftOut) lines.push(`  - ${short(j.id)} (${j.grade}) [${(j.paths ?? []).join(', ')}] ${j.reason}`);
  }
  lines.push('');
  return lines;
}

/** Given a finished run, returns the Markdown report; with `paths`, also every missed 1 and 2 and its reader paths. */
export function formatRelatedReport(run: RelatedEvalRun, options: { paths: boolean; judgmentsFile: string }): string {
  const t = run.timings;
  const missed = missedTargets(run.stories, run.exemplars);
  const lines = [
    '# eval:related',
    '',
    `judgments: ${options.judgmentsFile}`,
    `database: ${run.database}`,
    `data: ${run.data.nodes} nodes, ${run.data.relationships} relationships (the seeds)`,
    `timings: database start ${seconds(t.startDatabaseMs)}, migrate + seed ${seconds(t.migrateAndSeedMs)}, API start ${seconds(t.startApiMs)}; ` +
      `${requests('relatedStories', t.relatedStories)}; ${requests('relatedExemplars', t.relatedExemplars)}; total ${seconds(t.totalMs)}`,
    '',
    ...table('relatedStories', run.stories),
    ...table('relatedExemplars', run.exemplars),
    ...checks(run.stories, run.exemplars),
    `## Targets (mean nDCG@10 ≥ ${TARGET_MEAN_NDCG10} for both, no check (a) or (b) offender for relatedStories)`,
    '',
    ...(missed.length === 0 ? ['all met'] : missed.map((m) => `- missed: ${m}`)),
    '',
  ];
  if (options.paths) lines.push(...missing('relatedStories', run.stories), ...missing('relatedExemplars', run.exemplars));
  return lines.join('\n');
}
