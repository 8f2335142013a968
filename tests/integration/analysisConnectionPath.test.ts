import { factExists } from '../support/seedAnalysis';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';

const THUC = 'person:luu-minh-thuc';
const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
const PATH = `query($from: ID!, $to: ID!, $maxHops: Int, $viaStories: Boolean) {
  connectionPath(fromId: $from, toId: $to, maxHops: $maxHops, viaStories: $viaStories) {
    from { id name } to { id name } maxHops viaStories found hops explanation alternatives
    steps { from { id kind name } to { id kind name } type direction sentence role sources confidence note }
  }
}`;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const names = new Map(
  [
    'people.json',
    'agencies.json',
    'events.json',
    'places.json',
    'stories.json',
    'awards.json',
    'movements.json',
    'fields.json',
  ].flatMap((file) => seedRecords(file).map((r) => [r.id as string, r.name as string])),
);

async function path(variables: Record<string, unknown>) {
  const { body } = await api.graphql(PATH, variables);
  expect(body.errors).toBeUndefined();
  return body.data?.connectionPath;
}

describe('connectionPath', () => {
  it('links Lưu Minh Thức to the Pải Lủng rescue through facts that exist, each named in words', async () => {
    const result = await path({ from: THUC, to: PAI_LUNG });
    expect(result.found).toBe(true);
    expect(result.steps).toHaveLength(result.hops);
    expect(result.steps[0].from.id).toBe(THUC);
    expect(result.steps.at(-1).to.id).toBe(PAI_LUNG);
    for (const [i, step] of result.steps.entries()) {
      if (i > 0) expect(step.from.id).toBe(result.steps[i - 1].to.id);
      const [start, end] = step.direction === 'FORWARD' ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
      expect(factExists(start, step.type, end)).toBe(true);
      const fact = seedRelationships().find((r) => r.from === start && r.type === step.type && r.to === end)!;
      expect(step.sources).toEqual(fact.sources);
      expect(step.confidence).toBe(fact.confidence);
      expect(step.sentence).toContain(names.get(start));
      expect(step.sentence).toContain(names.get(end));
      expect(step.from.kind).not.toBe('STORY');
    }
    expect(result.explanation).toContain(names.get(THUC));
  });

  it('prefers the best-sourced of equally short chains: his membership of Công an huyện Yên Minh', async () => {
    const result = await path({ from: THUC, to: PAI_LUNG });
    expect(result.steps[0]).toMatchObject({ type: 'MEMBER_OF', direction: 'FORWARD', to: { id: 'agency:ca-huyen-yen-minh' } });
    expect(result.steps[0].sentence).toContain('Lưu Minh Thức was a member of Công an huyện Yên Minh');
  });

  it('goes through a story that features both only when asked to', async () => {
    const viaStories = await path({ from: THUC, to: PAI_LUNG, viaStories: true });
    const common = seedRelationships().filter(
      (r) => r.type === 'FEATURES' && r.to === THUC && factExists(r.from, 'FEATURES', PAI_LUNG),
    );
    expect(common.length).toBeGreaterThan(0);
    expect(viaStories.hops).toBe(2);
    expect(common.map((r) => r.from)).toContain(viaStories.steps[0].to.id);
    const without = await path({ from: THUC, to: PAI_LUNG });
    expect(without.hops).toBeGreaterThan(2);
  });

  it('says clearly when no chain is short enough', async () => {
    const result = await path({ from: THUC, to: PAI_LUNG, maxHops: 1 });
    expect(result).toMatchObject({ found: false, hops: null, steps: [], maxHops: 1 });
    expect(result.explanation).toMatch(/^No chain of at most 1 facts/);
  });

  it.each([
    [{ from: 'person:nobody', to: PAI_LUNG }, 'NOT_FOUND', 'person:nobody'],
    [{ from: THUC, to: 'event:nothing' }, 'NOT_FOUND', 'event:nothing'],
    [{ from: THUC, to: PAI_LUNG, maxHops: 0 }, 'BAD_USER_INPUT', 'maxHops'],
    [{ from: THUC, to: PAI_LUNG, maxHops: 11 }, 'BAD_USER_INPUT', 'maxHops'],
    [{ from: THUC, to: THUC }, 'BAD_USER_INPUT', 'toId'],
  ])('rejects %j with %s naming %s', async (variables, code, named) => {
    const { body } = await api.graphql(PATH, variables);
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe(code);
    if (code === 'NOT_FOUND') expect(error?.message).toContain(named);
    else expect(error?.extensions?.argumentName).toBe(named);
  });
});
