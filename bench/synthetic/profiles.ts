/**
 * The sizes of synthetic graph the benchmarks run on. The fixed part (places, agencies, fields,
 * movements) follows the country; the streamed part (people, collectives, events, awards,
 * stories) sets the size.
 */

/** Bump when the generator's output changes for a given seed: loaded databases are then rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20_250_701;

/** Every synthetic fact cites this, never a real source. */
export const SYNTHETIC_SOURCE = 'https://example.invalid/synthetic';

export const SIZE_NAMES = ['S', 'M', 'L'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export interface SizeProfile {
  readonly name: SizeName;
  /** Communes and wards after the 2025 reform (3,321 in the real country; S keeps a sample). */
  readonly communes: number;
  /** Districts abolished on 1 July 2025, kept with validTo for dated hierarchy queries. */
  readonly districts: number;
  /** Thematic movements each province launches (besides the national ones). */
  readonly movementsPerProvince: number;
  readonly people: number;
  readonly collectives: number;
  readonly events: number;
  readonly awards: number;
  readonly stories: number;
}

/** Node counts: S ≈ 10k, M ≈ 100k, L ≈ 1M (with ≈ 5M relationships). */
export const PROFILES: Readonly<Record<SizeName, SizeProfile>> = {
  S: {
    name: 'S',
    communes: 340,
    districts: 68,
    movementsPerProvince: 1,
    people: 4_500,
    collectives: 500,
    events: 1_000,
    awards: 1_200,
    stories: 700,
  },
  M: {
    name: 'M',
    communes: 3_321,
    districts: 696,
    movementsPerProvince: 3,
    people: 50_000,
    collectives: 6_000,
    events: 10_000,
    awards: 11_000,
    stories: 7_000,
  },
  L: {
    name: 'L',
    communes: 3_321,
    districts: 696,
    movementsPerProvince: 5,
    people: 600_000,
    collectives: 60_000,
    events: 120_000,
    awards: 130_000,
    stories: 74_000,
  },
};

/** Given a size name (any case), returns its profile, or throws naming the sizes there are. */
export function profileFor(name: string): SizeProfile {
  const key = name.toUpperCase();
  if (!(SIZE_NAMES as readonly string[]).includes(key)) {
    throw new Error(`size must be one of ${SIZE_NAMES.join(', ')} (got "${name}")`);
  }
  return PROFILES[key as SizeName];
}
