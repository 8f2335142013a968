import type { Geography } from './geography';
import { placeName } from './names';
import { rngFor, weightedSampler } from './prng';
import type { SizeProfile } from './profiles';
import { collectiveId, personId, type Population } from './population';
import { dayToDate, DAYS_2015_2025, pad, synId, type Sink } from './records';
import type { Taxonomy } from './taxonomy';

/** Event i, as every later stream re-derives it. */
export interface EventFacts {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly day: number;
  readonly commune: number;
  readonly people: readonly number[];
  readonly collectives: readonly number[];
  readonly agencies: readonly string[];
  readonly movement: string | undefined;
}

export interface Events {
  readonly count: number;
  event(index: number): EventFacts;
  readonly emitEvent: (index: number, sink: Sink) => void;
}

const KINDS = [
  'RESCUE',
  'LAW_ENFORCEMENT',
  'DISASTER',
  'CEREMONY',
  'CONFERENCE',
  'REVIEW_CONFERENCE',
  'CONGRESS',
  'OTHER',
] as const;
const kindSampler = weightedSampler([30, 20, 10, 10, 8, 12, 3, 7]);
const ROLES: Readonly<Record<string, readonly string[]>> = {
  RESCUE: ['led the rescue', 'took part in the rescue', 'rescued a victim', 'victim'],
  LAW_ENFORCEMENT: ['led the arrest', 'took part in the operation', 'informant'],
  DISASTER: ['evacuated residents', 'rebuilt homes', 'victim'],
};

/** Given an event's index, returns its id. */
export const eventId = (i: number) => synId('event', pad(i));

/** Given the seed, a size, the geography, taxonomy and population, returns the events stream. */
export function buildEvents(
  seed: number,
  profile: SizeProfile,
  geography: Geography,
  taxonomy: Taxonomy,
  population: Population,
): Events {
  const draw = (index: number) => {
    const rng = rngFor(seed, 'event', index);
    const commune = geography.communes[geography.communeSampler.draw(rng)]!;
    const province = geography.provinces[commune.province]!;
    const kind = KINDS[kindSampler.draw(rng)] ?? 'OTHER';
    const day = rng.int(DAYS_2015_2025);
    const year = dayToDate(day).slice(0, 4);
    const people = new Set<number>();
    const wanted = 1 + rng.int(11);
    for (let k = 0; k < wanted; k++) people.add(population.personNear(rng, commune.index));
    const collective = rng.chance(0.35) ? population.collectiveIn(rng, commune.index) : undefined;
    const agencies =
      kind === 'RESCUE'
        ? [commune.police, ...(rng.chance(0.5) ? [province.agencies.fireRescue] : [])]
        : kind === 'LAW_ENFORCEMENT'
          ? [commune.police, ...(rng.chance(0.5) ? [province.agencies.police] : [])]
          : rng.chance(0.6)
            ? [commune.committee]
            : [];
    const local = placeName(rng, province.highland);
    const where = commune.fullName;
    const name =
      kind === 'RESCUE'
        ? rng.pick([
            `Cứu người đuối nước trên sông ${local}, ${where}`,
            `Cứu nạn vụ sạt lở đất tại thôn ${local}, ${where}`,
            `Cứu hộ vụ cháy nhà tại ${where}`,
            `Cứu người mắc kẹt dưới hang ${local}, ${where}`,
          ])
        : kind === 'LAW_ENFORCEMENT'
          ? rng.pick([
              `Triệt phá đường dây ma túy tại ${where}`,
              `Bắt giữ đối tượng truy nã tại thôn ${local}, ${where}`,
              `Phá chuyên án trộm cắp tài sản tại ${where}`,
            ])
          : kind === 'DISASTER'
            ? rng.pick([
                `Lũ quét tại ${where} năm ${year}`,
                `Mưa đá tại thôn ${local}, ${where}`,
                `Sạt lở đất tại ${where} năm ${year}`,
              ])
            : kind === 'CEREMONY'
              ? `Lễ tuyên dương gương điển hình tiên tiến ${where} năm ${year}`
              : kind === 'CONFERENCE'
                ? `Hội nghị biểu dương người tốt, việc tốt ${where} năm ${year}`
                : kind === 'REVIEW_CONFERENCE'
                  ? `Hội nghị tổng kết phong trào thi đua năm ${year} của ${where}`
                  : kind === 'CONGRESS'
                    ? `Đại hội thi đua yêu nước ${province.unit} ${province.name} năm ${year}`
                    : `Ngày hội đại đoàn kết toàn dân tộc thôn ${local}, ${where} năm ${year}`;
    const movement = rng.chance(0.5) ? taxonomy.movementFor(rng, province.index) : undefined;
    const facts: EventFacts = {
      index,
      id: eventId(index),
      name,
      kind,
      day,
      commune: commune.index,
      people: [...people],
      collectives: collective === undefined ? [] : [collective],
      agencies,
      movement,
    };
    return { rng, facts, placeAsWritten: `${where}, ${province.unit} ${province.name}` };
  };

  return {
    count: profile.events,
    event: (index) => draw(index).facts,
    emitEvent(index, sink) {
      const { rng, facts, placeAsWritten } = draw(index);
      const date = dayToDate(facts.day);
      sink.node('Event', { id: facts.id, name: facts.name, kind: facts.kind, date, period: date, placeAsWritten });
      sink.rel('OCCURRED_IN', facts.id, geography.communes[facts.commune]!.id);
      const roles = ROLES[facts.kind];
      for (const person of facts.people) {
        sink.rel('TOOK_PART_IN', personId(person), facts.id, roles && rng.chance(0.4) ? { role: rng.pick(roles) } : {});
      }
      for (const collective of facts.collectives) sink.rel('TOOK_PART_IN', collectiveId(collective), facts.id);
      for (const agency of facts.agencies) sink.rel('TOOK_PART_IN', agency, facts.id);
      if (facts.movement) sink.rel('UNDER_MOVEMENT', facts.id, facts.movement);
    },
  };
}
