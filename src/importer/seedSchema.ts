import { z } from 'zod';
import {
  AGENCY_KIND,
  AGENCY_LEVEL,
  AWARD_CATEGORY,
  AWARD_FORM,
  AWARD_KIND,
  AWARD_LEVEL,
  COLLECTIVE_KIND,
  CONFIDENCE,
  EVENT_KIND,
  EVENT_RECURRENCE,
  LEGAL_BASIS,
  MOVEMENT_KIND,
  MOVEMENT_SCOPE,
  PLACE_LEVEL,
  STORY_CHANNEL,
  STORY_LANGUAGE,
} from '../domain/enums';
import { ID_PREFIX, type Label } from '../domain/labels';

/**
 * The importer's validation of one record, derived from the domain model (src/domain/): the id
 * prefix of each label, the enumerations, and text that is NFC and not empty. Relationship ends
 * and properties are checked against src/domain/relationships.ts by validateDataset.
 */

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isRealDate, 'is not a calendar date');
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isRealDate(s), 'is not a calendar date');
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => s === s.normalize('NFC'), 'must be NFC-normalised');
const source = z.string().regex(/^(story:[a-z0-9]+(-[a-z0-9]+)*|https?:\/\/\S+)$/, 'must be a story: id or an http(s) URL');

const provenance = {
  sources: z.array(source).min(1, 'needs at least one source'),
  confidence: z.enum(CONFIDENCE),
  note: text.optional(),
};

const idFor = (label: Label) =>
  z.string().regex(new RegExp(`^${ID_PREFIX[label]}:[a-z0-9]+(-[a-z0-9]+)*$`), `must look like ${ID_PREFIX[label]}:kebab-slug`);

const nodeBase = (label: Label) => ({
  id: idFor(label),
  name: text,
  nameEn: text.optional(),
  aliases: z.array(text).optional(),
  summary: text.optional(),
  ...provenance,
});

/** One strict zod schema per label: unknown fields are errors. */
export const NODE_SCHEMAS = {
  Place: z.strictObject({
    ...nodeBase('Place'),
    level: z.enum(PLACE_LEVEL),
    unitType: text.optional(),
    code: z.string().regex(/^\d+$/, 'must be digits').optional(),
    validFrom: date.optional(),
    validTo: date.optional(),
  }),
  Agency: z.strictObject({
    ...nodeBase('Agency'),
    level: z.enum(AGENCY_LEVEL),
    kind: z.enum(AGENCY_KIND),
    validFrom: date.optional(),
    validTo: date.optional(),
  }),
  Field: z.strictObject({ ...nodeBase('Field') }),
  Person: z.strictObject({
    ...nodeBase('Person'),
    honorific: text.optional(),
    rank: text.optional(),
    rankAsOf: date.optional(),
    rankAsInSource: text.optional(),
    posthumous: z.boolean().optional(),
    ethnicity: text.optional(),
    birthYear: z.number().int().min(1800).max(2100).optional(),
    diedOn: date.optional(),
  }),
  Collective: z.strictObject({ ...nodeBase('Collective'), kind: z.enum(COLLECTIVE_KIND) }),
  Event: z.strictObject({
    ...nodeBase('Event'),
    kind: z.enum(EVENT_KIND),
    date: date.optional(),
    period: partialDate.optional(),
    placeAsWritten: text.optional(),
    recurrence: z.enum(EVENT_RECURRENCE).optional(),
  }),
  Award: z.strictObject({
    ...nodeBase('Award'),
    form: z.enum(AWARD_FORM),
    title: text.optional(),
    category: z.enum(AWARD_CATEGORY),
    level: z.enum(AWARD_LEVEL).optional(),
    kind: z.enum(AWARD_KIND).optional(),
    decisionNo: text.optional(),
    date: date.optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    issuerRole: text.optional(),
    issuerAsWritten: text.optional(),
    legalBasis: z.enum(LEGAL_BASIS).optional(),
    posthumous: z.boolean().optional(),
    recipientsResolved: z.boolean(),
    recipientsAsWritten: text.optional(),
  }),
  Movement: z.strictObject({
    ...nodeBase('Movement'),
    kind: z.enum(MOVEMENT_KIND),
    scope: z.enum(MOVEMENT_SCOPE),
    launchedOn: date.optional(),
    periodFrom: partialDate.optional(),
    periodTo: partialDate.optional(),
    launchedByAsWritten: text.optional(),
    legalBasis: z.array(text).optional(),
  }),
  Story: z.strictObject({
    ...nodeBase('Story'),
    title: text,
    url: z.url().optional(),
    publisher: text.optional(),
    publishedAt: date.optional(),
    publishedPeriod: partialDate.optional(),
    channel: z.enum(STORY_CHANNEL),
    language: z.enum(STORY_LANGUAGE).optional(),
  }),
} satisfies Record<Label, z.ZodType>;

export type NodeRecord<L extends Label> = z.infer<(typeof NODE_SCHEMAS)[L]>;

export const RelationshipSchema = z.strictObject({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  role: text.optional(),
  since: date.optional(),
  until: date.optional(),
  validFrom: date.optional(),
  validTo: date.optional(),
  date: date.optional(),
  instrument: text.optional(),
  ...provenance,
});
export type RelationshipRecord = z.infer<typeof RelationshipSchema>;
