/**
 * Abbreviations written with a full stop that do not end a sentence in Vietnamese news:
 * TP. (thành phố), Q. (quận), P. (phường), TX. (thị xã), TT. (thị trấn), H. (huyện), X. (xã),
 * academic and professional titles (ThS., TS., PGS., GS., BS., KS., CN.), NXB. Compared as written.
 */
const ABBREVIATIONS = new Set([
  'TP',
  'Tp',
  'TX',
  'Tx',
  'TT',
  'Q',
  'P',
  'H',
  'X',
  'ThS',
  'Ths',
  'TS',
  'PGS',
  'GS',
  'BS',
  'KS',
  'CN',
  'NXB',
  'Nxb',
  'St',
  'Th',
]);

const TERMINAL = /[.!?…]+[”"’'»)\]]*(?=\s)/gu;
/** What may open the next sentence: a capital letter, a digit, an opening quote or bracket, a dash. */
const OPENER = /^\s+[\p{Lu}\p{N}“"'«(\[–-]/u;

/**
 * Given normalised text and a range (a paragraph), returns the sentences in it as [start, end)
 * ranges, trimmed. A sentence ends at . ! ? or … followed by a space and a capital, digit or quote,
 * except after a known abbreviation ("TP. Hà Giang", "ThS. Lê"), a single capital initial, or a
 * dotted token ("T.M.L."). Decimal numbers and dates ("370.15", "3.4.2023") have no space after
 * the dot and never split.
 */
export function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const slice = text.slice(start, end);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const match of slice.matchAll(TERMINAL)) {
    const stop = match.index + match[0].length;
    if (!OPENER.test(slice.slice(stop, stop + 3))) continue;
    if (match[0].startsWith('.') && match[0].length === 1 && endsWithAbbreviation(slice.slice(from, match.index))) continue;
    pushTrimmed(ranges, slice, from, stop, start);
    from = stop;
  }
  pushTrimmed(ranges, slice, from, slice.length, start);
  return ranges;
}

function endsWithAbbreviation(before: string): boolean {
  const word = /[\p{L}\p{N}.]+$/u.exec(before)?.[0];
  if (word === undefined) return false;
  if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

function pushTrimmed(ranges: Array<[number, number]>, slice: string, from: number, to: number, offset: number): void {
  const piece = slice.slice(from, to);
  const trimmedStart = from + (piece.length - piece.trimStart().length);
  const trimmedEnd = to - (piece.length - piece.trimEnd().length);
  if (trimmedEnd > trimmedStart) ranges.push([offset + trimmedStart, offset + trimmedEnd]);
}
