import { foldKey } from './foldKey';

/**
 * Vietnamese family names, and the clan names of the Hmong, Dao and other peoples of the northern
 * mountains that Hà Giang news carries (Thào, Vừ, Sùng, Giàng, Lầu …). Folded. A capitalised run
 * of words that starts with one of these reads as a personal name.
 */
export const SURNAMES: ReadonlySet<string> = new Set(
  [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Phan',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Hồ',
    'Ngô',
    'Dương',
    'Lý',
    'Đào',
    'Đinh',
    'Lưu',
    'Mai',
    'Cao',
    'Hà',
    'Lương',
    'Triệu',
    'Quan',
    'Lò',
    'Lục',
    'Nông',
    'Ma',
    'Hầu',
    'Sùng',
    'Thào',
    'Thò',
    'Vừ',
    'Giàng',
    'Mua',
    'Lầu',
    'Sình',
    'Sìn',
    'Sấn',
    'Ly',
    'Má',
    'Chẩu',
    'Tẩy',
    'Bàn',
    'Chảo',
    'Phùng',
    'Tạ',
    'Trịnh',
    'Kiều',
    'Lại',
    'Tô',
    'Vương',
    'Đoàn',
    'Đàm',
    'Tống',
    'Quách',
    'Lâm',
    'Thân',
    'Khổng',
    'Chu',
    'Nghiêm',
    'Mạc',
    'Âu',
    'Cù',
    'Hứa',
    'Doãn',
    'Giáp',
    'Diệp',
    'Tăng',
    'Thái',
    'La',
    'Mẫn',
    'Sầm',
    'Hạng',
    'Cư',
    'Vàng',
    'Lùng',
    'Sèn',
  ].map(foldKey),
);

/** How a word before a name speaks of the person. */
export type TitleKind = 'RANK' | 'HONORIFIC' | 'ADDRESS' | 'ROLE';

export interface PersonTitle {
  readonly written: string;
  /** Lower-case words as written: "bà", not "ba" (three); "chị", not "chỉ" (only). */
  readonly words: readonly string[];
  readonly kind: TitleKind;
}

const title = (written: string, kind: TitleKind): PersonTitle => ({ written, words: written.toLowerCase().split(' '), kind });

/**
 * Words that introduce a personal name ("Thượng tá Nguyễn Văn Trường", "Liệt sĩ Lưu Minh Thức",
 * "anh Đào Quang Vinh", "nạn nhân Vừ Mí Chơ"). Longest first. Ranks are the People's Police and
 * Army ranks; honorifics the state honorary titles and martyr; address forms and role nouns the
 * ones news uses for named people.
 */
export const PERSON_TITLES: readonly PersonTitle[] = [
  ...[
    'Đại tướng',
    'Thượng tướng',
    'Trung tướng',
    'Thiếu tướng',
    'Đại tá',
    'Thượng tá',
    'Trung tá',
    'Thiếu tá',
    'Đại úy',
    'Thượng úy',
    'Trung úy',
    'Thiếu úy',
    'Thượng sĩ',
    'Trung sĩ',
    'Hạ sĩ',
    'Binh nhất',
    'Binh nhì',
  ].map((w) => title(w, 'RANK')),
  ...[
    'Anh hùng Lực lượng vũ trang nhân dân',
    'Anh hùng Lao động',
    'Anh hùng',
    'Liệt sĩ',
    'Nghệ nhân nhân dân',
    'Nghệ nhân ưu tú',
    'Nhà giáo nhân dân',
    'Nhà giáo ưu tú',
    'Thầy thuốc nhân dân',
    'Thầy thuốc ưu tú',
    'Nghệ sĩ nhân dân',
    'Nghệ sĩ ưu tú',
    'Bà mẹ Việt Nam anh hùng',
    'Mẹ Việt Nam anh hùng',
  ].map((w) => title(w, 'HONORIFIC')),
  ...['đồng chí', 'ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cụ', 'đ/c'].map((w) => title(w, 'ADDRESS')),
  ...[
    'nạn nhân',
    'đối tượng',
    'nghi phạm',
    'tài xế',
    'lái xe',
    'chiến sĩ',
    'cán bộ',
    'điều tra viên',
    'bác sĩ',
    'y tá',
    'giám đốc',
    'phó giám đốc',
    'chủ tịch',
    'phó chủ tịch',
    'bí thư',
    'phó bí thư',
    'bộ trưởng',
    'thứ trưởng',
    'trưởng phòng',
    'phó trưởng phòng',
    'đội trưởng',
    'phó đội trưởng',
    'trưởng công an',
    'phó trưởng công an',
    'trưởng thôn',
    'trưởng bản',
    'phó chủ tịch nước',
    'chủ tịch nước',
    'thủ tướng',
    'phó thủ tướng',
  ].map((w) => title(w, 'ROLE')),
].sort((a, b) => b.words.length - a.words.length);

/** Given lower-case words of the text and a position, returns the titles that end just before it, nearest first ("Liệt sĩ Thượng úy"). */
export function titlesBefore(words: readonly string[], at: number): PersonTitle[] {
  const found: PersonTitle[] = [];
  let position = at;
  for (;;) {
    const next = PERSON_TITLES.find((t) => {
      const from = position - t.words.length;
      return from >= 0 && t.words.every((word, i) => words[from + i] === word);
    });
    if (!next) return found;
    found.push(next);
    position -= next.words.length;
  }
}
