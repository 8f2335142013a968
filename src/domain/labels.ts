/**
 * The node labels. Domain labels are the things the graph is about; each domain node also carries
 * ENTITY_LABEL, which holds the id constraint shared by every label, the search index and every
 * walk the analytics make. System labels are the nodes the system keeps for itself (precomputed
 * structures today; proposals and revisions later): never Entity, never searched, never walked,
 * never featured by a story.
 */

/** The label every domain node carries besides its own. */
export const ENTITY_LABEL = 'Entity';

/** Every domain label, in the order of the API's EntityKind. */
export const DOMAIN_LABELS = ['Person', 'Collective', 'Agency', 'Field', 'Event', 'Award', 'Movement', 'Story', 'Place'] as const;
export type Label = (typeof DOMAIN_LABELS)[number];

/**
 * Labels of the nodes the system keeps for itself: the dashboard cube's root and cells; the
 * history of every fact (writes/revisionLayout.ts: one Revision per changed entity per
 * transaction, numbered by the RevisionClock); ingestion's name index, stories' text versions,
 * proposals and the records of merged entities; the explorer's saved views; the related-stories
 * widget's anonymous daily counts (web/widgetCounts.ts).
 */
export const SYSTEM_LABELS = [
  'DashboardCube',
  'DashboardCell',
  'Revision',
  'RevisionClock',
  'NameKey',
  'StoryText',
  'Proposal',
  'MergeRecord',
  'SavedView',
  'WidgetCount',
] as const;
export type SystemLabel = (typeof SYSTEM_LABELS)[number];

/** The GraphQL EntityKind of each label: the label in upper case (Person → PERSON). */
export type EntityKind = Uppercase<Label>;

/** The prefix of every id of a label, before the colon (`person:luu-minh-thuc`). */
export const ID_PREFIX: Readonly<Record<Label, string>> = {
  Person: 'person',
  Collective: 'collective',
  Agency: 'agency',
  Field: 'field',
  Event: 'event',
  Award: 'award',
  Movement: 'movement',
  Story: 'story',
  Place: 'place',
};

const LABEL_SET: ReadonlySet<string> = new Set(DOMAIN_LABELS);

/** Given any value, returns whether it is a domain label. */
export function isDomainLabel(value: unknown): value is Label {
  return typeof value === 'string' && LABEL_SET.has(value);
}

/** Given a label, returns its EntityKind. */
export function kindOfLabel(label: Label): EntityKind {
  return label.toUpperCase() as EntityKind;
}

/** Every EntityKind, in label order. */
export const ENTITY_KINDS: readonly EntityKind[] = DOMAIN_LABELS.map(kindOfLabel);

const LABEL_OF_KIND: ReadonlyMap<string, Label> = new Map(DOMAIN_LABELS.map((label) => [kindOfLabel(label), label]));

/** Given an EntityKind (or any text), returns its label, or undefined when it names none. */
export function labelOfKind(kind: string): Label | undefined {
  return LABEL_OF_KIND.get(kind);
}

const LABEL_OF_PREFIX: ReadonlyMap<string, Label> = new Map(DOMAIN_LABELS.map((label) => [ID_PREFIX[label], label]));

/** Given an id, returns the label its prefix names (`person:…` → Person), or undefined. */
export function labelOfId(id: string): Label | undefined {
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : LABEL_OF_PREFIX.get(id.slice(0, colon));
}
