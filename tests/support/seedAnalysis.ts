import { seedRecords, seedRelationships, type SeedRelationship } from './seedFacts';

/**
 * Expectations for the analysis tests, read from the seed files with plain loops (never from the
 * code under test): movement membership, place containment on a day, and today's successors.
 */

function kindOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** Awards given under a movement (UNDER_MOVEMENT from an award). */
export function awardsUnderMovement(movement: string): string[] {
  return seedRelationships()
    .filter((r) => r.type === 'UNDER_MOVEMENT' && r.to === movement && kindOf(r.from) === 'award')
    .map((r) => r.from)
    .sort();
}

/** A movement's exemplars: people and collectives held up (EXEMPLAR_OF) or receiving one of its awards. */
export function movementExemplars(movement: string): string[] {
  const awards = new Set(awardsUnderMovement(movement));
  const rels = seedRelationships();
  const heldUp = rels.filter((r) => r.type === 'EXEMPLAR_OF' && r.to === movement).map((r) => r.from);
  const awarded = rels
    .filter((r) => r.type === 'RECEIVED' && awards.has(r.to) && ['person', 'collective'].includes(kindOf(r.from)))
    .map((r) => r.from);
  return [...new Set([...heldUp, ...awarded])].sort();
}

/** Whether an award's recipients are unresolved in awards.json. */
export function unresolvedAward(award: string): boolean {
  return seedRecords('awards.json').find((a) => a.id === award)?.recipientsResolved === false;
}

function validOn(r: SeedRelationship, day: string): boolean {
  const from = r.validFrom as string | undefined;
  const to = r.validTo as string | undefined;
  return (from === undefined || from <= day) && (to === undefined || to >= day);
}

/** The place and every unit containing it on the day (PART_OF edges valid that day). */
export function containersOn(place: string, day: string): string[] {
  const rels = seedRelationships().filter((r) => r.type === 'PART_OF' && kindOf(r.from) === 'place' && validOn(r, day));
  const out = [place];
  for (let i = 0; i < out.length; i += 1) {
    for (const r of rels) if (r.from === out[i] && !out.includes(r.to)) out.push(r.to);
  }
  return out.sort();
}

/** Today's units for a place: its successors still valid (SUCCEEDED_BY) and the units containing them now. */
export function unitsToday(place: string): string[] {
  const places = new Map(seedRecords('places.json').map((p) => [p.id as string, p]));
  const rels = seedRelationships();
  const current = (id: string) => places.get(id)?.validTo === undefined;
  const successors = [place];
  for (let i = 0; i < successors.length; i += 1) {
    for (const r of rels) {
      if (r.type === 'SUCCEEDED_BY' && r.from === successors[i] && !successors.includes(r.to)) successors.push(r.to);
    }
  }
  const out = successors.filter(current);
  const partOf = rels.filter((r) => r.type === 'PART_OF' && kindOf(r.from) === 'place' && r.validTo === undefined);
  for (let i = 0; i < out.length; i += 1) {
    for (const r of partOf) if (r.from === out[i] && current(r.to) && !out.includes(r.to)) out.push(r.to);
  }
  return out.sort();
}

/** Whether relationships.json holds the fact (from, type, to). */
export function factExists(from: string, type: string, to: string): boolean {
  return seedRelationships().some((r) => r.from === from && r.type === type && r.to === to);
}
