import { DOMAIN_LABELS, type Label, type SystemLabel } from '../domain/labels';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationships';
import { array, boolean, json, nullable, number, object, oneOf, record, anything, string, type Decoder } from '../neo4j/decode';

/**
 * The history of every fact: what the revision trigger (renderRevisionTrigger.ts) writes and
 * every reader (history, revert, the cube's refresh, later the incremental dashboards) reads.
 *
 * One `Revision` node per domain entity that a committed transaction changed, never for system
 * nodes. `tx` numbers the transactions that changed facts, in commit order: the trigger takes it
 * from the one `RevisionClock` node, whose write lock it holds until the commit, so a transaction
 * with a higher number always commits after one with a lower. A consumer that has read every
 * revision up to tx X reads what changed since with `WHERE r.tx > X` (the `revision_tx` index) and
 * never misses one committed later. `tx` is also the grouping key: all revisions of one
 * transaction (one mutation, one import) share it.
 */
export const REVISION_LABEL = 'Revision' satisfies SystemLabel;
export const REVISION_CLOCK_LABEL = 'RevisionClock' satisfies SystemLabel;
/** The id of the one clock node, `(:RevisionClock {id: 'revisions'})`, created by the migrations. */
export const REVISION_CLOCK_ID = 'revisions';

export type RevisionChange = 'CREATE' | 'UPDATE' | 'DELETE';
export const REVISION_CHANGES: readonly RevisionChange[] = ['CREATE', 'UPDATE', 'DELETE'];
export type RelationshipChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

/** Property values as stored in a revision: JSON (dates as YYYY-MM-DD text); null means absent. */
export type PropertyValues = Readonly<Record<string, unknown>>;

/** A relationship of the entity that the transaction added, removed or changed. */
export interface RelationshipChange {
  readonly change: RelationshipChangeKind;
  readonly type: RelationshipType;
  /** True when the entity is the relationship's start. */
  readonly outgoing: boolean;
  /** The id of the node at the other end. */
  readonly otherId: string;
  /** Its properties before (REMOVED, CHANGED: the changed ones) and after (ADDED, CHANGED). */
  readonly before: PropertyValues | null;
  readonly after: PropertyValues | null;
}

/** One Revision node, as read back (`at` an ISO date-time). */
export interface Revision {
  readonly id: string;
  readonly tx: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly source: string | null;
  readonly requestId: string | null;
  readonly revertOf: string | null;
  readonly entityId: string;
  readonly entityLabel: Label;
  readonly change: RevisionChange;
  /** The changed properties before and after (CREATE: after only; DELETE: before only; derived properties never). */
  readonly before: PropertyValues | null;
  readonly after: PropertyValues | null;
  readonly relationships: readonly RelationshipChange[];
}

const values: Decoder<PropertyValues | null> = nullable(record(anything));

const decodeRelationshipChange = object<RelationshipChange>({
  change: oneOf(['ADDED', 'REMOVED', 'CHANGED'] as const),
  type: oneOf(RELATIONSHIP_TYPES),
  outgoing: boolean,
  otherId: string,
  before: values,
  after: values,
});

/** Decodes a Revision node's properties as toPlain returns them (JSON columns parsed). */
export const decodeRevision: Decoder<Revision> = object<Revision>({
  id: string,
  tx: number,
  at: string,
  actor: string,
  operation: string,
  source: nullable(string),
  requestId: nullable(string),
  revertOf: nullable(string),
  entityId: string,
  entityLabel: oneOf(DOMAIN_LABELS),
  change: oneOf(REVISION_CHANGES),
  before: json(values),
  after: json(values),
  relationships: json(array(decodeRelationshipChange)),
});
