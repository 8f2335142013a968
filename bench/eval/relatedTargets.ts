import { ndcgAtK } from './ndcg';
import { gradesOf, type JudgedSource, type Judgment } from './relatedJudgments';

/** Issue 11's targets: mean nDCG@10 at least this, for each operation. */
export const TARGET_MEAN_NDCG10 = 0.95;
/** The list size every judged source is asked for, and the cut the checks look at. */
export const EVAL_LIMIT = 10;

/** What an operation answered for one source, best first (empty with `error` when it failed). */
export interface SourceAnswer {
  readonly ranked: readonly string[];
  readonly error?: string;
}

export interface SourceEvaluation {
  readonly source: JudgedSource;
  readonly ranked: readonly string[];
  readonly error: string | undefined;
  readonly ndcg5: number | null;
  readonly ndcg10: number | null;
  readonly unjudged: readonly string[];
  /** Judged 1 or 2 but not in the top 10, best grade first. */
  readonly leftOut: readonly Judgment[];
  /** In the top 10 but judged 0 or not judged at all. */
  readonly noise: readonly string[];
  /** Check (b): the judged 1s and 2s that do not feature the source, when the answer has only stories that do; else empty. */
  readonly onlyDirectMissed: readonly string[];
}

export interface OperationEvaluation {
  readonly sources: readonly SourceEvaluation[];
  readonly meanNdcg5: number | null;
  readonly meanNdcg10: number | null;
  /** Check (a): sources with a judged 1 or 2 left out of the top 10 while a 0 (or unjudged) result is in it. */
  readonly noiseOverRelevant: readonly SourceEvaluation[];
  /** Check (b): entities with related stories beyond their own that answer only with stories featuring them. */
  readonly onlyDirect: readonly SourceEvaluation[];
}

function mean(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

/**
 * Given a source's judgments, its answer and (for relatedStories) the ids of the stories that
 * feature the source directly, returns its nDCG@5 and @10 and what the two checks need. Check (b)
 * applies to entities only: a story source has no "stories featuring it" to fall back on.
 */
export function evaluateSource(source: JudgedSource, answer: SourceAnswer, featuring?: ReadonlySet<string>): SourceEvaluation {
  const grades = gradesOf(source);
  const top = answer.ranked.slice(0, EVAL_LIMIT);
  const inTop = new Set(top);
  const leftOut = source.judgments.filter((j) => j.grade > 0 && !inTop.has(j.id)).sort((a, b) => b.grade - a.grade);
  const noise = top.filter((id) => (grades.get(id) ?? 0) === 0);
  let onlyDirectMissed: string[] = [];
  if (featuring && source.kind !== 'Story') {
    const beyond = source.judgments.filter((j) => j.grade > 0 && !featuring.has(j.id)).map((j) => j.id);
    if (beyond.length > 0 && top.every((id) => featuring.has(id))) onlyDirectMissed = beyond;
  }
  return {
    source,
    ranked: answer.ranked,
    error: answer.error,
    ndcg5: ndcgAtK(answer.ranked, grades, 5).ndcg,
    ndcg10: ndcgAtK(answer.ranked, grades, 10).ndcg,
    unjudged: ndcgAtK(answer.ranked, grades, EVAL_LIMIT).unjudged,
    leftOut,
    noise,
    onlyDirectMissed,
  };
}

/**
 * Given the judged sources of one operation, each one's answer by source id and, for
 * relatedStories, the stories featuring each source, returns every source's scores, the means
 * (over sources with something relevant to find) and the offenders of checks (a) and (b). A
 * source without an answer counts as an empty answer.
 */
export function evaluateOperation(
  sources: readonly JudgedSource[],
  answers: ReadonlyMap<string, SourceAnswer>,
  featuring?: ReadonlyMap<string, ReadonlySet<string>>,
): OperationEvaluation {
  const evaluated = sources.map((s) =>
    evaluateSource(
      s,
      answers.get(s.id) ?? { ranked: [], error: 'no answer' },
      featuring ? (featuring.get(s.id) ?? new Set()) : undefined,
    ),
  );
  return {
    sources: evaluated,
    meanNdcg5: mean(evaluated.map((e) => e.ndcg5)),
    meanNdcg10: mean(evaluated.map((e) => e.ndcg10)),
    noiseOverRelevant: evaluated.filter((e) => e.leftOut.length > 0 && e.noise.length > 0),
    onlyDirect: evaluated.filter((e) => e.onlyDirectMissed.length > 0),
  };
}

/**
 * Given both operations' evaluations, returns the issue's targets that are missed, one sentence
 * each (empty when all are met): mean nDCG@10 ≥ TARGET_MEAN_NDCG10 for each operation, no
 * relatedStories source failing check (a), no entity failing check (b).
 */
export function missedTargets(stories: OperationEvaluation, exemplars: OperationEvaluation): string[] {
  const missed: string[] = [];
  for (const [name, evaluation] of [
    ['relatedStories', stories],
    ['relatedExemplars', exemplars],
  ] as const) {
    if (evaluation.meanNdcg10 === null || evaluation.meanNdcg10 < TARGET_MEAN_NDCG10) {
      missed.push(`${name}: mean nDCG@10 ${evaluation.meanNdcg10?.toFixed(3) ?? 'n/a'} < ${TARGET_MEAN_NDCG10}`);
    }
  }
  if (stories.noiseOverRelevant.length > 0) {
    missed.push(
      `relatedStories: ${stories.noiseOverRelevant.length} source(s) leave a judged 1 or 2 out of the top ${EVAL_LIMIT} while showing a 0 (check a)`,
    );
  }
  if (stories.onlyDirect.length > 0) {
    missed.push(
      `relatedStories: ${stories.onlyDirect.length} entit(ies) answer only with stories featuring them although related stories exist (check b)`,
    );
  }
  return missed;
}
