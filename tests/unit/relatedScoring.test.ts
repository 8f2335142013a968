import {
  BROADER_FIELD_FACTOR,
  explainExemplarReason,
  rankRelatedExemplars,
  reasonContribution,
  RELATION_WEIGHTS,
  type ExemplarCandidate,
  type ExemplarEvidence,
  type ExemplarRelation,
} from '../../src/analytics/related/relatedExemplars';
import { rarity, roundScore } from '../../src/analytics/related/relatedScore';
import {
  NEUTRAL_RECENCY,
  publishedOn,
  rankRelatedStories,
  recencyFactor,
  storyReasonContribution,
  type StoryCandidate,
} from '../../src/analytics/related/relatedStories';
import { explainStoryReason, neighbourPhrase } from '../../src/analytics/related/relatedStoryReasons';

function evidence(relation: ExemplarRelation, id: string, degree: number, broaderSteps = 0): ExemplarEvidence {
  return { relation, node: { id, kind: 'Field', name: id }, degree, broaderSteps, sourceField: null, candidateField: null };
}

describe('rarity', () => {
  it('is Adamic–Adar on the degree: 1 / ln(2 + degree)', () => {
    expect(rarity(3)).toBeCloseTo(1 / Math.log(5), 12);
    expect(rarity(0)).toBeCloseTo(1 / Math.log(2), 12);
  });

  it('falls as a node becomes more common', () => {
    const degrees = [0, 1, 2, 10, 100, 1_000, 100_000];
    const values = degrees.map(rarity);
    for (let i = 1; i < values.length; i += 1) expect(values[i]!).toBeLessThan(values[i - 1]!);
  });
});

describe('reasonContribution', () => {
  it('weighs a shared rescue of 17 participants above a shared field of 100,000 people', () => {
    expect(reasonContribution('SAME_EVENT', 17, 0)).toBeGreaterThan(10 * reasonContribution('SAME_FIELD', 100_000, 0));
  });

  it('weighs a rare shared node above a common one of the same relation', () => {
    expect(reasonContribution('SAME_FIELD', 3, 0)).toBeGreaterThan(reasonContribution('SAME_FIELD', 300, 0));
  });

  it('halves a broader field for each PART_OF step', () => {
    const direct = reasonContribution('SAME_FIELD', 4, 0);
    expect(reasonContribution('SAME_FIELD', 4, 1)).toBeCloseTo(direct * BROADER_FIELD_FACTOR, 12);
    expect(reasonContribution('SAME_FIELD', 4, 2)).toBeCloseTo(direct * BROADER_FIELD_FACTOR ** 2, 12);
  });

  it('is weight × rarity', () => {
    for (const relation of Object.keys(RELATION_WEIGHTS) as ExemplarRelation[]) {
      expect(reasonContribution(relation, 7, 0)).toBeCloseTo(RELATION_WEIGHTS[relation] * rarity(7), 12);
    }
  });
});

describe('explainExemplarReason', () => {
  it.each([
    ['SAME_EVENT', 'both took part in X'],
    ['SAME_AWARD', 'both received X'],
    ['SAME_FIELD', 'both are active in X'],
    ['SAME_AGENCY', 'both are members of X'],
    ['SAME_PLACE', 'both are from X'],
    ['SAME_STORY', 'both are featured in "X"'],
    ['SAME_MOVEMENT', 'both are exemplars of X'],
  ] as const)('explains %s', (relation, sentence) => {
    expect(explainExemplarReason({ ...evidence(relation, 'x', 1), node: { id: 'x', kind: 'Field', name: 'X' } })).toBe(sentence);
  });

  it('names the narrower field of a broader-field reason', () => {
    const why = explainExemplarReason({
      ...evidence('SAME_FIELD', 'field:rescue', 4, 1),
      node: { id: 'field:rescue', kind: 'Field', name: 'Rescue' },
      candidateField: 'Lifesaving',
    });
    expect(why).toBe('both are active in Rescue or a narrower field (Lifesaving is part of it)');
  });
});

describe('rankRelatedExemplars', () => {
  const candidates: ExemplarCandidate[] = [
    { id: 'person:b', kind: 'Person', name: 'B', evidence: [evidence('SAME_FIELD', 'field:big', 1_000)] },
    { id: 'person:a', kind: 'Person', name: 'A', evidence: [evidence('SAME_FIELD', 'field:big', 1_000)] },
    {
      id: 'person:c',
      kind: 'Person',
      name: 'C',
      evidence: [evidence('SAME_FIELD', 'field:big', 1_000), evidence('SAME_EVENT', 'event:rescue', 5)],
    },
  ];

  it('scores a candidate as the sum of its reasons and orders by score, then id', () => {
    const ranked = rankRelatedExemplars(candidates, 10);
    expect(ranked.map((r) => r.id)).toEqual(['person:c', 'person:a', 'person:b']);
    const c = ranked[0]!;
    expect(c.score).toBe(roundScore(reasonContribution('SAME_FIELD', 1_000, 0) + reasonContribution('SAME_EVENT', 5, 0)));
    expect(c.reasons.map((r) => r.node.id)).toEqual(['event:rescue', 'field:big']);
  });

  it('cuts to the limit', () => {
    expect(rankRelatedExemplars(candidates, 1)).toHaveLength(1);
  });
});

describe('publishedOn', () => {
  it.each([
    ['2023-04-05', null, '2023-04-05'],
    [null, '2020-10', '2020-10-01'],
    [null, '2023', '2023-01-01'],
    [null, '2023-04-20', '2023-04-20'],
    [null, 'spring 2020', null],
    [null, null, null],
  ])('publishedAt %s, period %s → %s', (at, period, expected) => {
    expect(publishedOn(at, period)).toBe(expected);
  });
});

describe('recencyFactor', () => {
  const today = '2025-10-01';

  it('is 1 for a story published today and 0.75 at five years', () => {
    expect(recencyFactor(today, today)).toBe(1);
    expect(recencyFactor('2020-10-01', today)).toBeCloseTo(0.75, 3);
  });

  it('falls with age towards 0.5', () => {
    expect(recencyFactor('2024-10-01', today)).toBeGreaterThan(recencyFactor('2018-10-01', today));
    expect(recencyFactor('1925-10-01', today)).toBeGreaterThan(0.5);
    expect(recencyFactor('1925-10-01', today)).toBeLessThan(0.51);
  });

  it('gives undated stories the neutral factor, and future dates count as today', () => {
    expect(recencyFactor(null, today)).toBe(NEUTRAL_RECENCY);
    expect(NEUTRAL_RECENCY).toBe(0.75);
    expect(recencyFactor('2026-01-01', today)).toBe(1);
  });
});

describe('rankRelatedStories', () => {
  const today = '2025-10-01';
  const story = (id: string, publishedAt: string | null, degree = 5): StoryCandidate => ({
    id,
    title: id,
    url: null,
    publisher: null,
    publishedAt,
    publishedPeriod: null,
    channel: 'NEWS',
    evidence: [
      { link: 'FEATURES_IT', node: { id: 'event:e', kind: 'Event', name: 'E' }, relationship: null, outward: null, degree },
    ],
  });

  it('multiplies the sum of contributions by recency', () => {
    const [ranked] = rankRelatedStories([story('story:a', '2024-01-01')], 10, today);
    expect(ranked!.score).toBe(roundScore(recencyFactor('2024-01-01', today) * storyReasonContribution('FEATURES_IT', 5)));
  });

  it('orders equal scores by date (newest first, undated last), then id', () => {
    const unlinked = (id: string, publishedAt: string | null, publishedPeriod: string | null = null): StoryCandidate => ({
      ...story(id, publishedAt),
      publishedPeriod,
      evidence: [],
    });
    const ranked = rankRelatedStories(
      [
        unlinked('story:z', null),
        unlinked('story:b', '2020-01-01'),
        unlinked('story:c', null, '2021'),
        unlinked('story:a', '2020-01-01'),
        unlinked('story:y', null),
      ],
      10,
      today,
    );
    expect(ranked.every((s) => s.score === 0)).toBe(true);
    expect(ranked.map((s) => s.id)).toEqual(['story:c', 'story:a', 'story:b', 'story:y', 'story:z']);
  });

  it('weighs the entity itself above a neighbour of the same degree', () => {
    expect(storyReasonContribution('FEATURES_IT', 9)).toBeGreaterThan(storyReasonContribution('FEATURES_NEIGHBOUR', 9));
    expect(storyReasonContribution('FEATURES_SAME', 9)).toBe(storyReasonContribution('FEATURES_IT', 9));
  });
});

describe('explainStoryReason', () => {
  const node = { id: 'agency:pc07', kind: 'Agency' as const, name: 'PC07' };

  it('says how a neighbour is linked to the entity, in both directions', () => {
    expect(
      explainStoryReason({ link: 'FEATURES_NEIGHBOUR', node, relationship: 'TOOK_PART_IN', outward: false, degree: 9 }),
    ).toBe('features PC07, which took part in it');
    expect(neighbourPhrase('TOOK_PART_IN', true)).toBe('which it took part in');
    expect(neighbourPhrase('SOMETHING_NEW', true)).toBe('linked to it by SOMETHING_NEW');
  });

  it('says "who" for a person', () => {
    const person = { id: 'person:p', kind: 'Person' as const, name: 'P' };
    expect(
      explainStoryReason({ link: 'FEATURES_NEIGHBOUR', node: person, relationship: 'TOOK_PART_IN', outward: false, degree: 9 }),
    ).toBe('features P, who took part in it');
  });

  it('explains the entity itself and a node both stories feature', () => {
    expect(explainStoryReason({ link: 'FEATURES_IT', node, relationship: null, outward: null, degree: 9 })).toBe('features PC07');
    expect(explainStoryReason({ link: 'FEATURES_SAME', node, relationship: null, outward: null, degree: 9 })).toBe(
      'also features PC07',
    );
  });
});
