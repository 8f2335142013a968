import {
  AGENCY_KIND,
  AGENCY_LEVEL,
  AWARD_FORM,
  AWARD_KIND,
  AWARD_LEVEL,
  COLLECTIVE_KIND,
  EVENT_KIND,
  PLACE_LEVEL,
} from '../domain/enums';
import { labelOfKind, type Label } from '../domain/labels';
import { BadInputError } from '../errors/domainErrors';
import { isoDate } from '../ingestion/partialDate';
import type { Proposal } from '../ingestion/proposal';

/** What an editor may correct when accepting (schema/ingestion.graphql, input ProposalEdits). */
export interface ProposalEditsInput {
  readonly targetId?: string | null;
  readonly fromId?: string | null;
  readonly name?: string | null;
  readonly entityKind?: string | null;
  readonly kind?: string | null;
  readonly level?: string | null;
  readonly form?: string | null;
  readonly date?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  readonly role?: string | null;
  readonly overrideConferral?: boolean | null;
  readonly note?: string | null;
}

/** The edits checked: strings trimmed, enums and dates valid, only those that apply to the proposal's kind. */
export interface ProposalEdits {
  readonly targetId?: string;
  readonly fromId?: string;
  readonly name?: string;
  readonly label?: Label;
  readonly kind?: string;
  readonly level?: string;
  readonly form?: string;
  readonly date?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly role?: string;
  readonly overrideConferral: boolean;
  readonly note?: string;
}

/** Which edits each kind of proposal takes. */
const APPLIES: Readonly<Record<Proposal['kind'], ReadonlySet<keyof ProposalEditsInput>>> = {
  LINK: new Set(['targetId', 'note']),
  AMBIGUOUS: new Set(['targetId', 'note']),
  NEW_ENTITY: new Set([
    'targetId',
    'name',
    'entityKind',
    'kind',
    'level',
    'form',
    'date',
    'validFrom',
    'validTo',
    'overrideConferral',
    'note',
  ]),
  RELATIONSHIP: new Set(['targetId', 'fromId', 'role', 'validFrom', 'validTo', 'note']),
  DATE: new Set(['note']),
};

/** The enumeration a label's `kind` and `level` take. */
export const KIND_VALUES: Partial<Record<Label, readonly string[]>> = {
  Agency: AGENCY_KIND,
  Collective: COLLECTIVE_KIND,
  Event: EVENT_KIND,
  Award: AWARD_KIND,
};
export const LEVEL_VALUES: Partial<Record<Label, readonly string[]>> = {
  Place: PLACE_LEVEL,
  Agency: AGENCY_LEVEL,
  Award: AWARD_LEVEL,
};

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw new BadInputError(`edits.${field}`, value, `must be 1 to ${max} characters`);
  return trimmed;
}

function date(field: string, value: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!parts || !isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    throw new BadInputError(`edits.${field}`, value, 'must be a calendar date YYYY-MM-DD');
  }
  return value.trim();
}

/**
 * Given the edits sent with an accept and the proposal's kind, returns them checked, or throws
 * BAD_USER_INPUT naming the edit (`edits.role`) and its value: an edit that does not apply to
 * the kind, an empty or over-long text, a date that is not a calendar date, an unknown entity
 * kind, award form or (for the proposal's label) kind or level.
 */
export function readEdits(
  input: ProposalEditsInput | null | undefined,
  kind: Proposal['kind'],
  label: Label | undefined,
): ProposalEdits {
  const given = Object.entries(input ?? {}).filter(([, v]) => v !== null && v !== undefined) as Array<
    [keyof ProposalEditsInput, string | boolean]
  >;
  for (const [field, value] of given) {
    if (!APPLIES[kind].has(field)) throw new BadInputError(`edits.${field}`, value, `does not apply to a ${kind} proposal`);
  }
  const edits = input ?? {};
  const entityLabel = edits.entityKind ? labelOfKind(edits.entityKind) : label;
  if (edits.entityKind && !entityLabel) throw new BadInputError('edits.entityKind', edits.entityKind, 'is not an EntityKind');
  const inEnum = (field: 'kind' | 'level' | 'form', value: string, values: readonly string[] | undefined, what: string) => {
    if (!values?.includes(value)) throw new BadInputError(`edits.${field}`, value, `is not a ${what}`);
    return value;
  };
  return {
    ...(edits.targetId ? { targetId: text('targetId', edits.targetId, 200) } : {}),
    ...(edits.fromId ? { fromId: text('fromId', edits.fromId, 200) } : {}),
    ...(edits.name ? { name: text('name', edits.name, 300).normalize('NFC') } : {}),
    ...(entityLabel && edits.entityKind ? { label: entityLabel } : {}),
    ...(edits.kind
      ? { kind: inEnum('kind', edits.kind, entityLabel && KIND_VALUES[entityLabel], `kind of ${entityLabel ?? 'this'} entity`) }
      : {}),
    ...(edits.level
      ? {
          level: inEnum(
            'level',
            edits.level,
            entityLabel && LEVEL_VALUES[entityLabel],
            `level of ${entityLabel ?? 'this'} entity`,
          ),
        }
      : {}),
    ...(edits.form ? { form: inEnum('form', edits.form, AWARD_FORM, 'AwardForm') } : {}),
    ...(edits.date ? { date: date('date', edits.date) } : {}),
    ...(edits.validFrom ? { validFrom: date('validFrom', edits.validFrom) } : {}),
    ...(edits.validTo ? { validTo: date('validTo', edits.validTo) } : {}),
    ...(edits.role ? { role: text('role', edits.role, 200).normalize('NFC') } : {}),
    ...(edits.note ? { note: text('note', edits.note, 1_000).normalize('NFC') } : {}),
    overrideConferral: edits.overrideConferral === true,
  };
}
