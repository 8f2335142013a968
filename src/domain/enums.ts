/**
 * The enumerations of the domain: the values a property may take, shared by the seed files, the
 * importer's validation, the analytics and the GraphQL schema (each is an SDL enum of the same
 * name in schema/*.graphql; tests/unit/domainModel.test.ts checks they agree).
 */
export const CONFIDENCE = ['CONFIRMED', 'SINGLE_SOURCE', 'UNVERIFIED'] as const;
export type Confidence = (typeof CONFIDENCE)[number];
export const PLACE_LEVEL = ['COUNTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'NATURAL_FEATURE'] as const;
export const AGENCY_LEVEL = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'UNIT'] as const;
export const AGENCY_KIND = [
  'PEOPLES_COMMITTEE',
  'POLICE',
  'PARTY',
  'MASS_ORGANISATION',
  'STATE_OFFICE',
  'PRESS',
  'HOSPITAL',
  'OTHER',
] as const;
export const COLLECTIVE_KIND = ['TEAM', 'UNIT', 'HOUSEHOLD', 'VILLAGE', 'OTHER'] as const;
export const EVENT_KIND = [
  'RESCUE',
  'LAW_ENFORCEMENT',
  'DISASTER',
  'CEREMONY',
  'CONGRESS',
  'CONFERENCE',
  'REVIEW_CONFERENCE',
  'OTHER',
] as const;
export const AWARD_FORM = [
  'HUAN_CHUONG',
  'HUY_CHUONG',
  'DANH_HIEU_VINH_DU',
  'CHIEN_SI_THI_DUA',
  'LAO_DONG_TIEN_TIEN',
  'CO_THI_DUA',
  'TAP_THE_XUAT_SAC',
  'BANG_KHEN',
  'GIAY_KHEN',
  'KY_NIEM_CHUONG',
  'ORG_BADGE',
  'ORG_BANG_KHEN',
  'PRAISE',
  'UNKNOWN',
] as const;
export const AWARD_CATEGORY = ['STATE', 'NON_STATE'] as const;
export const AWARD_LEVEL = ['NATIONAL', 'MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'UNIT', 'ORGANISATION'] as const;
export const AWARD_KIND = ['REGULAR', 'THEMATIC', 'AD_HOC', 'CAREER', 'TENURE', 'FOREIGN'] as const;
export const LEGAL_BASIS = ['LAW_2003', 'LAW_2022', 'NONE'] as const;
export const MOVEMENT_KIND = ['REGULAR', 'THEMATIC', 'CAMPAIGN'] as const;
export const MOVEMENT_SCOPE = ['NATIONAL', 'SECTOR', 'LOCALITY', 'CLUSTER', 'AGENCY'] as const;
/** The five parts of organising a movement (Law 06/2022, Art. 17); no property holds one yet. */
export const MOVEMENT_STAGE = [
  'PLAN',
  'LAUNCH_AND_CARRY_OUT',
  'INSPECT',
  'BUILD_AND_REPLICATE_EXEMPLARS',
  'REVIEW_AND_COMMEND',
] as const;
export const STORY_CHANNEL = [
  'NEWS',
  'WEBSITE',
  'BOOK',
  'CONFERENCE_REPORT',
  'BROADCAST',
  'CONTEST',
  'MEETING',
  'LEGAL_TEXT',
] as const;

/** Values kept as plain strings in the API (no SDL enum) but closed in the data. */
export const STORY_LANGUAGE = ['vi', 'en'] as const;
export const EVENT_RECURRENCE = ['YEARLY'] as const;
