import type { JudgedSource } from '../../bench/eval/relatedJudgments';
import { evaluateOperation, evaluateSource, missedTargets } from '../../bench/eval/relatedTargets';

/** A judged source with the given grades; ids are short so the expectations read as tables. */
function judged(id: string, kind: string, grades: Record<string, 0 | 1 | 2>): JudgedSource {
  return {
    id,
    kind,
    name: id,
    subject: `the source ${id}`,
    judgments: Object.entries(grades).map(([candidate, grade]) =>
      grade === 0
        ? { id: candidate, grade, reason: 'noise for the test' }
        : { id: candidate, grade, reason: 'related for the test', paths: ['direct'] },
    ),
  };
}

describe('evaluateSource', () => {
  const place = judged('place:p', 'Place', { own1: 2, own2: 2, near: 1, far: 0, far2: 0 });

  it('lists the judged 1s and 2s left out of the top 10 and the 0s or unjudged results in it', () => {
    const result = evaluateSource(place, { ranked: ['own1', 'far', 'x'] });
    expect(result.leftOut.map((j) => j.id)).toEqual(['own2', 'near']);
    expect(result.noise).toEqual(['far', 'x']);
    expect(result.unjudged).toEqual(['x']);
  });

  it('flags an entity that answers only with stories featuring it while related ones exist (check b)', () => {
    const featuring = new Set(['own1', 'own2']);
    expect(evaluateSource(place, { ranked: ['own1', 'own2'] }, featuring).onlyDirectMissed).toEqual(['near']);
    expect(evaluateSource(place, { ranked: [] }, featuring).onlyDirectMissed).toEqual(['near']);
    expect(evaluateSource(place, { ranked: ['own1', 'near'] }, featuring).onlyDirectMissed).toEqual([]);
  });

  it('does not apply check (b) when nothing beyond the featuring stories is judged related', () => {
    const featuring = new Set(['own1', 'own2', 'near']);
    expect(evaluateSource(place, { ranked: ['own1'] }, featuring).onlyDirectMissed).toEqual([]);
  });

  it('does not apply check (b) to a story source', () => {
    const story = judged('story:s', 'Story', { a: 2, b: 1 });
    expect(evaluateSource(story, { ranked: ['a'] }, new Set(['a'])).onlyDirectMissed).toEqual([]);
  });
});

describe('evaluateOperation', () => {
  const a = judged('a', 'Place', { s1: 2, s2: 1, s3: 0 });
  const b = judged('b', 'Place', { s1: 1, s3: 0 });

  it('averages nDCG over the sources and collects the offenders of check (a)', () => {
    const answers = new Map([
      ['a', { ranked: ['s1', 's2'] }],
      ['b', { ranked: ['s3', 's1'] }],
    ]);
    const result = evaluateOperation([a, b], answers);
    // a is ideal (1); b: DCG = 0 + 1/log2(3) against an ideal 1.
    expect(result.sources.map((s) => s.ndcg10)).toEqual([1, expect.closeTo(0.6309298, 6)]);
    expect(result.meanNdcg10).toBeCloseTo((1 + 0.6309298) / 2, 6);
    expect(result.noiseOverRelevant).toEqual([]);
  });

  it('flags a source that shows a 0 while leaving a judged 1 out', () => {
    const answers = new Map([
      ['a', { ranked: ['s1', 's3'] }],
      ['b', { ranked: ['s1'] }],
    ]);
    expect(evaluateOperation([a, b], answers).noiseOverRelevant.map((s) => s.source.id)).toEqual(['a']);
  });

  it('counts a source without an answer as an empty answer with an error', () => {
    const result = evaluateOperation([a], new Map());
    expect(result.sources[0]?.ndcg10).toBe(0);
    expect(result.sources[0]?.error).toBe('no answer');
  });
});

describe('missedTargets', () => {
  const source = judged('p', 'Place', { s1: 2, s2: 1, s3: 0 });
  const featuring = new Map([['p', new Set(['s1'])]]);

  it('is empty when every target is met', () => {
    const perfect = evaluateOperation([source], new Map([['p', { ranked: ['s1', 's2'] }]]), featuring);
    expect(missedTargets(perfect, perfect)).toEqual([]);
  });

  it('names a low mean and an entity answering only with its own stories (check b)', () => {
    const stories = evaluateOperation([source], new Map([['p', { ranked: ['s1'] }]]), featuring);
    const exemplars = evaluateOperation([source], new Map([['p', { ranked: ['s1', 's2'] }]]));
    const missed = missedTargets(stories, exemplars);
    // ['s1'] alone: DCG 3 against an ideal 3 + 1/log2(3), 0.826.
    expect(missed).toEqual(['relatedStories: mean nDCG@10 0.826 < 0.95', expect.stringMatching(/check b/)]);
  });

  it('names a source showing a 0 while leaving a 1 out (check a), and a low exemplar mean', () => {
    const stories = evaluateOperation([source], new Map([['p', { ranked: ['s1', 's3'] }]]), featuring);
    const exemplars = evaluateOperation([source], new Map([['p', { ranked: ['s3'] }]]));
    const missed = missedTargets(stories, exemplars);
    expect(missed).toEqual([
      'relatedStories: mean nDCG@10 0.826 < 0.95',
      'relatedExemplars: mean nDCG@10 0.000 < 0.95',
      expect.stringMatching(/check a/),
    ]);
  });
});
