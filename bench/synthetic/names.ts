import { weightedSampler, type Rng } from './prng';

/**
 * Vietnamese-looking names for synthetic data, composed from common family, middle and given
 * names and place-name syllables, so that search benchmarks meet realistic collisions ("Nguyễn
 * Văn Hùng" is shared by thousands) and realistic diacritics. Every string is NFC.
 */

/** Kinh family names with rough national frequencies (Nguyễn ≈ 38 %). */
const KINH_FAMILIES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 2],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đào', 0.6],
  ['Đinh', 0.6],
  ['Lưu', 0.4],
  ['Trịnh', 0.5],
  ['Mai', 0.4],
  ['Tô', 0.3],
  ['Lương', 0.4],
  ['Cao', 0.3],
];
const HIGHLAND_FAMILIES = ['Giàng', 'Vàng', 'Sùng', 'Thào', 'Hầu', 'Mùa', 'Lầu', 'Ly', 'Lò', 'Nông', 'Lục', 'Ma', 'Triệu', 'Hà'];
const MALE_MIDDLES = [
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Công',
  'Đình',
  'Xuân',
  'Thành',
  'Ngọc',
  'Mạnh',
  'Tiến',
  'Anh',
  'Trung',
];
const FEMALE_MIDDLES = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương', 'Bích'];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Nam',
  'Sơn',
  'Hải',
  'Long',
  'Cường',
  'Thắng',
  'Vinh',
  'Duy',
  'Thức',
  'Tường',
  'Huy',
  'Quân',
  'Khánh',
  'Phong',
  'Bình',
  'Trung',
  'Hiếu',
  'Đạt',
  'Thành',
  'Lâm',
  'Tùng',
  'Kiên',
  'Toàn',
  'Hưng',
  'Việt',
  'Quyết',
];
const FEMALE_GIVEN = [
  'Lan',
  'Hương',
  'Hoa',
  'Mai',
  'Linh',
  'Trang',
  'Thảo',
  'Hạnh',
  'Nga',
  'Yến',
  'Thủy',
  'Hằng',
  'Phương',
  'Ngọc',
  'Hà',
  'Huyền',
  'Nhung',
  'Oanh',
  'Dung',
  'Vân',
  'Loan',
  'Liên',
];
const HIGHLAND_MIDDLES_MALE = ['A', 'Seo', 'Văn', 'Mí'];
const HIGHLAND_MIDDLES_FEMALE = ['Thị', 'Mí', 'Thị'];
const HIGHLAND_GIVEN = [
  'Páo',
  'Chư',
  'Sính',
  'Dế',
  'Pó',
  'Chớ',
  'Tủa',
  'Chá',
  'Lử',
  'Dình',
  'Sủ',
  'Mỷ',
  'Dợ',
  'Súa',
  'Pà',
  'Ly',
  'Chúng',
];

/** Place-name syllables of the lowlands and of the northern highlands. */
const LOWLAND_SYLLABLES = [
  'Tân',
  'Phú',
  'An',
  'Yên',
  'Bình',
  'Hòa',
  'Long',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Hưng',
  'Thịnh',
  'Phước',
  'Lộc',
  'Mỹ',
  'Vĩnh',
  'Quang',
  'Đức',
  'Thành',
  'Hải',
  'Sơn',
  'Lâm',
  'Thủy',
  'Phong',
  'Cát',
  'Hiệp',
  'Xuân',
  'Thuận',
  'Lạc',
  'Khánh',
  'Thái',
  'Hà',
  'Minh',
  'Lập',
  'Tiến',
  'Đồng',
  'Kim',
  'Ngọc',
  'Hồng',
  'Quảng',
  'Định',
  'Hội',
  'Thượng',
  'Hạ',
  'Cẩm',
  'Gia',
  'Trà',
  'Vân',
];
const HIGHLAND_SYLLABLES = [
  'Pải',
  'Lủng',
  'Sủng',
  'Lũng',
  'Phìn',
  'Chải',
  'Xín',
  'Mần',
  'Tả',
  'Sà',
  'Mèo',
  'Vạc',
  'Pù',
  'Khâu',
  'Nậm',
  'Bản',
  'Mường',
  'Pà',
  'Cò',
  'Chu',
  'Hồ',
  'Thầu',
  'Lao',
  'Chảy',
  'Mậu',
  'Duệ',
];

/** Ethnic groups as a source would name them, with rough shares. */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Kinh', 80],
  ['Tày', 4],
  ['Thái', 3.5],
  ['Mường', 3],
  ["H'Mông", 3],
  ['Khmer', 2],
  ['Nùng', 2],
  ['Dao', 1.5],
  ['Giáy', 0.3],
];

const familySampler = weightedSampler(KINH_FAMILIES.map(([, w]) => w));
const ethnicitySampler = weightedSampler(ETHNICITIES.map(([, w]) => w));

/** Given a draw, returns an ethnicity from ETHNICITIES by its share. */
export function drawEthnicity(rng: Rng): string {
  return ETHNICITIES[ethnicitySampler.draw(rng)]?.[0] ?? 'Kinh';
}

/**
 * Given a draw and whether the person lives in the highlands, returns a full name such as
 * "Nguyễn Văn Hùng" or "Giàng A Páo", and whether it is a woman's name.
 */
export function personName(rng: Rng, highland: boolean): { name: string; female: boolean } {
  const female = rng.chance(0.35);
  if (highland && rng.chance(0.6)) {
    const middle = rng.pick(female ? HIGHLAND_MIDDLES_FEMALE : HIGHLAND_MIDDLES_MALE);
    return { name: `${rng.pick(HIGHLAND_FAMILIES)} ${middle} ${rng.pick(HIGHLAND_GIVEN)}`, female };
  }
  const family = KINH_FAMILIES[familySampler.draw(rng)]?.[0] ?? 'Nguyễn';
  const middle = rng.pick(female ? FEMALE_MIDDLES : MALE_MIDDLES);
  return { name: `${family} ${middle} ${rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`, female };
}

/** Given a draw and the terrain, returns a two-syllable place name such as "Tân Lập" or "Pải Lủng". */
export function placeName(rng: Rng, highland: boolean): string {
  const pool = highland ? HIGHLAND_SYLLABLES : LOWLAND_SYLLABLES;
  const first = rng.pick(pool);
  let second = rng.pick(highland && rng.chance(0.3) ? LOWLAND_SYLLABLES : pool);
  if (second === first) second = rng.pick(LOWLAND_SYLLABLES.filter((s) => s !== first));
  return `${first} ${second}`;
}

/**
 * Given a draw, the terrain and the names already taken in this scope, returns a place name not
 * yet taken (adding a third syllable after a few collisions), and records it as taken.
 */
export function uniquePlaceName(rng: Rng, highland: boolean, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = attempt < 8 ? placeName(rng, highland) : `${placeName(rng, highland)} ${rng.pick(LOWLAND_SYLLABLES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${placeName(rng, highland)} ${taken.size}`;
  taken.add(name);
  return name;
}
