import { foldKey } from './foldKey';

/**
 * Words that make up a role in a body, folded: "Trưởng phòng", "Phó Trưởng Công an huyện",
 * "Giám đốc", "cán bộ", "chiến sĩ" … A gap of only these words between a person and a body is a
 * membership.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  foldKey(
    'Trưởng Phó phòng ban đội Giám đốc Chủ tịch Bí thư Chánh Văn phòng cán bộ chiến sĩ điều tra viên Đội trưởng Chỉ huy trưởng Trạm trưởng Đồn trưởng Tổ trưởng Thủ trưởng thứ nhất thường trực Ủy viên Bộ trưởng Thứ trưởng nhân viên bác sĩ y sĩ Trưởng khoa',
  ).split(' '),
);

/** Words allowed between a person and a body that are not part of the role ("thuộc", "của", "là"). */
export const LINK_WORDS: ReadonlySet<string> = new Set(['thuoc', 'cua', 'la', 'tai']);
