import type { AWARD_FORM, AWARD_LEVEL } from '../domain/enums';

export type AwardForm = (typeof AWARD_FORM)[number];
export type AwardLevel = (typeof AWARD_LEVEL)[number];

/** How the text writes one form of commendation (Law 06/2022, DOMAIN §1.4–1.5). */
export interface AwardFormWording {
  /** Lower-case words as written ("cờ thi đua", never "có thi đua"). */
  readonly words: readonly string[];
  readonly form: AwardForm;
  readonly level?: AwardLevel;
  readonly category: 'STATE' | 'NON_STATE';
  /** For collectives only (Tập thể lao động tiên tiến, Đơn vị quyết thắng). */
  readonly collective?: boolean;
  /** The wording is the conferring verb itself ("biểu dương"): the issuer is written before it. */
  readonly verb?: boolean;
  /** Honorary titles double as forms of address ("Nghệ nhân nhân dân Sìn Văn Phong"): only a conferral word makes them an award. */
  readonly needsConferral?: boolean;
}

const wording = (
  written: string,
  form: AwardForm,
  extra: Partial<Omit<AwardFormWording, 'words' | 'form'>> = {},
): AwardFormWording => ({
  words: written.toLowerCase().split(' '),
  form,
  category: 'STATE',
  ...extra,
});

/** The ten orders of Art. 33.2 and the medals of Art. 54: the words after "Huân chương" / "Huy chương". */
export const ORDER_NAMES = [
  'Sao vàng',
  'Hồ Chí Minh',
  'Độc lập',
  'Quân công',
  'Lao động',
  'Bảo vệ Tổ quốc',
  'Chiến công',
  'Đại đoàn kết dân tộc',
  'Dũng cảm',
  'Hữu nghị',
];
export const MEDAL_NAMES = ['Quân kỳ quyết thắng', 'Vì an ninh Tổ quốc', 'Chiến sĩ vẻ vang', 'Hữu nghị'];
const HONORARY_TITLES = [
  'Anh hùng Lực lượng vũ trang nhân dân',
  'Anh hùng Lao động',
  'Bà mẹ Việt Nam anh hùng',
  'Nhà giáo nhân dân',
  'Nhà giáo ưu tú',
  'Thầy thuốc nhân dân',
  'Thầy thuốc ưu tú',
  'Nghệ sĩ nhân dân',
  'Nghệ sĩ ưu tú',
  'Nghệ nhân nhân dân',
  'Nghệ nhân ưu tú',
];

/** Longest first, so "Chiến sĩ thi đua toàn quốc" wins over "Chiến sĩ thi đua". */
export const AWARD_WORDINGS: readonly AwardFormWording[] = [
  ...ORDER_NAMES.map((name) => wording(`Huân chương ${name}`, 'HUAN_CHUONG', { level: 'NATIONAL' })),
  ...MEDAL_NAMES.map((name) => wording(`Huy chương ${name}`, 'HUY_CHUONG', { level: 'NATIONAL' })),
  ...HONORARY_TITLES.map((name) => wording(name, 'DANH_HIEU_VINH_DU', { level: 'NATIONAL', needsConferral: true })),
  wording('Chiến sĩ thi đua toàn quốc', 'CHIEN_SI_THI_DUA', { level: 'NATIONAL' }),
  wording('Chiến sĩ thi đua cơ sở', 'CHIEN_SI_THI_DUA', { level: 'UNIT' }),
  wording('Chiến sĩ thi đua cấp tỉnh', 'CHIEN_SI_THI_DUA', { level: 'PROVINCE' }),
  wording('Chiến sĩ thi đua cấp bộ', 'CHIEN_SI_THI_DUA', { level: 'MINISTRY' }),
  wording('Chiến sĩ thi đua', 'CHIEN_SI_THI_DUA'),
  wording('Cờ thi đua của Chính phủ', 'CO_THI_DUA', { level: 'NATIONAL' }),
  wording('Cờ thi đua', 'CO_THI_DUA'),
  wording('Tập thể lao động xuất sắc', 'TAP_THE_XUAT_SAC', { collective: true }),
  wording('Đơn vị quyết thắng', 'TAP_THE_XUAT_SAC', { collective: true }),
  wording('Tập thể lao động tiên tiến', 'LAO_DONG_TIEN_TIEN', { level: 'UNIT', collective: true }),
  wording('Đơn vị tiên tiến', 'LAO_DONG_TIEN_TIEN', { level: 'UNIT', collective: true }),
  wording('Lao động tiên tiến', 'LAO_DONG_TIEN_TIEN', { level: 'UNIT' }),
  wording('Chiến sĩ tiên tiến', 'LAO_DONG_TIEN_TIEN', { level: 'UNIT' }),
  wording('Kỷ niệm chương', 'KY_NIEM_CHUONG', { level: 'MINISTRY' }),
  wording('Bằng khen', 'BANG_KHEN'),
  wording('Giấy khen', 'GIAY_KHEN', { level: 'UNIT' }),
  wording('Huy hiệu', 'ORG_BADGE', { level: 'ORGANISATION', category: 'NON_STATE' }),
  wording('Huân chương', 'HUAN_CHUONG', { level: 'NATIONAL' }),
  // Not forms of the law, but news reports them as commendations (DOMAIN §1.5, §1.7).
  wording('khen thưởng đột xuất', 'UNKNOWN'),
  wording('biểu dương', 'PRAISE', { category: 'NON_STATE', verb: true }),
  wording('Huy chương', 'HUY_CHUONG', { level: 'NATIONAL' }),
].sort((a, b) => b.words.length - a.words.length);
