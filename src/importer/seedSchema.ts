import { z } from 'zod';
import { ID_PREFIX, type Label } from '../domain/labels';
import { isIsoDay, isPartialDate } from '../domain/partialDate';
import {
  NODE_PROPERTIES,
  RELATIONSHIP_PROPERTY_KINDS,
  SOURCE_PATTERN,
  URL_PATTERN,
  idPattern,
  relationshipPropertyRules,
  type PropertyKind,
} from '../domain/properties';

/**
 * The importer's validation of one record, rendered from the domain model's property rules
 * (domain/properties.ts), as the write trigger is: the id prefix of each label, the enumerations,
 * dates and partial dates, provenance, and text that is NFC and not empty. Relationship ends and
 * which type carries which property are checked against domain/relationships.ts by
 * validateDataset. zod gives the record path of every problem, which the trigger cannot.
 */

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isIsoDay, 'is not a calendar date');
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isPartialDate, 'is not a calendar date');
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => s === s.normalize('NFC'), 'must be NFC-normalised');
const source = z.string().regex(whole(SOURCE_PATTERN), 'must be a story: id or an http(s) URL');

/** Given a label (for ids) and a kind of value, returns its zod schema. */
function schemaOf(kind: PropertyKind, label?: Label): z.ZodType {
  switch (kind.kind) {
    case 'id': {
      const prefix = label ? ID_PREFIX[label] : 'label';
      return z.string().regex(whole(idPattern(prefix)), `must look like ${prefix}:kebab-slug`);
    }
    case 'text':
      return text;
    case 'textList':
      return z.array(text);
    case 'sources':
      return z.array(source).min(1, 'needs at least one source');
    case 'date':
      return date;
    case 'partialDate':
      return partialDate;
    case 'enum':
      return z.enum(kind.values as [string, ...string[]]);
    case 'int':
      return z.number().int().min(kind.min).max(kind.max);
    case 'boolean':
      return z.boolean();
    case 'url':
      return z.string().regex(whole(URL_PATTERN), 'must be an http(s) URL');
    case 'digits':
      return z.string().regex(/^\d+$/, 'must be digits');
  }
}

function objectOf(rules: Readonly<Record<string, PropertyKind & { required: boolean }>>, label?: Label) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const schema = schemaOf(rule, label);
    shape[name] = rule.required ? schema : schema.optional();
  }
  return shape;
}

/** One strict zod schema per label: unknown fields are errors. */
export const NODE_SCHEMAS = Object.fromEntries(
  (Object.keys(NODE_PROPERTIES) as Label[]).map((label) => [label, z.strictObject(objectOf(NODE_PROPERTIES[label], label))]),
) as Record<Label, z.ZodObject<Record<string, z.ZodType>, z.core.$strict>>;

/** A relationship as the seed files write it: its type and ends by id, then its properties (a type, so it reads as a plain record). */
export type RelationshipRecord = {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly sources: string[];
  readonly confidence: string;
  readonly note?: string;
  readonly role?: string;
  readonly since?: string;
  readonly until?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly date?: string;
  readonly instrument?: string;
};

/**
 * Any relationship's record: every property some type may carry (which type may carry which is
 * validateDataset's check, against domain/relationships.ts).
 */
export const RelationshipSchema = z.strictObject({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  ...objectOf(relationshipPropertyRules({ properties: Object.keys(RELATIONSHIP_PROPERTY_KINDS), required: [] })),
});
