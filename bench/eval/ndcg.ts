/** A graded relevance judgment: 2 about the same thing, 1 a reader would want it next, 0 noise. */
export type Grade = 0 | 1 | 2;

export interface NdcgResult {
  /** DCG@k / IDCG@k, or null when no judged candidate has a grade above 0 (nothing to find). */
  readonly ndcg: number | null;
  readonly dcg: number;
  readonly idcg: number;
  /** Results within the top k that have no judgment; each counted as grade 0. */
  readonly unjudged: readonly string[];
}

/** Given a grade, returns its gain 2^g − 1: a 2 is worth three 1s, a 0 nothing. */
export function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** Given grades in ranked order and k, returns DCG@k = Σ gain(gᵢ) / log2(i + 1) over positions i = 1..k. */
export function dcgAtK(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, grade, index) => sum + gain(grade) / Math.log2(index + 2), 0);
}

/**
 * Given the ids an operation returned (best first), the judged grade of every candidate and k,
 * returns nDCG@k. The ideal DCG ranks all judged candidates, not only the returned ones, so a list
 * that misses a relevant candidate scores below 1. A result without a judgment counts as grade 0
 * and is reported in `unjudged`; an id repeated in the results counts only where it first appears.
 */
export function ndcgAtK(ranked: readonly string[], judged: ReadonlyMap<string, Grade>, k: number): NdcgResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer (got ${k})`);
  const seen = new Set<string>();
  const unjudged: string[] = [];
  const grades = ranked.slice(0, k).map((id) => {
    if (seen.has(id)) return 0;
    seen.add(id);
    const grade = judged.get(id);
    if (grade === undefined) unjudged.push(id);
    return grade ?? 0;
  });
  const dcg = dcgAtK(grades, k);
  const idcg = dcgAtK(
    [...judged.values()].sort((a, b) => b - a),
    k,
  );
  return { ndcg: idcg === 0 ? null : dcg / idcg, dcg, idcg, unjudged };
}
