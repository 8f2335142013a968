import type { Geography } from './geography';
import { drawEthnicity, personName, placeName } from './names';
import { apportion, rngFor, type Rng } from './prng';
import type { SizeProfile } from './profiles';
import { dayToDate, DAYS_2015_2025, pad, synId, type Sink } from './records';
import type { Taxonomy } from './taxonomy';

/**
 * People and collectives, placed in communes by population. Entity i of either kind is a pure
 * function of (seed, i), so events, awards and stories can re-derive whom they involve without
 * the graph being held in memory; people of one commune have consecutive indexes.
 */
export interface PersonFacts {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly commune: number;
  readonly agency: string;
  readonly fields: readonly string[];
  readonly movement: string | undefined;
  readonly collective: number | undefined;
}

export interface CollectiveFacts {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly commune: number;
}

export interface Population {
  readonly people: number;
  readonly collectives: number;
  /** Given a draw and a commune, returns a person living there (or in its province, 25 % of the time). */
  personNear(rng: Rng, commune: number): number;
  /** Given a draw and a commune, returns one of its collectives, if it has any. */
  collectiveIn(rng: Rng, commune: number): number | undefined;
  person(index: number): PersonFacts;
  collective(index: number): CollectiveFacts;
  /** Writes person i (node and relationships) into the sink. */
  readonly emitPerson: (index: number, sink: Sink) => void;
  /** Writes collective i (node and relationships) into the sink. */
  readonly emitCollective: (index: number, sink: Sink) => void;
}

/** Given a person's index, returns its id (`person:syn-0000123`). */
export const personId = (i: number) => synId('person', pad(i));
/** Given a collective's index, returns its id. */
export const collectiveId = (i: number) => synId('collective', pad(i));

const POLICE_RANKS = ['Hạ sĩ', 'Trung sĩ', 'Thiếu úy', 'Trung úy', 'Thượng úy', 'Đại úy', 'Thiếu tá', 'Trung tá'];
const HIGHLAND_ETHNICITIES = ["H'Mông", "H'Mông", 'Tày', 'Dao', 'Nùng', 'Giáy', 'Kinh'];

function prefixSums(counts: readonly number[]): Int32Array {
  const starts = new Int32Array(counts.length + 1);
  counts.forEach((c, i) => (starts[i + 1] = (starts[i] ?? 0) + c));
  return starts;
}

/** Given prefix sums and an index, returns the slot holding it (binary search). */
function slotOf(starts: Int32Array, index: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Given the seed, a size, the geography and the taxonomy, returns the population. */
export function buildPopulation(seed: number, profile: SizeProfile, geography: Geography, taxonomy: Taxonomy): Population {
  const { communes, provinces } = geography;
  const weights = communes.map((c) => c.weight);
  const personStarts = prefixSums(apportion(profile.people, weights, 1));
  const collectiveStarts = prefixSums(apportion(profile.collectives, weights));
  const inCommune = (starts: Int32Array, rng: Rng, commune: number): number | undefined => {
    const from = starts[commune] ?? 0;
    const count = (starts[commune + 1] ?? 0) - from;
    return count > 0 ? from + rng.int(count) : undefined;
  };
  const drawFields = (rng: Rng, second: number): string[] => {
    const first = taxonomy.fields[taxonomy.fieldSampler.draw(rng)]!;
    if (!rng.chance(second)) return [first];
    const other = taxonomy.fields[taxonomy.fieldSampler.draw(rng)]!;
    return other === first ? [first] : [first, other];
  };

  const personNear = (rng: Rng, commune: number): number => {
    let where = commune;
    if (rng.chance(0.25)) {
      const province = provinces[communes[commune]?.province ?? 0]!;
      where = province.communes[geography.communeInProvince[province.index]!.draw(rng)] ?? commune;
    }
    return inCommune(personStarts, rng, where) ?? 0;
  };
  const collectiveIn = (rng: Rng, commune: number) => inCommune(collectiveStarts, rng, commune);

  const personDraw = (index: number) => {
    const rng = rngFor(seed, 'person', index);
    const commune = communes[slotOf(personStarts, index)]!;
    const province = provinces[commune.province]!;
    const { name } = personName(rng, province.highland);
    const roll = rng.next();
    const agencies = province.agencies;
    const agency =
      roll < 0.35
        ? commune.police
        : roll < 0.55
          ? commune.committee
          : roll < 0.7
            ? commune.youth
            : roll < 0.8
              ? agencies.police
              : roll < 0.85
                ? agencies.fireRescue
                : roll < 0.9
                  ? agencies.education
                  : roll < 0.95
                    ? agencies.hospital
                    : agencies.women;
    const fields = drawFields(rng, 0.5);
    const collective = rng.chance(0.5) ? collectiveIn(rng, commune.index) : undefined;
    const movement = rng.chance(0.55) ? taxonomy.movementFor(rng, province.index) : undefined;
    const facts: PersonFacts = { index, id: personId(index), name, commune: commune.index, agency, fields, movement, collective };
    return {
      rng,
      facts,
      highland: province.highland,
      police: agency === commune.police || agency === agencies.police || agency === agencies.fireRescue,
    };
  };

  const collectiveDraw = (index: number) => {
    const rng = rngFor(seed, 'collective', index);
    const commune = communes[slotOf(collectiveStarts, index)]!;
    const highland = provinces[commune.province]!.highland;
    const roll = rng.next();
    const local = placeName(rng, highland);
    const [kind, name] =
      roll < 0.25
        ? [
            'TEAM',
            rng.pick([
              `Tổ cứu hộ ${commune.fullName}`,
              `Đội xung kích phòng chống thiên tai ${commune.fullName}`,
              `Tổ an ninh trật tự thôn ${local}`,
            ]),
          ]
        : roll < 0.5
          ? [
              'UNIT',
              rng.pick([
                `Trường Tiểu học ${local}`,
                `Trạm Y tế ${commune.fullName}`,
                `Chi đoàn thanh niên thôn ${local}`,
                `Trường THCS ${local}`,
              ]),
            ]
          : roll < 0.7
            ? ['HOUSEHOLD', `Hộ gia đình ${rng.chance(0.6) ? 'ông' : 'bà'} ${personName(rng, highland).name}`]
            : roll < 0.85
              ? ['VILLAGE', `${highland ? 'Bản' : 'Thôn'} ${local}, ${commune.fullName}`]
              : [
                  'OTHER',
                  rng.pick([
                    `Hợp tác xã ${local}`,
                    `Câu lạc bộ ${rng.pick(['dân vũ', 'thơ ca', 'bảo vệ rừng', 'khuyến học'])} ${commune.fullName}`,
                  ]),
                ];
    const facts: CollectiveFacts = { index, id: collectiveId(index), name, commune: commune.index };
    return { rng, facts, kind };
  };

  return {
    people: profile.people,
    collectives: profile.collectives,
    personNear,
    collectiveIn,
    person: (index) => personDraw(index).facts,
    collective: (index) => collectiveDraw(index).facts,
    emitPerson(index, sink) {
      const { rng, facts, highland, police } = personDraw(index);
      const record: Record<string, unknown> & { id: string; name: string } = {
        id: facts.id,
        name: facts.name,
        birthYear: 1950 + rng.int(56),
      };
      if (rng.chance(0.5)) record.ethnicity = highland ? rng.pick(HIGHLAND_ETHNICITIES) : drawEthnicity(rng);
      if (police) {
        record.rank = rng.pick(POLICE_RANKS);
        record.rankAsOf = dayToDate(rng.int(DAYS_2015_2025));
      }
      if (rng.chance(0.003)) {
        record.honorific = 'Liệt sĩ';
        record.posthumous = true;
        record.diedOn = dayToDate(rng.int(DAYS_2015_2025));
      }
      sink.node('Person', record);
      sink.rel('LOCATED_IN', facts.id, communes[facts.commune]!.id);
      sink.rel('MEMBER_OF', facts.id, facts.agency, rng.chance(0.3) ? { since: `${2000 + rng.int(25)}-01-01` } : {});
      if (facts.collective !== undefined) sink.rel('MEMBER_OF', facts.id, collectiveId(facts.collective));
      for (const field of facts.fields) sink.rel('ACTIVE_IN', facts.id, field);
      if (facts.movement) sink.rel('EXEMPLAR_OF', facts.id, facts.movement);
    },
    emitCollective(index, sink) {
      const { rng, facts, kind } = collectiveDraw(index);
      const province = provinces[communes[facts.commune]!.province]!;
      sink.node('Collective', { id: facts.id, name: facts.name, kind });
      for (const field of drawFields(rng, 0.3)) sink.rel('ACTIVE_IN', facts.id, field);
      if (rng.chance(0.6)) sink.rel('EXEMPLAR_OF', facts.id, taxonomy.movementFor(rng, province.index));
    },
  };
}
