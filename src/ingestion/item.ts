import type { Label } from '../domain/labels';
import type { GazetteerEntry } from './gazetteer';
import type { EntityRef } from './proposal';

/** An entity named at a place in the text, as relationships see it: linked (ENTITY) or new (PROPOSAL). */
export interface Item {
  readonly ref: Extract<EntityRef, { kind: 'ENTITY' | 'PROPOSAL' }>;
  readonly label: Label;
  readonly name: string;
  readonly sentence: number;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  /** Present when the item is linked to the graph. */
  readonly entry?: GazetteerEntry;
}

/** Given an item, returns the key that says which entity it is (one per entity, whatever the mention). */
export const refKey = (ref: EntityRef): string =>
  ref.kind === 'ENTITY' ? ref.id : ref.kind === 'PROPOSAL' ? ref.proposalId : 'story';
