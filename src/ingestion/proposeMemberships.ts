import { foldedWords } from './foldKey';
import type { Item } from './item';
import { PERSON_TITLES } from './personVocabulary';
import { unitWordAt } from './placeUnitWords';
import type { RelationshipProposal } from './proposal';
import { reason } from './reason';
import { covering, relationshipProposal } from './relationshipProposal';
import { LINK_WORDS, ROLE_WORDS } from './roleWords';

const TITLE_WORDS = new Set(PERSON_TITLES.filter((t) => t.kind !== 'ROLE').flatMap((t) => foldedWords(t.written)));

/** Given the role words written before a body and the body's own words, returns the role as an editor reads it. */
function roleWith(role: string, bodyText: string): string {
  if (!/(^|\s)Trưởng$/iu.test(role)) return role;
  const words = bodyText.split(/\s+/);
  const first = words[0] ?? '';
  // "Trưởng phòng Cảnh sát …": the body's lower-case head word belongs to the role.
  if (/^\p{Ll}/u.test(first)) return `${role} ${first}`;
  // "Phó Trưởng Công an huyện Mèo Vạc": the role names the kind of body, up to its unit word.
  const lowered = words.map((w) => w.toLowerCase());
  for (let i = 1; i < Math.min(lowered.length, 4); i += 1) {
    const unit = unitWordAt(lowered, i, 'exact');
    if (unit) return `${role} ${words.slice(0, i + unit.exact.length).join(' ')}`;
  }
  return role;
}

/**
 * Given the text and the items of one sentence (in order), returns the memberships it states: a
 * person followed by a body with only role words between ("Lưu Minh Thức, cán bộ Công an huyện
 * Yên Minh"; "Nguyễn Văn Trường, Trưởng phòng Cảnh sát PCCC&CNCH …"), or a role and a body
 * followed by the person ("Phó Chủ tịch UBND huyện Vị Xuyên Lê Thanh Hải"; "Giám đốc Công an tỉnh,
 * Đại tá …"). The role is kept as written.
 */
export function proposeMemberships(text: string, items: readonly Item[]): RelationshipProposal[] {
  const proposals: RelationshipProposal[] = [];
  items.forEach((item, index) => {
    if (item.label !== 'Person') return;
    const next = items[index + 1];
    if (next && (next.label === 'Agency' || next.label === 'Collective')) {
      const gap = text.slice(item.end, next.start);
      const words = foldedWords(gap);
      if (/^[\s,(–-]*[\p{L}\s]*$/u.test(gap) && words.length <= 6 && words.every((w) => ROLE_WORDS.has(w) || LINK_WORDS.has(w))) {
        const role = gap
          .replace(/^[\s,(–-]+/u, '')
          .replace(/\s*(thuộc|của|là|tại)\s*$/u, '')
          .trim();
        const written = role === '' ? '' : roleWith(role, text.slice(next.start, next.end));
        proposals.push(
          relationshipProposal(
            text,
            'MEMBER_OF',
            item.ref,
            next.ref,
            written ? { role: written } : {},
            covering(item, next),
            written ? 0.75 : 0.55,
            [
              written
                ? reason(`"${written}" của đơn vị, trong cùng câu`, `stated as "${written}" of the body in one sentence`)
                : reason('tên người kèm đơn vị, trong cùng câu', 'person and body written together in one sentence'),
            ],
          ),
        );
        return;
      }
    }
    const previous = items[index - 1];
    if (previous && (previous.label === 'Agency' || previous.label === 'Collective')) {
      const gap = foldedWords(text.slice(previous.end, item.start));
      if (!/^[\s,]*[\p{L}\s]*$/u.test(text.slice(previous.end, item.start)) || !gap.every((w) => TITLE_WORDS.has(w))) return;
      const before = text.slice(Math.max(0, previous.start - 40), previous.start);
      const roleMatch = /((?:\p{L}+\s+){0,4}\p{L}+)\s+$/u.exec(before);
      const roleWords = (roleMatch?.[1] ?? '').split(/\s+/);
      let from = roleWords.length;
      while (from > 0 && ROLE_WORDS.has(foldedWords(roleWords[from - 1] ?? '')[0] ?? '')) from -= 1;
      const role = roleWords.slice(from).join(' ');
      if (role === '') return;
      const written = roleWith(role, text.slice(previous.start, previous.end));
      const start = previous.start - (before.length - before.lastIndexOf(role));
      proposals.push(
        relationshipProposal(
          text,
          'MEMBER_OF',
          item.ref,
          previous.ref,
          { role: written },
          covering({ start, end: previous.end }, item),
          0.7,
          [reason(`"${written}" của đơn vị, trong cùng câu`, `stated as "${written}" of the body in one sentence`)],
        ),
      );
    }
  });
  return proposals;
}
