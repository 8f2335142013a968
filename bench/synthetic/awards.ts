import { eventId, type Events } from './events';
import type { Geography } from './geography';
import { rngFor, weightedSampler, type Rng } from './prng';
import type { SizeProfile } from './profiles';
import { collectiveId, personId, type Population } from './population';
import { dayToDate, DAYS_2015_2025, pad, synId, type Sink } from './records';
import type { Taxonomy } from './taxonomy';

/** Award i, as stories re-derive it. */
export interface AwardFacts {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly day: number;
  readonly commune: number;
  readonly people: readonly number[];
  readonly collectives: readonly number[];
  readonly event: number | undefined;
  readonly movement: string | undefined;
  readonly recipientName: string;
}

export interface Awards {
  readonly count: number;
  award(index: number): AwardFacts;
  readonly emitAward: (index: number, sink: Sink) => void;
}

interface Conferral {
  readonly form: string;
  readonly title: string;
  readonly category: 'STATE' | 'NON_STATE';
  readonly level: string;
  readonly agency: string;
  readonly issuerRole: string;
  readonly issuer: string;
  readonly office: string;
}

/** Forms by how often they are given: certificates of merit are common, orders rare. */
const FORMS = [
  'GIAY_KHEN',
  'BANG_KHEN',
  'LAO_DONG_TIEN_TIEN',
  'CHIEN_SI_THI_DUA',
  'CO_THI_DUA',
  'TAP_THE_XUAT_SAC',
  'HUY_CHUONG',
  'HUAN_CHUONG',
  'KY_NIEM_CHUONG',
  'ORG_BADGE',
  'ORG_BANG_KHEN',
  'PRAISE',
] as const;
const formSampler = weightedSampler([30, 22, 12, 10, 3, 3, 5, 2, 4, 4, 3, 2]);

/** Given an award's index, returns its id. */
export const awardId = (i: number) => synId('award', pad(i));

function conferral(rng: Rng, form: (typeof FORMS)[number], geography: Geography, commune: number): Conferral {
  const c = geography.communes[commune]!;
  const p = geography.provinces[c.province]!;
  const central = geography.central;
  const province = `${p.unit} ${p.name}`;
  const state = (
    level: string,
    agency: string,
    title: string,
    issuerRole: string,
    issuer: string,
    office: string,
  ): Conferral => ({ form, title, category: 'STATE', level, agency, issuerRole, issuer, office });
  switch (form) {
    case 'GIAY_KHEN':
      return rng.chance(0.6)
        ? state('COMMUNE', c.committee, 'Giấy khen', 'Chủ tịch UBND xã', `UBND ${c.fullName}`, 'QĐ-UBND')
        : state('UNIT', p.agencies.police, 'Giấy khen', 'Giám đốc Công an tỉnh', `Công an ${province}`, 'QĐ-CAT');
    case 'BANG_KHEN': {
      const roll = rng.next();
      if (roll < 0.7) {
        return state('PROVINCE', p.agencies.committee, 'Bằng khen', 'Chủ tịch UBND tỉnh', `UBND ${province}`, 'QĐ-UBND');
      }
      if (roll < 0.9) {
        return state(
          'MINISTRY',
          central.police,
          'Bằng khen của Bộ trưởng Bộ Công an',
          'Bộ trưởng Bộ Công an',
          'Bộ Công an',
          'QĐ-BCA',
        );
      }
      return state(
        'NATIONAL',
        central.government,
        'Bằng khen của Thủ tướng Chính phủ',
        'Thủ tướng Chính phủ',
        'Chính phủ',
        'QĐ-TTg',
      );
    }
    case 'LAO_DONG_TIEN_TIEN':
      return state('COMMUNE', c.committee, 'Lao động tiên tiến', 'Chủ tịch UBND xã', `UBND ${c.fullName}`, 'QĐ-UBND');
    case 'CHIEN_SI_THI_DUA':
      return rng.chance(0.7)
        ? state('COMMUNE', c.committee, 'Chiến sĩ thi đua cơ sở', 'Chủ tịch UBND xã', `UBND ${c.fullName}`, 'QĐ-UBND')
        : state(
            'PROVINCE',
            p.agencies.committee,
            'Chiến sĩ thi đua cấp tỉnh',
            'Chủ tịch UBND tỉnh',
            `UBND ${province}`,
            'QĐ-UBND',
          );
    case 'CO_THI_DUA':
      return state(
        'PROVINCE',
        p.agencies.committee,
        `Cờ thi đua của UBND ${province}`,
        'Chủ tịch UBND tỉnh',
        `UBND ${province}`,
        'QĐ-UBND',
      );
    case 'TAP_THE_XUAT_SAC':
      return state(
        'PROVINCE',
        p.agencies.committee,
        'Tập thể lao động xuất sắc',
        'Chủ tịch UBND tỉnh',
        `UBND ${province}`,
        'QĐ-UBND',
      );
    case 'HUY_CHUONG':
      return state(
        'NATIONAL',
        central.president,
        rng.pick(['Huy chương Chiến sĩ vẻ vang hạng Ba', 'Huy chương Vì an ninh Tổ quốc', 'Huy chương Quân kỳ quyết thắng']),
        'Chủ tịch nước',
        'Chủ tịch nước',
        'QĐ-CTN',
      );
    case 'HUAN_CHUONG':
      return state(
        'NATIONAL',
        central.president,
        rng.pick(['Huân chương Lao động hạng Ba', 'Huân chương Dũng cảm', 'Huân chương Bảo vệ Tổ quốc hạng Ba']),
        'Chủ tịch nước',
        'Chủ tịch nước',
        'QĐ-CTN',
      );
    case 'KY_NIEM_CHUONG':
      return state(
        'MINISTRY',
        central.police,
        'Kỷ niệm chương Bảo vệ an ninh Tổ quốc',
        'Bộ trưởng Bộ Công an',
        'Bộ Công an',
        'QĐ-BCA',
      );
    case 'ORG_BADGE':
      return {
        form,
        title: 'Huy hiệu “Tuổi trẻ dũng cảm”',
        category: 'NON_STATE',
        level: 'ORGANISATION',
        agency: central.youth,
        issuerRole: 'Bí thư thứ nhất Trung ương Đoàn',
        issuer: 'Trung ương Đoàn',
        office: 'QĐ-TWĐTN',
      };
    case 'ORG_BANG_KHEN':
      return {
        form,
        title: 'Bằng khen của Tỉnh đoàn',
        category: 'NON_STATE',
        level: 'ORGANISATION',
        agency: p.agencies.youth,
        issuerRole: 'Bí thư Tỉnh đoàn',
        issuer: `Tỉnh đoàn ${p.name}`,
        office: 'QĐ-TĐTN',
      };
    case 'PRAISE':
      return {
        form,
        title: 'Thư khen',
        category: 'NON_STATE',
        level: 'PROVINCE',
        agency: p.agencies.committee,
        issuerRole: 'Chủ tịch UBND tỉnh',
        issuer: `UBND ${province}`,
        office: 'TK-UBND',
      };
  }
}

/** Given the seed, a size, and the streams awards draw on, returns the awards stream. */
export function buildAwards(
  seed: number,
  profile: SizeProfile,
  geography: Geography,
  taxonomy: Taxonomy,
  population: Population,
  events: Events,
): Awards {
  const draw = (index: number) => {
    const rng = rngFor(seed, 'award', index);
    const form = FORMS[formSampler.draw(rng)] ?? 'GIAY_KHEN';
    const forEvent = rng.chance(0.35) ? events.event(rng.int(events.count)) : undefined;
    const commune = forEvent?.commune ?? geography.communeSampler.draw(rng);
    const people = new Set<number>();
    const collectives = new Set<number>();
    let day: number;
    if (forEvent) {
      day = Math.min(forEvent.day + 10 + rng.int(110), DAYS_2015_2025 + 200);
      for (const person of forEvent.people) if (people.size < 5 && rng.chance(0.7)) people.add(person);
      for (const collective of forEvent.collectives) if (rng.chance(0.5)) collectives.add(collective);
      if (people.size + collectives.size === 0) people.add(forEvent.people[0] ?? 0);
    } else {
      day = rng.int(DAYS_2015_2025);
      const collective =
        rng.chance(0.15) || form === 'TAP_THE_XUAT_SAC' || form === 'CO_THI_DUA'
          ? population.collectiveIn(rng, commune)
          : undefined;
      if (collective !== undefined) collectives.add(collective);
      else {
        people.add(population.personNear(rng, commune));
        if (rng.chance(0.3)) for (let k = rng.int(4); k >= 0; k--) people.add(population.personNear(rng, commune));
      }
    }
    const c = conferral(rng, form, geography, commune);
    const first = [...people][0];
    const recipientName =
      first !== undefined
        ? population.person(first).name
        : [...collectives][0] !== undefined
          ? population.collective([...collectives][0]!).name
          : geography.communes[commune]!.fullName;
    const movement =
      forEvent?.movement ?? (rng.chance(0.6) ? taxonomy.movementFor(rng, geography.communes[commune]!.province) : undefined);
    const facts: AwardFacts = {
      index,
      id: awardId(index),
      title: c.title,
      day,
      commune,
      people: [...people],
      collectives: [...collectives],
      event: forEvent?.index,
      movement,
      recipientName,
    };
    return { rng, facts, conferral: c };
  };

  return {
    count: profile.awards,
    award: (index) => draw(index).facts,
    emitAward(index, sink) {
      const { rng, facts, conferral: c } = draw(index);
      const date = dayToDate(facts.day);
      const year = Number(date.slice(0, 4));
      const others = facts.people.length + facts.collectives.length - 1;
      const record: Record<string, unknown> & { id: string; name: string } = {
        id: facts.id,
        name: `${c.title} của ${c.issuer} tặng ${facts.recipientName}${others > 0 ? ` và ${others} tập thể, cá nhân` : ''}`,
        form: c.form,
        title: c.title,
        category: c.category,
        level: c.level,
        kind: facts.event !== undefined ? 'AD_HOC' : rng.chance(0.6) ? 'REGULAR' : 'THEMATIC',
        decisionNo: `${1 + rng.int(4999)}/${c.office}`,
        date,
        year,
        issuerRole: c.issuerRole,
        issuerAsWritten: c.issuer,
        legalBasis: c.category === 'NON_STATE' ? 'NONE' : year >= 2024 ? 'LAW_2022' : 'LAW_2003',
        recipientsResolved: true,
      };
      sink.node('Award', record);
      for (const person of facts.people) sink.rel('RECEIVED', personId(person), facts.id);
      for (const collective of facts.collectives) sink.rel('RECEIVED', collectiveId(collective), facts.id);
      sink.rel('CONFERRED_BY', facts.id, c.agency);
      if (facts.event !== undefined) sink.rel('FOR_EVENT', facts.id, eventId(facts.event));
      if (facts.movement) sink.rel('UNDER_MOVEMENT', facts.id, facts.movement);
    },
  };
}
