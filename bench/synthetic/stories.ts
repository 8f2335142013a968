import type { Awards } from './awards';
import type { Events } from './events';
import type { Geography } from './geography';
import { rngFor, weightedSampler } from './prng';
import type { SizeProfile } from './profiles';
import { collectiveId, personId, type Population } from './population';
import { dayToDate, DAYS_2015_2025, pad, synId, type Sink } from './records';

export interface Stories {
  readonly count: number;
  readonly emitStory: (index: number, sink: Sink) => void;
}

const CHANNELS = ['NEWS', 'WEBSITE', 'BROADCAST', 'BOOK', 'CONFERENCE_REPORT', 'CONTEST', 'MEETING'] as const;
const channelSampler = weightedSampler([60, 20, 8, 3, 5, 2, 2]);

/** Given a story's index, returns its id. */
export const storyId = (i: number) => synId('story', pad(i));

/**
 * Given the seed, a size and the streams stories draw on, returns the stories stream. A story is
 * about an award (40 %), an event (35 %) or one exemplar (25 %) and FEATURES what that subject
 * involves, so stories that share exemplars, events or places are related the way real ones are.
 */
export function buildStories(
  seed: number,
  profile: SizeProfile,
  geography: Geography,
  population: Population,
  events: Events,
  awards: Awards,
): Stories {
  return {
    count: profile.stories,
    emitStory(index, sink) {
      const rng = rngFor(seed, 'story', index);
      const id = storyId(index);
      const featured = new Set<string>();
      const roll = rng.next();
      let title: string;
      let day: number;
      let commune: number;
      const addEvent = (e: number) => {
        const event = events.event(e);
        featured.add(event.id);
        featured.add(geography.communes[event.commune]!.id);
        for (const person of event.people.slice(0, 6)) featured.add(personId(person));
        for (const collective of event.collectives) featured.add(collectiveId(collective));
        if (event.movement) featured.add(event.movement);
        return event;
      };
      if (roll < 0.4) {
        const award = awards.award(rng.int(awards.count));
        featured.add(award.id);
        for (const person of award.people) featured.add(personId(person));
        for (const collective of award.collectives) featured.add(collectiveId(collective));
        if (award.event !== undefined) addEvent(award.event);
        if (award.movement) featured.add(award.movement);
        const others = award.people.length + award.collectives.length - 1;
        title =
          others > 0
            ? `Trao ${award.title} cho ${others + 1} tập thể, cá nhân, trong đó có ${award.recipientName}`
            : `${award.recipientName} vinh dự nhận ${award.title}`;
        day = award.day + 1 + rng.int(60);
        commune = award.commune;
      } else if (roll < 0.75) {
        const event = addEvent(rng.int(events.count));
        title = rng.pick([
          `${event.name}: những tấm gương dũng cảm`,
          `Biểu dương tập thể, cá nhân trong vụ ${event.name.toLowerCase()}`,
          `Nhìn lại: ${event.name}`,
        ]);
        day = event.day + rng.int(30);
        commune = event.commune;
      } else {
        const person = population.person(rng.int(population.people));
        featured.add(person.id);
        featured.add(geography.communes[person.commune]!.id);
        featured.add(person.fields[0]!);
        featured.add(person.agency);
        if (person.movement) featured.add(person.movement);
        if (person.collective !== undefined) featured.add(collectiveId(person.collective));
        const where = geography.communes[person.commune]!.fullName;
        title = rng.pick([
          `Gương sáng ${person.name} ở ${where}`,
          `${person.name}: điển hình tiên tiến của ${where}`,
          `Người tốt, việc tốt: ${person.name}`,
        ]);
        day = rng.int(DAYS_2015_2025);
        commune = person.commune;
      }
      const province = geography.provinces[geography.communes[commune]!.province]!;
      const national = rng.chance(0.1);
      const publisher = national ? geography.central.press : province.agencies.press;
      const date = dayToDate(day);
      sink.node('Story', {
        id,
        name: title,
        title,
        url: `https://example.invalid/synthetic/${id.replace(':', '/')}`,
        publisher: national ? 'Cổng thông tin Thi đua – Khen thưởng' : `Báo ${province.name}`,
        publishedAt: date,
        publishedPeriod: date,
        channel: CHANNELS[channelSampler.draw(rng)] ?? 'NEWS',
        language: 'vi',
      });
      sink.rel('PUBLISHED_BY', id, publisher);
      for (const target of featured) sink.rel('FEATURES', id, target);
    },
  };
}
