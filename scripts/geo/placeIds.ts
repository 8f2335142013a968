import { pad, synId } from '../../bench/synthetic/records';
import { foldDiacritics } from '../../src/text/foldDiacritics';
import type { ProvinceRow } from './provinceTables';

/**
 * How a province shape is tied to the graph. The real graph names a province's Place node by the
 * seeds' slug rule (`place:` + unit + kebab-case name without diacritics), and seeds/places.json
 * already holds some; the rest follow the same rule so the dashboard can join figures the day they
 * are loaded:
 * - `place:tinh-<name>` for a province, `place:tp-<name>` for a centrally-run city;
 * - a unit of the 63 whose name lives on in a merged unit of the 34 gets `-cu` ("former"), as the
 *   seeds do for `place:tinh-tuyen-quang-cu`: the merged unit is a new node;
 * - a unit the merger left unchanged keeps one id in both maps;
 * - a seed record wins over the rule, matched by name and validity (validTo before the merger: the
 *   63-map; validFrom on or after it: the 34-map; neither: both). So Hà Nội is `place:ha-noi`, and
 *   Hồ Chí Minh City is `place:tp-ho-chi-minh` in both maps, because the seeds keep one node for it.
 */

const MERGER_DAY = '2025-07-01';

/** Given a name in any of the sources' spellings ("TP Hà Nội", "Thừa Thiên Huế", "TP HCM", "Khánh Hoà"), returns a key to match it by. */
export function nameKey(name: string): string {
  const folded = foldDiacritics(name.normalize('NFC')).toLowerCase();
  const bare = folded.replace(/^(tp\.?|thanh pho|tinh|thu do)[\s_]+/, '').replace(/[^a-z0-9]/g, '');
  return bare === 'hcm' ? 'hochiminh' : bare;
}

/** Given a name, returns its slug: "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau". */
export function slug(name: string): string {
  return foldDiacritics(name.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Given a unit and the rule's suffix, returns its id by the rule. */
export function rulePlaceId(row: Pick<ProvinceRow, 'name' | 'unit'>, former = false): string {
  return `place:${row.unit === 'thành phố' ? 'tp' : 'tinh'}-${slug(row.name)}${former ? '-cu' : ''}`;
}

/** The few fields of a seed Place record this needs. */
export interface SeedPlace {
  readonly id: string;
  readonly name: string;
  readonly level: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** The seeds' province ids by name key, for the 63-map and for the 34-map. */
export interface SeedProvinceIds {
  readonly before: ReadonlyMap<string, string>;
  readonly after: ReadonlyMap<string, string>;
}

/** Given the seed places, returns their province ids by name key and by the map they belong on. */
export function seedProvinceIds(places: readonly SeedPlace[]): SeedProvinceIds {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const place of places) {
    if (place.level !== 'PROVINCE') continue;
    const key = nameKey(place.name);
    const endsBefore = place.validTo !== undefined && place.validTo < MERGER_DAY;
    const startsAfter = place.validFrom !== undefined && place.validFrom >= MERGER_DAY;
    for (const [into, applies] of [
      [before, !startsAfter],
      [after, !endsBefore],
    ] as const) {
      if (!applies) continue;
      const existing = into.get(key);
      if (existing && existing !== place.id) {
        throw new Error(`seedProvinceIds: two seed provinces "${existing}" and "${place.id}" for one map`);
      }
      into.set(key, place.id);
    }
  }
  return { before, after };
}

/**
 * The synthetic graph (bench/synthetic/geography.ts) has 34 provinces `place:syn-p01`…`p34` that
 * live through the reform and 29 `place:syn-op01`…`op29` merged away into randomly drawn ones;
 * their names are invented. They are drawn in real shapes so the dashboard works on synthetic data:
 * province n of the 34 in the order of Nghị quyết 202/2025/QH15 (1 Hà Nội … 34 Cà Mau) is `pNN`; on
 * the 63-map, the unit that carries a 34-unit's name is that unit's `pNN`, and the others are
 * `op01`…`op29` by GSO code. Synthetic merge pairs do not follow real ones, so a synthetic 63-map
 * only shows where figures are, not which real provinces merged.
 */
export function syntheticProvinceId(order: number): string {
  return synId('place', `p${pad(order, 2)}`);
}

/** Given the rank of a merged-away unit among them (1…29), returns its synthetic id. */
export function syntheticMergedProvinceId(rank: number): string {
  return synId('place', `op${pad(rank, 2)}`);
}
