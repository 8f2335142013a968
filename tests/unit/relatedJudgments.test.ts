import fs from 'node:fs';
import path from 'node:path';
import { readJudgments } from '../../bench/eval/relatedJudgments';

// The judgment set is data written by hand; these tests keep it complete against the seeds, so an
// unjudged result in `npm run eval:related` can only mean the seeds or the judgments drifted apart.
const seeds = (file: string) =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'seeds', file), 'utf8')) as { id: string }[];
const storyIds = seeds('stories.json').map((s) => s.id);
const exemplarIds = [...seeds('people.json'), ...seeds('collectives.json')].map((p) => p.id);
const allIds = new Set(
  ['stories.json', 'people.json', 'collectives.json', 'events.json', 'places.json', 'agencies.json'].flatMap((f) =>
    seeds(f).map((r) => r.id),
  ),
);
const set = readJudgments();

describe('the related judgment set', () => {
  it('judges at least 15 sources for relatedStories: stories, people, events and places', () => {
    expect(set.relatedStories.length).toBeGreaterThanOrEqual(15);
    expect(new Set(set.relatedStories.map((s) => s.kind))).toEqual(new Set(['Story', 'Person', 'Event', 'Place', 'Agency']));
  });

  it('includes the sources issue 11 names', () => {
    const ids = set.relatedStories.map((s) => s.id);
    for (const id of [
      'person:nguyen-manh-tuong',
      'event:pai-lung-sinkhole-rescue-2023',
      'event:van-chai-cave-recovery-2019',
      'story:baohagiang-lung-phin-2020',
      'story:baogialai-lung-phin-2020',
      'person:luu-minh-thuc',
      'person:nguyen-dinh-duy',
      'place:xa-pai-lung',
      'place:huyen-meo-vac',
      'place:tinh-ha-giang',
      'event:ha-giang-floods-2024',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('names only sources that exist in the seeds, with their seed names', () => {
    const names = new Map(
      ['stories.json', 'people.json', 'events.json', 'places.json', 'agencies.json'].flatMap((f) =>
        (seeds(f) as { id: string; name: string }[]).map((r) => [r.id, r.name] as const),
      ),
    );
    for (const s of [...set.relatedStories, ...set.relatedExemplars]) {
      expect(allIds.has(s.id)).toBe(true);
      expect(s.name).toBe(names.get(s.id));
    }
  });

  it('grades every seed story except the source itself, for every relatedStories source', () => {
    for (const s of set.relatedStories) {
      expect(s.judgments.map((j) => j.id).sort()).toEqual(storyIds.filter((id) => id !== s.id).sort());
    }
  });

  it('grades every person and collective except the source itself, for every relatedExemplars source', () => {
    for (const s of set.relatedExemplars) {
      expect(['Person', 'Collective']).toContain(s.kind);
      expect(s.judgments.map((j) => j.id).sort()).toEqual(exemplarIds.filter((id) => id !== s.id).sort());
    }
  });

  it('gives every source something relevant to find and something to leave out', () => {
    for (const s of [...set.relatedStories, ...set.relatedExemplars]) {
      expect(s.judgments.some((j) => j.grade > 0)).toBe(true);
      expect(s.judgments.some((j) => j.grade === 0)).toBe(true);
    }
  });

  it('never grades a victim or the 2018 suspect above 0 as an exemplar', () => {
    for (const s of set.relatedExemplars) {
      for (const j of s.judgments.filter((x) => x.id === 'person:thao-mi-ly-2023' || x.id === 'person:thao-my-ly-2018')) {
        expect(j.grade).toBe(0);
      }
    }
  });
});
