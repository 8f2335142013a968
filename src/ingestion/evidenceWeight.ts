import type { GazetteerEntry } from './gazetteer';

const PLACE_WEIGHT: Readonly<Record<string, number>> = {
  COUNTRY: 0,
  PROVINCE: 0.5,
  DISTRICT: 1,
  COMMUNE: 1.5,
  VILLAGE: 1.5,
  NATURAL_FEATURE: 1,
};
const AGENCY_WEIGHT: Readonly<Record<string, number>> = { CENTRAL: 0.5, PROVINCE: 0.75, DISTRICT: 1, COMMUNE: 1.5, UNIT: 1.5 };

/**
 * How much naming this entity in the article says about a namesake's identity: a commune, a unit,
 * an event or a person narrows things down; a province or a country hardly does (half the graph
 * is in Hà Giang).
 */
export function evidenceWeight(entry: GazetteerEntry): number {
  switch (entry.label) {
    case 'Place':
      return PLACE_WEIGHT[entry.level ?? ''] ?? 1;
    case 'Agency':
      return AGENCY_WEIGHT[entry.level ?? ''] ?? 1;
    case 'Event':
      return 2;
    case 'Person':
    case 'Collective':
    case 'Award':
      return 1.5;
    case 'Movement':
    case 'Story':
      return 0.5;
    case 'Field':
      return 0.25;
  }
}
