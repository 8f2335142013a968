import type { AWARD_FORM, AWARD_LEVEL } from './enums';

type AwardForm = (typeof AWARD_FORM)[number];
type AwardLevel = (typeof AWARD_LEVEL)[number];

/**
 * Offices that decide awards under Law 06/2022 (Arts. 77–80), plus mass organisations, whose
 * commendations (Youth Union badges and certificates) are not State forms and are not checked.
 */
export const ISSUER_KINDS = [
  'PRESIDENT',
  'GOVERNMENT',
  'PRIME_MINISTER',
  'MINISTER',
  'PROVINCE_CHAIR',
  'DISTRICT_CHAIR',
  'COMMUNE_CHAIR',
  'UNIT_HEAD',
  'ENTERPRISE_DIRECTOR',
  'BOARD_CHAIR',
  'MASS_ORGANISATION',
] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** Each office as an editor reads it. */
export const ISSUER_KIND_VI: Readonly<Record<IssuerKind, string>> = {
  PRESIDENT: 'Chủ tịch nước',
  GOVERNMENT: 'Chính phủ',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  MINISTER: 'Bộ trưởng, Thủ trưởng cơ quan trung ương',
  PROVINCE_CHAIR: 'Chủ tịch UBND cấp tỉnh',
  DISTRICT_CHAIR: 'Chủ tịch UBND cấp huyện',
  COMMUNE_CHAIR: 'Chủ tịch UBND cấp xã',
  UNIT_HEAD: 'Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân',
  ENTERPRISE_DIRECTOR: 'Giám đốc doanh nghiệp, hợp tác xã',
  BOARD_CHAIR: 'Chủ tịch Hội đồng quản trị',
  MASS_ORGANISATION: 'tổ chức chính trị – xã hội',
};

export const RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** One power to confer: this office may confer this form (at this level, on these recipients) between these dates. */
export interface ConferralRule {
  readonly form: AwardForm;
  /** The form's own level where it comes in levels (Chiến sĩ thi đua, Cờ thi đua, Bằng khen); absent when it does not. */
  readonly level?: AwardLevel;
  readonly issuer: IssuerKind;
  readonly recipients: readonly RecipientKind[];
  readonly validFrom: string;
  readonly validTo?: string;
  /** The article of Law 06/2022 and, for the district level, why the power ends. */
  readonly basis: string;
  /** CONFIRMED: the article text was read (DOMAIN §1.6); UNVERIFIED: Art. 79 as summarised, not re-read. */
  readonly confidence: 'CONFIRMED' | 'UNVERIFIED';
}

/** Law 06/2022/QH15 took effect on this day; awards before it fall under the 2003 law, not encoded here. */
export const LAW_2022_IN_FORCE = '2024-01-01';
/** The last day of the district level (abolished nationwide on 1 Jul 2025, NQ 203/2025/QH15). */
export const DISTRICT_LEVEL_LAST_DAY = '2025-06-30';

const ALL: readonly RecipientKind[] = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'];
const PEOPLE: readonly RecipientKind[] = ['INDIVIDUAL', 'COLLECTIVE'];
const ONE: readonly RecipientKind[] = ['INDIVIDUAL'];
const GROUP: readonly RecipientKind[] = ['COLLECTIVE'];

const rule = (
  form: AwardForm,
  issuer: IssuerKind,
  recipients: readonly RecipientKind[],
  basis: string,
  extra: { level?: AwardLevel; validTo?: string; confidence?: 'CONFIRMED' | 'UNVERIFIED' } = {},
): ConferralRule => ({
  form,
  issuer,
  recipients,
  basis,
  validFrom: LAW_2022_IN_FORCE,
  confidence: extra.confidence ?? 'CONFIRMED',
  ...extra,
});

const DISTRICT = { validTo: DISTRICT_LEVEL_LAST_DAY } as const;
const ART_79 = 'Luật 06/2022/QH15, Điều 79';
const ART_80_2 = 'Luật 06/2022/QH15, Điều 80 khoản 2 (cấp huyện chấm dứt từ 01/7/2025)';

/**
 * Who may confer what under Law 06/2022 (DOMAIN §1.4–1.6). Cultural village and cultural family
 * titles (Art. 80.2–80.3) have no AWARD_FORM and are left out; prizes (Giải thưởng Hồ Chí Minh,
 * Giải thưởng Nhà nước) likewise. Art. 79 rows are UNVERIFIED: DOMAIN did not re-read its text.
 */
export const CONFERRAL_RULES: readonly ConferralRule[] = [
  rule('HUAN_CHUONG', 'PRESIDENT', PEOPLE, 'Luật 06/2022/QH15, Điều 77'),
  rule('HUY_CHUONG', 'PRESIDENT', PEOPLE, 'Luật 06/2022/QH15, Điều 77'),
  rule('DANH_HIEU_VINH_DU', 'PRESIDENT', PEOPLE, 'Luật 06/2022/QH15, Điều 77'),
  rule('CO_THI_DUA', 'GOVERNMENT', GROUP, 'Luật 06/2022/QH15, Điều 78 khoản 1', { level: 'NATIONAL' }),
  rule('CHIEN_SI_THI_DUA', 'PRIME_MINISTER', ONE, 'Luật 06/2022/QH15, Điều 78 khoản 2', { level: 'NATIONAL' }),
  rule('BANG_KHEN', 'PRIME_MINISTER', ALL, 'Luật 06/2022/QH15, Điều 78 khoản 2', { level: 'NATIONAL' }),
  ...(['MINISTER', 'PROVINCE_CHAIR'] as const).flatMap((issuer) => {
    const level: AwardLevel = issuer === 'MINISTER' ? 'MINISTRY' : 'PROVINCE';
    const unverified = { level, confidence: 'UNVERIFIED' as const };
    return [
      rule('CHIEN_SI_THI_DUA', issuer, ONE, ART_79, unverified),
      rule('CO_THI_DUA', issuer, GROUP, ART_79, unverified),
      rule('TAP_THE_XUAT_SAC', issuer, GROUP, ART_79, { confidence: 'UNVERIFIED' }),
      rule('BANG_KHEN', issuer, ALL, ART_79, unverified),
    ];
  }),
  rule('KY_NIEM_CHUONG', 'MINISTER', ONE, ART_79, { confidence: 'UNVERIFIED' }),
  ...(['UNIT_HEAD', 'ENTERPRISE_DIRECTOR'] as const).flatMap((issuer) => [
    rule('LAO_DONG_TIEN_TIEN', issuer, PEOPLE, 'Luật 06/2022/QH15, Điều 80 khoản 1'),
    rule('CHIEN_SI_THI_DUA', issuer, ONE, 'Luật 06/2022/QH15, Điều 80 khoản 1', { level: 'UNIT' }),
    rule('GIAY_KHEN', issuer, ALL, 'Luật 06/2022/QH15, Điều 80 khoản 1'),
  ]),
  rule('LAO_DONG_TIEN_TIEN', 'DISTRICT_CHAIR', PEOPLE, ART_80_2, DISTRICT),
  rule('CHIEN_SI_THI_DUA', 'DISTRICT_CHAIR', ONE, ART_80_2, { ...DISTRICT, level: 'UNIT' }),
  rule('GIAY_KHEN', 'DISTRICT_CHAIR', ALL, ART_80_2, DISTRICT),
  rule('LAO_DONG_TIEN_TIEN', 'COMMUNE_CHAIR', ONE, 'Luật 06/2022/QH15, Điều 80 khoản 3'),
  rule('GIAY_KHEN', 'COMMUNE_CHAIR', ALL, 'Luật 06/2022/QH15, Điều 80 khoản 3'),
  rule('GIAY_KHEN', 'BOARD_CHAIR', ALL, 'Luật 06/2022/QH15, Điều 80 khoản 4'),
];

/** Forms that are not State forms under the law (DOMAIN §1.5, "Non-state commendations"). */
const NON_STATE_FORMS: ReadonlySet<AwardForm> = new Set(['ORG_BADGE', 'ORG_BANG_KHEN', 'PRAISE']);

const inForce = (r: ConferralRule, on: string | undefined) =>
  on === undefined || (on >= r.validFrom && (r.validTo === undefined || on <= r.validTo));

/**
 * Given a form, optionally its level and a date (YYYY-MM-DD), returns the rules saying who may
 * confer it: conferralAuthority('GIAY_KHEN', { on: '2025-08-01' }) no longer lists the district chair.
 */
export function conferralAuthority(form: AwardForm, options: { level?: AwardLevel; on?: string } = {}): ConferralRule[] {
  return CONFERRAL_RULES.filter(
    (r) =>
      r.form === form &&
      (options.level === undefined || r.level === undefined || r.level === options.level) &&
      inForce(r, options.on),
  );
}

/** Given an issuer and optionally a date, returns the rules saying what it may confer: the reverse question. */
export function conferrableBy(issuer: IssuerKind, on?: string): ConferralRule[] {
  return CONFERRAL_RULES.filter((r) => r.issuer === issuer && inForce(r, on));
}

export interface ConferralCheck {
  /** NOT_APPLICABLE: a non-State commendation; UNKNOWN: before Law 06/2022, or the form is unknown. */
  readonly status: 'ALLOWED' | 'NOT_ALLOWED' | 'NOT_APPLICABLE' | 'UNKNOWN';
  readonly rules: readonly ConferralRule[];
  readonly vi: string;
  readonly en: string;
}

/**
 * Given a conferral as read from a text (form, level if known, issuer kind, date if known,
 * recipient kind if known), returns whether Law 06/2022 lets that issuer confer it then, with the
 * rules that allow it or, when none does, those that name who may.
 */
export function checkConferral(award: {
  form: AwardForm;
  level?: AwardLevel;
  issuer: IssuerKind;
  on?: string;
  recipient?: RecipientKind;
}): ConferralCheck {
  if (NON_STATE_FORMS.has(award.form) || award.issuer === 'MASS_ORGANISATION') {
    return {
      status: 'NOT_APPLICABLE',
      rules: [],
      vi: 'khen thưởng của tổ chức, không thuộc Luật Thi đua, khen thưởng',
      en: 'a non-State commendation',
    };
  }
  if (award.form === 'UNKNOWN') {
    return { status: 'UNKNOWN', rules: [], vi: 'chưa rõ hình thức khen thưởng', en: 'the form is unknown' };
  }
  if (award.on !== undefined && award.on < LAW_2022_IN_FORCE) {
    return {
      status: 'UNKNOWN',
      rules: [],
      vi: 'khen thưởng trước ngày 01/01/2024 theo Luật 2003, chưa kiểm tra thẩm quyền',
      en: 'before Law 06/2022 took effect; the 2003 law is not encoded',
    };
  }
  const candidates = conferralAuthority(award.form, {
    ...(award.level ? { level: award.level } : {}),
    ...(award.on ? { on: award.on } : {}),
  });
  const allowing = candidates.filter(
    (r) => r.issuer === award.issuer && (award.recipient === undefined || r.recipients.includes(award.recipient)),
  );
  if (allowing.length > 0) {
    return {
      status: 'ALLOWED',
      rules: allowing,
      vi: `đúng thẩm quyền (${allowing[0]?.basis ?? ''})`,
      en: 'the issuer may confer this form',
    };
  }
  const issuers = [...new Set(candidates.map((r) => r.issuer))];
  const who = issuers.map((i) => ISSUER_KIND_VI[i]).join('; ');
  return {
    status: 'NOT_ALLOWED',
    rules: candidates,
    vi: `${ISSUER_KIND_VI[award.issuer]} không có thẩm quyền tặng hình thức này${who ? ` (thẩm quyền: ${who})` : ''}`,
    en: `${award.issuer} may not confer this form${issuers.length > 0 ? ` (may: ${issuers.join(', ')})` : ''}`,
  };
}
