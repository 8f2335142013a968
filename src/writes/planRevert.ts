import type { RelationshipType } from '../domain/relationships';
import type { PropertyValues, Revision } from './revisionLayout';

/** The entity as it is now, as far as one revision's revert needs to know. */
export interface CurrentEntity {
  /** Its fact properties (derived ones left out), or null when no node has the id. */
  readonly properties: PropertyValues | null;
  /** How many relationships it has in all. */
  readonly degree: number;
  /** The relationships the revision names, as they are now (absent when gone). */
  readonly relationships: readonly CurrentRelationship[];
  /** Which of the other ends the revision names exist now. */
  readonly existingOthers: readonly string[];
}

export interface CurrentRelationship {
  readonly type: RelationshipType;
  readonly outgoing: boolean;
  readonly otherId: string;
  readonly properties: PropertyValues;
}

/** One write of a revert, in the order to run. */
export type RevertStep =
  | { readonly kind: 'deleteNode' }
  | { readonly kind: 'createNode'; readonly properties: PropertyValues }
  | { readonly kind: 'setProperties'; readonly properties: PropertyValues }
  | { readonly kind: 'deleteRelationship'; readonly type: RelationshipType; readonly outgoing: boolean; readonly otherId: string }
  | {
      readonly kind: 'createRelationship';
      readonly type: RelationshipType;
      readonly outgoing: boolean;
      readonly otherId: string;
      readonly properties: PropertyValues;
    }
  | {
      readonly kind: 'setRelationshipProperties';
      readonly type: RelationshipType;
      readonly outgoing: boolean;
      readonly otherId: string;
      readonly properties: PropertyValues;
    };

export type RevertPlan =
  { readonly ok: true; readonly steps: readonly RevertStep[] } | { readonly ok: false; readonly conflicts: readonly string[] };

/** Values compare as JSON, a missing value as null (a Neo4j property is never null: null means absent). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const show = (value: unknown) => (value === undefined || value === null ? 'absent' : JSON.stringify(value));

/** Given a map of values, returns the same keys with each value of `from` (absent ones as null, which removes them). */
function restore(keys: Iterable<string>, from: PropertyValues | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = from?.[key] ?? null;
  return out;
}

function arrow(type: string, outgoing: boolean, otherId: string): string {
  return outgoing ? `-${type}-> ${otherId}` : `<-${type}- ${otherId}`;
}

/**
 * Given a revision and the entity as it is now, returns the writes that undo the revision, or
 * the conflicts that forbid it: a property or relationship the revision changed that changed
 * again since (naming it, its value now and the value the revision left), a node created since
 * under the deleted id, an end that no longer exists. The undo of a CREATE deletes the node (only
 * when nothing was added to it since); of a DELETE, recreates it with its relationships; of an
 * UPDATE, sets back each changed property and relationship.
 */
export function planRevert(revision: Revision, current: CurrentEntity): RevertPlan {
  const conflicts: string[] = [];
  const steps: RevertStep[] = [];
  const label = revision.entityLabel;
  const now = current.properties;
  const find = (type: string, outgoing: boolean, otherId: string) =>
    current.relationships.find((r) => r.type === type && r.outgoing === outgoing && r.otherId === otherId);

  if (revision.change === 'DELETE') {
    if (now !== null) conflicts.push(`a ${label} with the id ${revision.entityId} exists again`);
  } else if (now === null) {
    conflicts.push(`${revision.entityId} was deleted after this revision`);
  } else {
    const keys =
      revision.change === 'CREATE'
        ? new Set([...Object.keys(revision.after ?? {}), ...Object.keys(now)])
        : new Set([...Object.keys(revision.before ?? {}), ...Object.keys(revision.after ?? {})]);
    for (const key of keys) {
      if (!same(now[key], revision.after?.[key])) {
        conflicts.push(
          `${label}.${key} changed after this revision (it is ${show(now[key])}, the revision left ${show(revision.after?.[key])})`,
        );
      }
    }
  }

  for (const touch of revision.relationships) {
    const where = `${revision.entityId} ${arrow(touch.type, touch.outgoing, touch.otherId)}`;
    const found = find(touch.type, touch.outgoing, touch.otherId);
    const othersExist = current.existingOthers.includes(touch.otherId);
    if (touch.change === 'ADDED' || touch.change === 'CHANGED') {
      if (revision.change === 'DELETE') continue;
      if (!found) {
        conflicts.push(`${touch.type} ${where} was removed after this revision`);
        continue;
      }
      for (const key of Object.keys(touch.after ?? {})) {
        if (!same(found.properties[key], touch.after?.[key])) {
          conflicts.push(`${touch.type}.${key} of ${where} changed after this revision (it is ${show(found.properties[key])})`);
        }
      }
      if (revision.change === 'CREATE') continue;
      steps.push(
        touch.change === 'ADDED'
          ? { kind: 'deleteRelationship', type: touch.type, outgoing: touch.outgoing, otherId: touch.otherId }
          : {
              kind: 'setRelationshipProperties',
              type: touch.type,
              outgoing: touch.outgoing,
              otherId: touch.otherId,
              properties: restore(new Set([...Object.keys(touch.before ?? {}), ...Object.keys(touch.after ?? {})]), touch.before),
            },
      );
    } else {
      if (found && revision.change !== 'DELETE') {
        conflicts.push(`${touch.type} ${where} was added again after this revision`);
        continue;
      }
      if (!othersExist) {
        conflicts.push(`${touch.otherId}, the other end of ${touch.type} ${where}, no longer exists`);
        continue;
      }
      steps.push({
        kind: 'createRelationship',
        type: touch.type,
        outgoing: touch.outgoing,
        otherId: touch.otherId,
        properties: touch.before ?? {},
      });
    }
  }

  if (revision.change === 'CREATE' && now !== null) {
    const created = revision.relationships.filter((t) => t.change === 'ADDED').length;
    if (current.degree > created) {
      conflicts.push(`${revision.entityId} has ${current.degree - created} relationship(s) added after this revision`);
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  if (revision.change === 'CREATE') return { ok: true, steps: [{ kind: 'deleteNode' }] };
  if (revision.change === 'DELETE') {
    return { ok: true, steps: [{ kind: 'createNode', properties: revision.before ?? {} }, ...steps] };
  }
  const keys = new Set([...Object.keys(revision.before ?? {}), ...Object.keys(revision.after ?? {})]);
  return {
    ok: true,
    steps: [...(keys.size > 0 ? [{ kind: 'setProperties' as const, properties: restore(keys, revision.before) }] : []), ...steps],
  };
}
