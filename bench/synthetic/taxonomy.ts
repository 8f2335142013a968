import type { Geography } from './geography';
import { mulberry32, weightedSampler, zipfWeights, type Rng, type WeightedSampler } from './prng';
import type { SizeProfile } from './profiles';
import { pad, synId, type Sink } from './records';

/** The field taxonomy: top-level domains and their leaves (slug, Vietnamese name, English gloss). */
const FIELD_TREE: readonly (readonly [string, string, string, readonly (readonly [string, string, string])[]])[] = [
  [
    'public-security',
    'An ninh trật tự',
    'Public security and order',
    [
      ['crime-suppression', 'Đấu tranh phòng, chống tội phạm', 'Crime suppression'],
      ['drug-prevention', 'Phòng, chống ma túy', 'Drug prevention'],
      ['traffic-safety', 'Bảo đảm trật tự an toàn giao thông', 'Traffic safety'],
      ['border-security', 'Bảo vệ an ninh biên giới', 'Border security'],
      ['grassroots-security', 'Phong trào toàn dân bảo vệ an ninh Tổ quốc', 'Grassroots security'],
    ],
  ],
  [
    'rescue',
    'Cứu nạn, cứu hộ',
    'Rescue',
    [
      ['fire-and-rescue', 'Phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Fire and rescue'],
      ['lifesaving', 'Cứu người', 'Lifesaving'],
      ['drowning-rescue', 'Cứu người đuối nước', 'Drowning rescue'],
      ['disaster-response', 'Phòng, chống thiên tai', 'Disaster response'],
    ],
  ],
  [
    'education',
    'Giáo dục và đào tạo',
    'Education',
    [
      ['highland-teaching', 'Dạy học vùng cao', 'Teaching in the highlands'],
      ['study-encouragement', 'Khuyến học, khuyến tài', 'Encouraging learning'],
      ['vocational-training', 'Đào tạo nghề', 'Vocational training'],
      ['literacy', 'Xóa mù chữ', 'Literacy'],
    ],
  ],
  [
    'health',
    'Y tế',
    'Health',
    [
      ['grassroots-health', 'Y tế cơ sở', 'Grassroots health care'],
      ['blood-donation', 'Hiến máu tình nguyện', 'Blood donation'],
      ['epidemic-prevention', 'Phòng, chống dịch bệnh', 'Epidemic prevention'],
    ],
  ],
  [
    'economy',
    'Sản xuất, kinh doanh giỏi',
    'Good production and business',
    [
      ['agriculture', 'Sản xuất nông nghiệp', 'Agriculture'],
      ['livestock', 'Chăn nuôi', 'Livestock'],
      ['forestry', 'Trồng và bảo vệ rừng', 'Forestry'],
      ['handicraft', 'Nghề thủ công truyền thống', 'Traditional crafts'],
      ['community-tourism', 'Du lịch cộng đồng', 'Community tourism'],
      ['cooperatives', 'Kinh tế tập thể, hợp tác xã', 'Cooperatives'],
      ['startups', 'Khởi nghiệp', 'Start-ups'],
    ],
  ],
  [
    'new-rural',
    'Xây dựng nông thôn mới',
    'New rural development',
    [
      ['land-donation', 'Hiến đất làm đường', 'Donating land for roads'],
      ['rural-infrastructure', 'Xây dựng hạ tầng nông thôn', 'Rural infrastructure'],
      ['model-villages', 'Khu dân cư kiểu mẫu', 'Model residential areas'],
    ],
  ],
  [
    'culture',
    'Văn hóa, văn nghệ',
    'Culture and arts',
    [
      ['folk-arts', 'Bảo tồn văn hóa dân gian', 'Folk arts'],
      ['cultured-families', 'Gia đình văn hóa', 'Cultured families'],
      ['sports', 'Thể dục, thể thao', 'Sports'],
    ],
  ],
  [
    'social-welfare',
    'An sinh xã hội',
    'Social welfare',
    [
      ['poverty-reduction', 'Giảm nghèo bền vững', 'Poverty reduction'],
      ['charity', 'Từ thiện, nhân đạo', 'Charity'],
      ['gratitude', 'Đền ơn đáp nghĩa', 'Gratitude to war veterans'],
      ['elderly-care', 'Chăm sóc người cao tuổi', 'Elderly care'],
    ],
  ],
  [
    'defence',
    'Quốc phòng',
    'National defence',
    [
      ['militia', 'Dân quân tự vệ', 'Militia'],
      ['border-guards', 'Bộ đội biên phòng', 'Border guards'],
    ],
  ],
  [
    'environment',
    'Bảo vệ môi trường',
    'Environment',
    [
      ['waste', 'Thu gom, xử lý rác thải', 'Waste collection'],
      ['clean-water', 'Nước sạch và vệ sinh môi trường', 'Clean water and sanitation'],
    ],
  ],
  [
    'science',
    'Khoa học, công nghệ',
    'Science and technology',
    [
      ['innovation', 'Sáng kiến, cải tiến kỹ thuật', 'Technical innovation'],
      ['digital-transformation', 'Chuyển đổi số', 'Digital transformation'],
    ],
  ],
  [
    'party-building',
    'Xây dựng Đảng và hệ thống chính trị',
    'Party and political system building',
    [
      ['mass-mobilisation', 'Dân vận khéo', 'Skilled mass mobilisation'],
      ['administrative-reform', 'Cải cách hành chính', 'Administrative reform'],
    ],
  ],
];

/** National movements: name, kind, the field they mostly concern (for readers), who launched them. */
const NATIONAL_MOVEMENTS: readonly (readonly [string, string, string, string])[] = [
  ['Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”', 'THEMATIC', 'public-security', 'police'],
  ['Phong trào thi đua “Vì an ninh Tổ quốc”', 'THEMATIC', 'public-security', 'police'],
  [
    'Phong trào thi đua “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”',
    'THEMATIC',
    'social-welfare',
    'government',
  ],
  ['Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”', 'THEMATIC', 'new-rural', 'government'],
  ['Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”', 'THEMATIC', 'culture', 'government'],
  ['Phong trào thi đua “Dân vận khéo”', 'THEMATIC', 'party-building', 'government'],
  ['Phong trào “Thi đua dạy tốt, học tốt”', 'REGULAR', 'education', 'government'],
  ['Phong trào “Lao động giỏi, lao động sáng tạo”', 'REGULAR', 'economy', 'government'],
  ['Phong trào “Tuổi trẻ xung kích, tình nguyện”', 'REGULAR', 'rescue', 'youth'],
  ['Phong trào thi đua “Đẩy mạnh chuyển đổi số”', 'THEMATIC', 'science', 'government'],
  ['Phong trào “Hiến máu tình nguyện”', 'CAMPAIGN', 'health', 'youth'],
  ['Phong trào thi đua “Phòng, chống thiên tai và cứu nạn, cứu hộ”', 'THEMATIC', 'rescue', 'government'],
];

const PROVINCE_THEMES = [
  'Vì an ninh trật tự',
  'Xây dựng nông thôn mới',
  'Chung tay giảm nghèo bền vững',
  'Dạy tốt, học tốt',
  'Cứu nạn, cứu hộ',
  'Chuyển đổi số',
  'Sản xuất, kinh doanh giỏi',
  'Bảo vệ rừng',
  'Dân vận khéo',
  'Hiến đất làm đường',
];

export interface Taxonomy {
  /** Leaf field ids in popularity order, and a Zipf draw over them: a few hubs hold most exemplars. */
  readonly fields: readonly string[];
  readonly fieldSampler: WeightedSampler;
  readonly nationalMovements: readonly string[];
  readonly nationalSampler: WeightedSampler;
  /** For each province, its own movements. */
  readonly provinceMovements: readonly (readonly string[])[];
  /** Given a draw and a province, returns a movement id: national ones (by popularity) or the province's own. */
  movementFor(rng: Rng, province: number): string;
}

/** How steep the field popularity is: with 44 leaves, the top field holds about a quarter of the exemplars. */
export const FIELD_ZIPF_EXPONENT = 1.15;

/**
 * Given the seed, a size and the geography, writes the field taxonomy (PART_OF its parent) and the
 * movements (national and per province, LAUNCHED_BY an agency) into the sink.
 */
export function buildTaxonomy(seed: number, profile: SizeProfile, geography: Geography, sink: Sink): Taxonomy {
  const rng = mulberry32(seed ^ 0x7a7a02);
  const leaves: string[] = [];
  for (const [slug, name, nameEn, children] of FIELD_TREE) {
    const parent = sink.node('Field', { id: synId('field', slug), name, nameEn });
    for (const [childSlug, childName, childEn] of children) {
      const child = sink.node('Field', { id: synId('field', childSlug), name: childName, nameEn: childEn });
      sink.rel('PART_OF', child, parent);
      leaves.push(child);
    }
  }
  // Popularity is a shuffled order of the leaves, so the hub is not simply the first field listed.
  for (let i = leaves.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [leaves[i], leaves[j]] = [leaves[j]!, leaves[i]!];
  }

  const central = geography.central;
  const nationalMovements = NATIONAL_MOVEMENTS.map(([name, kind, , launcher], i) => {
    const year = 2005 + rng.int(15);
    const id = sink.node('Movement', {
      id: synId('movement', `n${pad(i + 1, 2)}`),
      name,
      kind,
      scope: 'NATIONAL',
      launchedOn: `${year}-${pad(1 + rng.int(12), 2)}-${pad(1 + rng.int(28), 2)}`,
      periodFrom: String(year),
    });
    sink.rel(
      'LAUNCHED_BY',
      id,
      launcher === 'police' ? central.police : launcher === 'youth' ? central.youth : central.government,
    );
    return id;
  });
  const provinceMovements = geography.provinces.map((province) =>
    Array.from({ length: profile.movementsPerProvince }, (_, k) => {
      const from = 2016 + 5 * (k % 2) + rng.int(3);
      const id = sink.node('Movement', {
        id: synId('movement', `p${pad(province.index + 1, 2)}-${k + 1}`),
        name: `Phong trào thi đua “${rng.pick(PROVINCE_THEMES)}” ${province.unit} ${province.name} giai đoạn ${from}–${from + 4}`,
        kind: rng.chance(0.7) ? 'THEMATIC' : 'CAMPAIGN',
        scope: 'LOCALITY',
        periodFrom: String(from),
        periodTo: String(from + 4),
      });
      sink.rel('LAUNCHED_BY', id, province.agencies.committee);
      return id;
    }),
  );
  const nationalSampler = weightedSampler(zipfWeights(nationalMovements.length, 1));
  return {
    fields: leaves,
    fieldSampler: weightedSampler(zipfWeights(leaves.length, FIELD_ZIPF_EXPONENT)),
    nationalMovements,
    nationalSampler,
    provinceMovements,
    movementFor(draw, province) {
      const own = provinceMovements[province] ?? [];
      if (own.length > 0 && draw.chance(0.4)) return draw.pick(own);
      return nationalMovements[nationalSampler.draw(draw)]!;
    },
  };
}
