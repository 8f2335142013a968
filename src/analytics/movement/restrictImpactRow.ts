import { overlapsPeriod } from '../shared/period';
import type { MovementImpactRow } from './movementColumns';

/**
 * movementImpact.cypher's two date tests on text (its header says why), as they read a stored date:
 * a date of this shape is compared as text with the same prefix of the period's bound; any other
 * text passes.
 */
const COMPARABLE = /^(?:[1-9][0-9]{3}(?:-(?:0[1-9]|1[0-2]))?|[1-9][0-9]{3}-[0-9]{2}-[0-9]{2})$/;

/** "May overlap": false only when the date is surely outside [from, to]; undated and unreadable dates pass. */
function mayOverlap(on: string | null, from: string | null, to: string | null): boolean {
  if (on === null || !COMPARABLE.test(on)) return true;
  return (to === null || on <= to) && (from === null || on >= from.slice(0, on.length));
}

/** "May reach": false only when a recognition can neither count in the period nor follow a story in it; an undated one reaches only without a period. */
function mayReach(on: string | null, from: string | null, to: string | null): boolean {
  if (on === null) return from === null && to === null;
  if (!COMPARABLE.test(on)) return true;
  return from === null || on >= from.slice(0, on.length);
}

/**
 * Given the row movementImpact.cypher answers without a period (every fact, every detail) and a
 * period, returns the row it answers for that period, by the statement's own rules: an award's
 * details only when it may overlap the period; an exemplar only when one of its recognitions may
 * reach the period or a dated story in it features it; an event when such an exemplar took part in
 * it or it may overlap the period; the stories in the period, and apart those with no date; the
 * fields and rollups of what is kept. So one whole row read once answers every period
 * (movementImpactBases.ts), and the statement stays the rule it is checked against
 * (tests/integration/movementImpactBases.test.ts). Pure.
 */
export function restrictImpactRow(whole: MovementImpactRow, from: string | null, to: string | null): MovementImpactRow {
  if (from === null && to === null) return whole;
  const reaching = new Set<string>();
  for (const held of whole.heldUp) if (mayReach(held.since, from, to)) reaching.add(held.id);
  for (const award of whole.awards) {
    if (award.recipients.length > 0 && mayReach(award.on, from, to)) for (const id of award.recipients) reaching.add(id);
  }
  const stories = whole.stories.filter((s) => s.on !== null && overlapsPeriod(s.on, from, to));
  for (const story of stories) for (const id of story.featured) reaching.add(id);
  const exemplars = whole.exemplars.filter((x) => reaching.has(x.id));
  const linked = new Set(exemplars.flatMap((x) => x.events));
  const events = whole.events.filter((e) => linked.has(e.id) || mayOverlap(e.on, from, to));
  const fieldIds = new Set(exemplars.flatMap((x) => x.fields));
  const placeIds = new Set([...exemplars.flatMap((x) => x.homes), ...events.flatMap((e) => e.places)]);
  return {
    movement: whole.movement,
    awards: whole.awards.map((a) =>
      mayOverlap(a.on, from, to) ? a : { ...a, form: null, level: null, kind: null, recipientsResolved: null },
    ),
    heldUp: whole.heldUp,
    exemplars,
    events,
    fields: whole.fields.filter((f) => fieldIds.has(f.id)),
    stories,
    undatedStories: whole.stories.filter((s) => s.on === null).map((s) => s.id),
    rollups: whole.rollups.filter((r) => placeIds.has(r.place)),
  };
}
