import { uniquePlaceName } from './names';
import { apportion, mulberry32, weightedSampler, type Rng, type WeightedSampler } from './prng';
import type { SizeProfile } from './profiles';
import { pad, synId, type Sink } from './records';

/** The two-tier units after 1 July 2025 (34 provinces), the 29 provinces merged away, and districts. */
export const PROVINCES = 34;
export const MERGED_PROVINCES = 29;
const CITIES = 6;
const HIGHLAND_PROVINCES = 8;
export const REFORM_DAY = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';
const REFORM_INSTRUMENT = 'Nghị quyết 202/2025/QH15 (tổng hợp)';

export interface ProvinceAgencies {
  readonly committee: string;
  readonly police: string;
  readonly fireRescue: string;
  readonly party: string;
  readonly youth: string;
  readonly women: string;
  readonly press: string;
  readonly education: string;
  readonly hospital: string;
}

export interface Province {
  readonly index: number;
  readonly id: string;
  /** The bare name ("Tân Lập"); the node's name adds the unit ("tỉnh Tân Lập"). */
  readonly name: string;
  readonly unit: 'tỉnh' | 'thành phố';
  readonly highland: boolean;
  readonly weight: number;
  readonly communes: number[];
  readonly agencies: ProvinceAgencies;
}

export interface Commune {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly fullName: string;
  readonly province: number;
  /** How many people live here, relative to other communes. */
  readonly weight: number;
  readonly committee: string;
  readonly police: string;
  readonly youth: string;
}

export interface Geography {
  readonly provinces: readonly Province[];
  readonly communes: readonly Commune[];
  /** Draws a commune by population weight. */
  readonly communeSampler: WeightedSampler;
  /** For each province, draws one of its communes by weight (index into province.communes). */
  readonly communeInProvince: readonly WeightedSampler[];
  readonly central: {
    readonly government: string;
    readonly president: string;
    readonly police: string;
    readonly youth: string;
    readonly emulation: string;
    readonly press: string;
  };
}

function shuffled(rng: Rng, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function provinceAgencies(
  sink: Sink,
  province: { id: string; name: string; unit: string; tag: string },
  central: Geography['central'],
): ProvinceAgencies {
  const t = province.tag;
  const short = province.unit === 'tỉnh' ? 'Tỉnh' : 'Thành';
  const placeIn = (id: string) => sink.rel('LOCATED_IN', id, province.id);
  const agency = (suffix: string, name: string, kind: string, level = 'PROVINCE', parent?: string) => {
    const id = sink.node('Agency', { id: synId('agency', `${t}-${suffix}`), name, level, kind });
    placeIn(id);
    if (parent) sink.rel('PART_OF', id, parent);
    return id;
  };
  const where = `${province.unit} ${province.name}`;
  const police = agency('police', `Công an ${where}`, 'POLICE', 'PROVINCE', central.police);
  return {
    committee: agency('ubnd', `UBND ${where}`, 'PEOPLES_COMMITTEE', 'PROVINCE', central.government),
    police,
    fireRescue: agency('pc07', `Phòng Cảnh sát PCCC và CNCH Công an ${where}`, 'POLICE', 'UNIT', police),
    party: agency('party', `${short} ủy ${province.name}`, 'PARTY'),
    youth: agency('youth', `${short} đoàn ${province.name}`, 'MASS_ORGANISATION', 'PROVINCE', central.youth),
    women: agency('women', `Hội Liên hiệp Phụ nữ ${where}`, 'MASS_ORGANISATION'),
    press: agency('press', `Báo ${province.name}`, 'PRESS'),
    education: agency('edu', `Sở Giáo dục và Đào tạo ${where}`, 'STATE_OFFICE'),
    hospital: agency('hospital', `Bệnh viện Đa khoa ${where}`, 'HOSPITAL'),
  };
}

/**
 * Given the seed and a size, writes the country's places and agencies into the sink and returns
 * the geography the streamed entities are placed in: 34 provinces (6 cities, 8 highland), the 29
 * provinces merged away on 1 July 2025 (SUCCEEDED_BY), districts that were abolished (validTo),
 * communes PART_OF their province (and of their district until the reform), and for each unit its
 * People's Committee, police and mass organisations.
 */
export function buildGeography(seed: number, profile: SizeProfile, sink: Sink): Geography {
  const rng = mulberry32(seed ^ 0x5eed01);
  const country = sink.node('Place', {
    id: synId('place', 'country'),
    name: 'Việt Nam',
    nameEn: 'Viet Nam (synthetic)',
    level: 'COUNTRY',
    unitType: 'nước',
  });
  const centralAgency = (tag: string, name: string, kind: string) => {
    const id = sink.node('Agency', { id: synId('agency', `central-${tag}`), name, level: 'CENTRAL', kind });
    sink.rel('LOCATED_IN', id, country);
    return id;
  };
  const central = {
    government: centralAgency('government', 'Chính phủ', 'STATE_OFFICE'),
    president: centralAgency('president', 'Văn phòng Chủ tịch nước', 'STATE_OFFICE'),
    police: centralAgency('police', 'Bộ Công an', 'POLICE'),
    youth: centralAgency('youth', 'Trung ương Đoàn TNCS Hồ Chí Minh', 'MASS_ORGANISATION'),
    emulation: centralAgency('emulation', 'Ban Thi đua – Khen thưởng Trung ương', 'STATE_OFFICE'),
    press: centralAgency('press', 'Cổng thông tin Thi đua – Khen thưởng', 'PRESS'),
  };

  const names = new Set<string>();
  const order = shuffled(rng, PROVINCES);
  const highland = new Set(order.slice(CITIES, CITIES + HIGHLAND_PROVINCES));
  const cities = new Set(order.slice(0, CITIES));
  const weights = Array.from({ length: PROVINCES }, (_, i) => (cities.has(i) ? 3 : 1) * (0.4 + rng.next() * 1.6));
  const communeCounts = apportion(profile.communes, weights, 1);
  const districtCounts = apportion(profile.districts, communeCounts);

  const provinces: Province[] = [];
  for (let i = 0; i < PROVINCES; i++) {
    const name = uniquePlaceName(rng, highland.has(i), names);
    const unit = cities.has(i) ? 'thành phố' : 'tỉnh';
    const tag = `p${pad(i + 1, 2)}`;
    const id = sink.node('Place', {
      id: synId('place', tag),
      name: `${unit} ${name}`,
      level: 'PROVINCE',
      unitType: unit,
      code: pad(i + 1, 2),
    });
    sink.rel('PART_OF', id, country);
    const agencies = provinceAgencies(sink, { id, name, unit, tag }, central);
    provinces.push({ index: i, id, name, unit, highland: highland.has(i), weight: weights[i] ?? 1, communes: [], agencies });
  }

  // Provinces merged away: before the reform each was a unit of its own with its own committee.
  const parentsBefore: string[][] = provinces.map((p) => [p.id]);
  for (let k = 0; k < MERGED_PROVINCES; k++) {
    const into = provinces[order[k % (PROVINCES - 11)] ?? 0]!;
    const name = uniquePlaceName(rng, into.highland, names);
    const tag = `op${pad(k + 1, 2)}`;
    const id = sink.node('Place', {
      id: synId('place', tag),
      name: `tỉnh ${name}`,
      level: 'PROVINCE',
      unitType: 'tỉnh',
      code: pad(PROVINCES + k + 1, 2),
      validTo: LAST_DAY_BEFORE_REFORM,
    });
    sink.rel('PART_OF', id, country, { validTo: LAST_DAY_BEFORE_REFORM });
    sink.rel('SUCCEEDED_BY', id, into.id, { date: REFORM_DAY, instrument: REFORM_INSTRUMENT });
    for (const [suffix, kind, successor] of [
      ['ubnd', 'PEOPLES_COMMITTEE', into.agencies.committee],
      ['police', 'POLICE', into.agencies.police],
    ] as const) {
      const agency = sink.node('Agency', {
        id: synId('agency', `${tag}-${suffix}`),
        name: `${kind === 'POLICE' ? 'Công an' : 'UBND'} tỉnh ${name}`,
        level: 'PROVINCE',
        kind,
        validTo: LAST_DAY_BEFORE_REFORM,
      });
      sink.rel('LOCATED_IN', agency, id, { validTo: LAST_DAY_BEFORE_REFORM });
      sink.rel('SUCCEEDED_BY', agency, successor, { date: REFORM_DAY, instrument: REFORM_INSTRUMENT });
    }
    parentsBefore[into.index]!.push(id);
  }

  const communes: Commune[] = [];
  let districtNo = 0;
  for (const province of provinces) {
    const taken = new Set<string>();
    const districts: string[] = [];
    for (let d = 0; d < (districtCounts[province.index] ?? 0); d++) {
      const name = uniquePlaceName(rng, province.highland, taken);
      const tag = `d${pad(++districtNo, 4)}`;
      const id = sink.node('Place', {
        id: synId('place', tag),
        name: `huyện ${name}`,
        level: 'DISTRICT',
        unitType: 'huyện',
        validTo: LAST_DAY_BEFORE_REFORM,
      });
      sink.rel('PART_OF', id, rng.pick(parentsBefore[province.index]!), { validTo: LAST_DAY_BEFORE_REFORM });
      const committee = sink.node('Agency', {
        id: synId('agency', `${tag}-ubnd`),
        name: `UBND huyện ${name}`,
        level: 'DISTRICT',
        kind: 'PEOPLES_COMMITTEE',
        validTo: LAST_DAY_BEFORE_REFORM,
      });
      sink.rel('LOCATED_IN', committee, id, { validTo: LAST_DAY_BEFORE_REFORM });
      districts.push(id);
    }
    for (let c = 0; c < (communeCounts[province.index] ?? 0); c++) {
      const index = communes.length;
      const name = uniquePlaceName(rng, province.highland, taken);
      const ward = province.unit === 'thành phố' ? rng.chance(0.6) : rng.chance(0.1);
      const unit = ward ? 'phường' : 'xã';
      const tag = `c${pad(index + 1, 5)}`;
      const id = sink.node('Place', {
        id: synId('place', tag),
        name: `${unit} ${name}`,
        level: 'COMMUNE',
        unitType: unit,
        code: pad(index + 1, 5),
      });
      sink.rel('PART_OF', id, province.id, { validFrom: REFORM_DAY });
      if (districts.length > 0) sink.rel('PART_OF', id, rng.pick(districts), { validTo: LAST_DAY_BEFORE_REFORM });
      const agency = (suffix: string, agencyName: string, kind: string, parent: string) => {
        const agencyId = sink.node('Agency', {
          id: synId('agency', `${tag}-${suffix}`),
          name: agencyName,
          level: 'COMMUNE',
          kind,
        });
        sink.rel('LOCATED_IN', agencyId, id);
        sink.rel('PART_OF', agencyId, parent);
        return agencyId;
      };
      const fullName = `${unit} ${name}`;
      communes.push({
        index,
        id,
        name,
        fullName,
        province: province.index,
        weight: province.weight * (0.3 + rng.next() * 1.7) * (ward ? 2 : 1),
        committee: agency('ubnd', `UBND ${fullName}`, 'PEOPLES_COMMITTEE', province.agencies.committee),
        police: agency('police', `Công an ${fullName}`, 'POLICE', province.agencies.police),
        youth: agency('youth', `Đoàn Thanh niên ${fullName}`, 'MASS_ORGANISATION', province.agencies.youth),
      });
      province.communes.push(index);
    }
  }
  return {
    provinces,
    communes,
    communeSampler: weightedSampler(communes.map((c) => c.weight)),
    communeInProvince: provinces.map((p) => weightedSampler(p.communes.map((c) => communes[c]?.weight ?? 1))),
    central,
  };
}
