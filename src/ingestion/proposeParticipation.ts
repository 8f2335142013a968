import { foldKey } from './foldKey';
import type { Item } from './item';
import type { EventMatch } from './matchEvents';
import type { EntityRef, RelationshipProposal } from './proposal';
import { reason } from './reason';
import { relationshipProposal } from './relationshipProposal';

/** Nouns written right before a person that say their part ("nạn nhân Vừ Mí Chơ", "đối tượng Thào Mý Ly"). */
const TITLE_CUES: ReadonlyArray<readonly [string, string]> = [
  ['nạn nhân', 'nạn nhân'],
  ['đối tượng', 'đối tượng'],
  ['nghi phạm', 'đối tượng'],
  ['tài xế', 'tài xế'],
  ['lái xe', 'tài xế'],
];
/** Words an address form may put between such a noun and the name ("Nạn nhân là anh Thò Mí Ly"). */
const TITLE_GAP = new Set(['là', 'anh', 'chị', 'ông', 'bà', 'em', 'cháu']);

/** Verbs near a participant that say what it did, folded, with the role as written. Nearest wins. */
const VERB_CUES: ReadonlyArray<readonly [string, string]> = (
  [
    ['trực tiếp chỉ huy', 'chỉ huy'],
    ['chỉ huy', 'chỉ huy'],
    ['chỉ đạo', 'chỉ đạo'],
    ['hy sinh', 'hy sinh'],
    ['điều trị', 'điều trị'],
    ['cấp cứu', 'cấp cứu'],
    ['cứu nạn', 'cứu nạn, cứu hộ'],
    ['cứu hộ', 'cứu nạn, cứu hộ'],
    ['tìm kiếm', 'tìm kiếm'],
    ['cứu người', 'cứu người'],
    ['cứu sống', 'cứu người'],
  ] as ReadonlyArray<readonly [string, string]>
).map(([cue, role]) => [foldKey(cue), role] as const);

/** Role cues a body can carry: a body is not a victim or a suspect, and "hy sinh" is its officer's, not its own. */
const BODY_ROLES = new Set(['chỉ huy', 'chỉ đạo', 'cứu nạn, cứu hộ', 'điều trị', 'cấp cứu', 'tìm kiếm']);

/**
 * The role of an item in its clause: a noun right before a person ("nạn nhân", "đối tượng"), else
 * the verb cue nearest to it, before it (after the previous item) or after it (up to the next
 * person); "tham gia" when the text says nothing more.
 */
function roleNear(text: string, item: Item, clause: { start: number; end: number }, before: number, after: number): string {
  if (item.label === 'Person') {
    const words =
      text
        .slice(Math.max(clause.start, item.start - 40), item.start)
        .toLowerCase()
        .match(/[\p{L}]+/gu) ?? [];
    while (words.length > 0 && TITLE_GAP.has(words[words.length - 1] ?? '')) words.pop();
    const tail = words.slice(-2).join(' ');
    const title = TITLE_CUES.find(([cue]) => tail.endsWith(cue));
    if (title) return title[1];
  }
  const left = foldKey(text.slice(Math.max(clause.start, before, item.start - 30), item.start));
  const right = foldKey(text.slice(item.end, Math.min(clause.end, after, item.end + 80)));
  let best: [number, string] | undefined;
  for (const [cue, role] of VERB_CUES) {
    if (item.label !== 'Person' && !BODY_ROLES.has(role)) continue;
    const b = ` ${left} `.lastIndexOf(` ${cue} `);
    const a = ` ${right} `.indexOf(` ${cue} `);
    const distance = Math.min(b < 0 ? Infinity : left.length - b, a < 0 ? Infinity : a);
    if (distance !== Infinity && (!best || distance < best[0])) best = [distance, role];
  }
  return best?.[1] ?? 'tham gia';
}

/** Given a sentence's range, returns its clauses: cut at ; : … and dashes, where news lists separate facts. */
function clauses(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(/[;:…]|\s[–-]\s/gu)) {
    ranges.push({ start: from, end: start + m.index });
    from = start + m.index + m[0].length;
  }
  ranges.push({ start: from, end });
  return ranges;
}

/**
 * Given the text, each sentence's items and the events the article tells of, returns the
 * participations it states: in a clause that refers to an event (its name, place, date, or its
 * kind when it is the only such event), each person and body named takes part, with the role the
 * nearest cue gives ("nạn nhân", "chỉ huy", "điều trị"; "tham gia" otherwise). The event's own
 * places and the issuers of awards are not participants.
 */
export function proposeParticipation(
  text: string,
  itemsBySentence: ReadonlyMap<number, readonly Item[]>,
  events: readonly EventMatch[],
  excluded: ReadonlySet<string>,
  sentenceRange: (sentence: number) => { start: number; end: number },
): RelationshipProposal[] {
  const proposals = new Map<string, RelationshipProposal>();
  for (const event of events) {
    const to: EntityRef = { kind: 'ENTITY', id: event.entry.id, label: 'Event' };
    for (const sentence of [...event.sentences].sort((a, b) => a - b)) {
      const range = sentenceRange(sentence);
      const items = itemsBySentence.get(sentence) ?? [];
      for (const clause of clauses(text, range.start, range.end)) {
        if (!event.anchors.some((a) => a.start >= clause.start && a.start < clause.end)) continue;
        const inClause = items.filter((i) => i.start >= clause.start && i.end <= clause.end);
        inClause.forEach((item, index) => {
          if (
            (item.label !== 'Person' && item.label !== 'Agency' && item.label !== 'Collective') ||
            excluded.has(`${item.start}`)
          ) {
            return;
          }
          const before = inClause[index - 1]?.end ?? clause.start;
          const after = inClause.slice(index + 1).find((i) => i.label === 'Person')?.start ?? clause.end;
          const role = roleNear(text, item, clause, before, after);
          const proposal = relationshipProposal(
            text,
            'TOOK_PART_IN',
            item.ref,
            to,
            { role },
            { start: item.start, end: item.end },
            0.6,
            [
              reason(`được nêu trong câu kể về ${event.entry.name}`, `named in a sentence about ${event.entry.name}`),
              reason(`vai trò: ${role}`, `role: ${role}`),
            ],
          );
          const known = proposals.get(proposal.id);
          if (!known || (known.properties.role === 'tham gia' && role !== 'tham gia')) proposals.set(proposal.id, proposal);
        });
      }
    }
  }
  return [...proposals.values()];
}
