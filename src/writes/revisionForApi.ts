import { kindOfLabel, type EntityKind } from '../domain/labels';
import type { RelationshipChangeKind, Revision, RevisionChange } from './revisionLayout';
import type { RelationshipType } from '../domain/relationships';

/** A Revision as the API answers it (schema/history.graphql). */
export interface ApiRevision {
  readonly id: string;
  readonly transaction: string;
  readonly at: string;
  readonly actor: string | null;
  readonly operation: string;
  readonly source: string | null;
  readonly requestId: string | null;
  readonly revertOf: string | null;
  readonly entityId: string;
  readonly entityKind: EntityKind;
  readonly change: RevisionChange;
  readonly properties: readonly { property: string; before: string | null; after: string | null }[];
  readonly relationships: readonly {
    change: RelationshipChangeKind;
    type: RelationshipType;
    outgoing: boolean;
    otherId: string;
    before: string | null;
    after: string | null;
  }[];
}

const asJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Given a revision and whether the caller is an editor, returns it as the API answers it: values
 * as JSON text, properties by name, the actor only for editors (who changed what is the
 * editors' business; what changed is public, like the facts themselves).
 */
export function revisionForApi(revision: Revision, showActor: boolean): ApiRevision {
  const names = [...new Set([...Object.keys(revision.before ?? {}), ...Object.keys(revision.after ?? {})])].sort();
  return {
    id: revision.id,
    transaction: String(revision.tx),
    at: revision.at,
    actor: showActor ? revision.actor : null,
    operation: revision.operation,
    source: revision.source,
    requestId: revision.requestId,
    revertOf: revision.revertOf,
    entityId: revision.entityId,
    entityKind: kindOfLabel(revision.entityLabel),
    change: revision.change,
    properties: names.map((property) => ({
      property,
      before: asJson(revision.before?.[property]),
      after: asJson(revision.after?.[property]),
    })),
    relationships: revision.relationships.map((r) => ({
      change: r.change,
      type: r.type,
      outgoing: r.outgoing,
      otherId: r.otherId,
      before: asJson(r.before),
      after: asJson(r.after),
    })),
  };
}
