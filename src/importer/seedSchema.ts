import { z } from 'zod';
import type { Label } from '../migrations/migrate';

/** Enumerations shared by the seed files, the importer and the GraphQL schema (schema/*.graphql). */
export const CONFIDENCE = ['CONFIRMED', 'SINGLE_SOURCE', 'UNVERIFIED'] as const;
export const PLACE_LEVEL = ['COUNTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'NATURAL_FEATURE'] as const;
export const AGENCY_LEVEL = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'UNIT'] as const;
export const AGENCY_KIND = ['PEOPLES_COMMITTEE', 'POLICE', 'PARTY', 'MASS_ORGANISATION', 'STATE_OFFICE', 'PRESS', 'HOSPITAL', 'OTHER'] as const;
export const COLLECTIVE_KIND = ['TEAM', 'UNIT', 'HOUSEHOLD', 'VILLAGE', 'OTHER'] as const;
export const EVENT_KIND = ['RESCUE', 'LAW_ENFORCEMENT', 'DISASTER', 'CEREMONY', 'CONGRESS', 'CONFERENCE', 'REVIEW_CONFERENCE', 'OTHER'] as const;
export const AWARD_FORM = [
  'HUAN_CHUONG', 'HUY_CHUONG', 'DANH_HIEU_VINH_DU', 'CHIEN_SI_THI_DUA', 'LAO_DONG_TIEN_TIEN', 'CO_THI_DUA',
  'TAP_THE_XUAT_SAC', 'BANG_KHEN', 'GIAY_KHEN', 'KY_NIEM_CHUONG', 'ORG_BADGE', 'ORG_BANG_KHEN', 'PRAISE', 'UNKNOWN',
] as const;
export const AWARD_CATEGORY = ['STATE', 'NON_STATE'] as const;
export const AWARD_LEVEL = ['NATIONAL', 'MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'UNIT', 'ORGANISATION'] as const;
export const AWARD_KIND = ['REGULAR', 'THEMATIC', 'AD_HOC', 'CAREER', 'TENURE', 'FOREIGN'] as const;
export const LEGAL_BASIS = ['LAW_2003', 'LAW_2022', 'NONE'] as const;
export const MOVEMENT_KIND = ['REGULAR', 'THEMATIC', 'CAMPAIGN'] as const;
export const MOVEMENT_SCOPE = ['NATIONAL', 'SECTOR', 'LOCALITY', 'CLUSTER', 'AGENCY'] as const;
export const STORY_CHANNEL = ['NEWS', 'WEBSITE', 'BOOK', 'CONFERENCE_REPORT', 'BROADCAST', 'CONTEST', 'MEETING', 'LEGAL_TEXT'] as const;

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').refine(isRealDate, 'is not a calendar date');
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isRealDate(s), 'is not a calendar date');
const text = z.string().trim().min(1, 'must not be empty').refine((s) => s === s.normalize('NFC'), 'must be NFC-normalised');
const source = z.string().regex(/^(story:[a-z0-9]+(-[a-z0-9]+)*|https?:\/\/\S+)$/, 'must be a story: id or an http(s) URL');

const provenance = {
  sources: z.array(source).min(1, 'needs at least one source'),
  confidence: z.enum(CONFIDENCE),
  note: text.optional(),
};

const idFor = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}:[a-z0-9]+(-[a-z0-9]+)*$`), `must look like ${prefix}:kebab-slug`);

const nodeBase = (prefix: string) => ({
  id: idFor(prefix),
  name: text,
  nameEn: text.optional(),
  aliases: z.array(text).optional(),
  summary: text.optional(),
  ...provenance,
});

/** One strict zod schema per label: unknown fields are errors. */
export const NODE_SCHEMAS = {
  Place: z.strictObject({
    ...nodeBase('place'),
    level: z.enum(PLACE_LEVEL),
    unitType: text.optional(),
    code: z.string().regex(/^\d+$/, 'must be digits').optional(),
    validFrom: date.optional(),
    validTo: date.optional(),
  }),
  Agency: z.strictObject({
    ...nodeBase('agency'),
    level: z.enum(AGENCY_LEVEL),
    kind: z.enum(AGENCY_KIND),
    validFrom: date.optional(),
    validTo: date.optional(),
  }),
  Field: z.strictObject({ ...nodeBase('field') }),
  Person: z.strictObject({
    ...nodeBase('person'),
    honorific: text.optional(),
    rank: text.optional(),
    rankAsOf: date.optional(),
    rankAsInSource: text.optional(),
    posthumous: z.boolean().optional(),
    ethnicity: text.optional(),
    birthYear: z.number().int().min(1800).max(2100).optional(),
    diedOn: date.optional(),
  }),
  Collective: z.strictObject({ ...nodeBase('collective'), kind: z.enum(COLLECTIVE_KIND) }),
  Event: z.strictObject({
    ...nodeBase('event'),
    kind: z.enum(EVENT_KIND),
    date: date.optional(),
    period: partialDate.optional(),
    placeAsWritten: text.optional(),
    recurrence: z.enum(['YEARLY']).optional(),
  }),
  Award: z.strictObject({
    ...nodeBase('award'),
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
    ...nodeBase('movement'),
    kind: z.enum(MOVEMENT_KIND),
    scope: z.enum(MOVEMENT_SCOPE),
    launchedOn: date.optional(),
    periodFrom: partialDate.optional(),
    periodTo: partialDate.optional(),
    launchedByAsWritten: text.optional(),
    legalBasis: z.array(text).optional(),
  }),
  Story: z.strictObject({
    ...nodeBase('story'),
    title: text,
    url: z.url().optional(),
    publisher: text.optional(),
    publishedAt: date.optional(),
    publishedPeriod: partialDate.optional(),
    channel: z.enum(STORY_CHANNEL),
    language: z.enum(['vi', 'en']).optional(),
  }),
} satisfies Record<Label, z.ZodType>;

export type NodeRecord<L extends Label> = z.infer<(typeof NODE_SCHEMAS)[L]>;

/** Properties of every label that are calendar dates (stored as Neo4j Date). */
export const DATE_PROPERTIES = new Set(['validFrom', 'validTo', 'rankAsOf', 'diedOn', 'date', 'launchedOn', 'publishedAt', 'since', 'until']);

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
