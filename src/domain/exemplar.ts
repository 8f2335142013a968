import type { Label } from './labels';
import { cypherTypes, type RelationshipType } from './relationships';

/**
 * Who is an exemplar: a Person or a Collective with an EXEMPLAR_OF, RECEIVED or ACTIVE_IN
 * relationship (held up by a movement, recognised by an award, or active in a field of
 * achievement). Victims, suspects and bystanders are people too, and never exemplars.
 *
 * The one definition of the rule. TypeScript asks isExemplar; Cypher built in TypeScript uses
 * cypherIsExemplar and its two halves; statements kept as .cypher files and the SDL's isExemplar
 * field spell it out as these functions render it, which tests/unit/domainModel.test.ts checks.
 */
export const EXEMPLAR_LABELS = ['Person', 'Collective'] as const satisfies readonly Label[];
export const EXEMPLAR_QUALIFYING = ['EXEMPLAR_OF', 'RECEIVED', 'ACTIVE_IN'] as const satisfies readonly RelationshipType[];

/** Given a label, returns whether nodes of it can be exemplars. */
export function isExemplarLabel(label: string): label is (typeof EXEMPLAR_LABELS)[number] {
  return (EXEMPLAR_LABELS as readonly string[]).includes(label);
}

/** Given a node's label and the types of its outgoing relationships, returns whether it is an exemplar. */
export function isExemplar(label: Label, outgoing: Iterable<RelationshipType>): boolean {
  if (!isExemplarLabel(label)) return false;
  for (const type of outgoing) if ((EXEMPLAR_QUALIFYING as readonly string[]).includes(type)) return true;
  return false;
}

/** Cypher, given a node variable: whether it has an exemplar label, `(x:Person OR x:Collective)`. */
export function cypherHasExemplarLabel(variable: string): string {
  return `(${EXEMPLAR_LABELS.map((label) => `${variable}:${label}`).join(' OR ')})`;
}

/** Cypher, given a node variable: whether it has a qualifying relationship. */
export function cypherQualifiesAsExemplar(variable: string): string {
  return `EXISTS { (${variable})-[:${cypherTypes(EXEMPLAR_QUALIFYING)}]->() }`;
}

/** Cypher, given a node variable: whether it is an exemplar (both halves). */
export function cypherIsExemplar(variable: string): string {
  return `(${cypherHasExemplarLabel(variable)} AND ${cypherQualifiesAsExemplar(variable)})`;
}
