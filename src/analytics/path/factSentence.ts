import type { RelationshipType } from '../../domain/relationships';
import { assertNever } from '../../errors/assertNever';

/**
 * One stored fact in words, always in the direction it is stored ("A is a member of B"), with the
 * past tense when the fact has ended (until / validTo) and its role or dates where it has them.
 */

/** The properties of a relationship that a sentence may mention. */
export interface FactProperties {
  readonly role?: string | null;
  readonly since?: string | null;
  readonly until?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  readonly date?: string | null;
  readonly instrument?: string | null;
}

function period(start: string | null | undefined, end: string | null | undefined): string {
  if (start && end) return ` from ${start} to ${end}`;
  if (start) return ` from ${start}`;
  if (end) return ` until ${end}`;
  return '';
}

function verb(present: string, past: string, ended: boolean): string {
  return ended ? past : present;
}

/** Given a relationship type, its start and end names and its properties, returns the fact as a sentence. */
export function factSentence(type: RelationshipType, start: string, end: string, props: FactProperties = {}): string {
  const ended = Boolean(props.until ?? props.validTo);
  const role = props.role ? ` (${props.role})` : '';
  switch (type) {
    case 'MEMBER_OF':
      return `${start} ${verb('is', 'was', ended)} a member of ${end}${period(props.since, props.until)}${role}`;
    case 'ACTIVE_IN':
      return `${start} is active in ${end}`;
    case 'TOOK_PART_IN':
      return `${start} took part in ${end}${role}`;
    case 'OCCURRED_IN':
      return `${start} happened in ${end}`;
    case 'RECEIVED':
      return `${start} received ${end}`;
    case 'CONFERRED_BY':
      return `${start} was conferred by ${end}`;
    case 'FOR_EVENT':
      return `${start} was given for ${end}`;
    case 'UNDER_MOVEMENT':
      return `${start} belongs to the movement ${end}`;
    case 'EXEMPLAR_OF':
      return `${start} is held up as an exemplar of ${end}`;
    case 'LAUNCHED_BY':
      return `${start} was launched by ${end}`;
    case 'FEATURES':
      return `${start} features ${end}`;
    case 'PUBLISHED_BY':
      return `${start} was published by ${end}`;
    case 'PART_OF':
      return `${start} ${verb('is', 'was', ended)} part of ${end}${period(props.validFrom, props.validTo)}`;
    case 'LOCATED_IN':
      return `${start} ${verb('is', 'was', ended)} located in ${end}${period(props.validFrom, props.validTo)}`;
    case 'SUCCEEDED_BY':
      return `${start} was succeeded by ${end}${props.date ? ` on ${props.date}` : ''}${props.instrument ? ` (${props.instrument})` : ''}`;
    case 'FLOWS_THROUGH':
      return `${start} flows through ${end}`;
    default:
      return assertNever(type);
  }
}
