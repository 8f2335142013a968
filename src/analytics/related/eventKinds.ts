/**
 * The finer kinds of event a reader follows ("another cave rescue", "another flood"), derived from
 * data the graph already holds: an event's kind and its Vietnamese and English names (and, at a
 * discount, its summary: relatedStoryPaths.ts), or, for a story that features no event, its title. Nothing is stored: the words below are ordinary news vocabulary,
 * so a new event or story gets its kinds the moment it is written.
 */
export const EVENT_KINDS = ['CAVE', 'WATER_RESCUE', 'FIRE', 'PURSUIT', 'DISASTER', 'FLOOD', 'LANDSLIDE', 'RESCUE'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * What sharing a kind is worth: a narrow kind (a deep-cave rescue, a pursuit of a suspect, a fire) says
 * much more than a broad one (any disaster, any rescue, which covers lifesaving as well as firefighting).
 */
export const EVENT_KIND_WEIGHTS: Readonly<Record<EventKind, number>> = {
  CAVE: 1,
  WATER_RESCUE: 0.9,
  FIRE: 1,
  PURSUIT: 1,
  DISASTER: 0.6,
  LANDSLIDE: 0.5,
  FLOOD: 0.3,
  RESCUE: 0.1,
};

/** English labels for the reasons' sentences. */
export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = {
  CAVE: 'a deep-cave or sinkhole rescue',
  WATER_RESCUE: 'saving people from a flood or a river',
  FLOOD: 'about a flood or a river',
  LANDSLIDE: 'a landslide',
  FIRE: 'a fire',
  PURSUIT: 'the pursuit of a suspect',
  DISASTER: 'a natural disaster',
  RESCUE: 'a rescue',
};

/** Lower-case words (Vietnamese with diacritics, English) that mark each kind in a name or title. */
const KIND_WORDS: Readonly<Record<EventKind, readonly string[]>> = {
  CAVE: ['hang sâu', 'hố sụt', 'hố sâu', 'dưới hang', 'cave', 'sinkhole'],
  FLOOD: ['lũ', 'nước lũ', 'dòng nước', 'sông', 'flood', 'river'],
  LANDSLIDE: ['sạt lở', 'vùi lấp', 'landslide'],
  FIRE: ['cháy', 'hỏa hoạn', 'hoả hoạn', 'fire'],
  PURSUIT: ['truy nã', 'truy bắt', 'vây bắt', 'pursuit', 'suspect'],
  WATER_RESCUE: [],
  // "Tìm kiếm cứu nạn" (search and rescue) is the disaster-response term of the PCTT&TKCN committees.
  DISASTER: ['thiên tai', 'mưa lũ', 'lũ quét', 'sạt lở', 'tìm kiếm cứu nạn', 'disaster', 'floods'],
  RESCUE: ['cứu nạn', 'cứu người', 'cứu hộ', 'tìm kiếm', 'rescue', 'recovery'],
};

/** The stored Event.kind values that name a kind by themselves. */
const STORED_KINDS: Readonly<Record<string, EventKind>> = { RESCUE: 'RESCUE', DISASTER: 'DISASTER' };

/**
 * Given an event's stored kind and its names (or a story's title, with a null kind), returns the
 * finer kinds it belongs to, in EVENT_KINDS order. Words are matched on whole-word boundaries, so
 * "lũ" never matches inside "Lũng".
 */
export function eventKindsOf(storedKind: string | null, ...texts: readonly (string | null)[]): EventKind[] {
  const text = ` ${texts
    .filter((t): t is string => t !== null)
    .join(' ')
    .toLowerCase()
    .normalize('NFC')} `;
  const found = new Set<EventKind>();
  const stored = storedKind === null ? undefined : STORED_KINDS[storedKind];
  if (stored) found.add(stored);
  for (const kind of EVENT_KINDS) {
    if (KIND_WORDS[kind].some((word) => containsWord(text, word))) found.add(kind);
  }
  // Saving people from water is its own kind; a flood that is reported as a disaster is another.
  if (found.has('FLOOD') && found.has('RESCUE') && !found.has('DISASTER')) found.add('WATER_RESCUE');
  return EVENT_KINDS.filter((kind) => found.has(kind));
}

function containsWord(text: string, word: string): boolean {
  const at = text.indexOf(word.trimEnd());
  if (at < 0) return false;
  // Whole words only: Vietnamese syllables are separated by spaces and punctuation.
  const boundary = /[\s.,:;!?"'()«»“”-]/u;
  for (let i = at; i >= 0; i = text.indexOf(word.trimEnd(), i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + word.trimEnd().length] ?? ' ';
    if (boundary.test(before) && boundary.test(after)) return true;
  }
  return false;
}
