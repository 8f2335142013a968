import type { Label } from '../domain/labels';
import type { EntryContext, GazetteerEntry } from './gazetteer';
import type { GraphNodeRecord } from './graphRecords';

/** What the graph says around one entity, before it is sorted into an EntryContext. */
export interface NeighbourhoodParts {
  /** First-hop neighbours, second-hop nodes and ancestors (the entity itself may be among them). */
  readonly reached: ReadonlyArray<{ readonly id: string; readonly label: Label | undefined }>;
  /** Places the entity itself is in: targets of its OCCURRED_IN, LOCATED_IN and PART_OF. */
  readonly directPlaceIds: readonly string[];
  /** First-hop neighbours that are events or awards: their dates describe the entity too. */
  readonly datedNeighbours: readonly GraphNodeRecord[];
}

/** Given an event, award or story, returns its own date (whole or partial), as the matcher compares dates. */
export function ownDate(node: GraphNodeRecord): string | undefined {
  if (node.label === 'Event') return node.date ?? node.period;
  if (node.label === 'Award') return node.date ?? (node.year === undefined ? undefined : String(node.year));
  if (node.label === 'Story') return node.publishedAt;
  return undefined;
}

/**
 * Given a node and what was reached around it, returns its context: the reached ids sorted by
 * label (the node left out), the places it is directly in, and the dates of the node and, unless
 * it is an event or award itself, of the events and awards it is joined to, with its death date.
 * The in-memory builder and the graph gazetteer both end here, so both answer alike.
 */
export function contextFromParts(node: GraphNodeRecord, parts: NeighbourhoodParts): EntryContext {
  const of = (label: Label) =>
    [...new Set(parts.reached.filter((r) => r.label === label && r.id !== node.id).map((r) => r.id))].sort();
  const dates = new Set<string>();
  const own = ownDate(node);
  if (own) dates.add(own);
  if (node.label !== 'Event' && node.label !== 'Award') {
    for (const other of parts.datedNeighbours) {
      const date = other.label === 'Event' || other.label === 'Award' ? ownDate(other) : undefined;
      if (date) dates.add(date);
    }
  }
  if (node.diedOn) dates.add(node.diedOn);
  return {
    placeIds: of('Place'),
    directPlaceIds: [...new Set(parts.directPlaceIds)].sort(),
    agencyIds: of('Agency'),
    eventIds: of('Event'),
    fieldIds: of('Field'),
    personIds: of('Person'),
    awardIds: of('Award'),
    dates: [...dates].sort(),
  };
}

/** Given a node and its context, returns its gazetteer entry (a story's title is one more alias). */
export function toEntry(node: GraphNodeRecord, context: EntryContext): GazetteerEntry {
  const aliases = [...(node.aliases ?? [])];
  if (node.title && node.title !== node.name) aliases.push(node.title);
  const optional: Record<string, string | undefined> = {
    validFrom: node.validFrom,
    validTo: node.validTo,
    level: node.level,
    kind: node.kind,
    unitType: node.unitType,
    form: node.form,
    date: ownDate(node),
    decisionNo: node.decisionNo,
    rank: node.rank,
    rankAsInSource: node.rankAsInSource,
    honorific: node.honorific,
    diedOn: node.diedOn,
  };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
  return { id: node.id, label: node.label, name: node.name, aliases, ...defined, context };
}
