import { foldedWords } from './foldKey';

/** A word that names an administrative unit or a natural feature before its proper name ("xã Pải Lủng", "sông Lô"). */
export interface PlaceUnitWord {
  /** Folded words, e.g. ['thi', 'tran'], for names in the graph. */
  readonly folded: readonly string[];
  /** Lower-case words as written, e.g. ['thị', 'trấn'], for the text: "song" (but) is not "sông", nor "xa" (far) "xã". */
  readonly exact: readonly string[];
  /** The canonical unit as the graph writes it (Place.unitType). */
  readonly unitType: string;
  /** Place levels the unit may have (a thành phố is a province or a district-level city). */
  readonly levels: readonly string[];
  /** True for administrative units (reconciled by validity date); false for rivers, passes, streams. */
  readonly administrative: boolean;
}

const unit = (written: string, unitType: string, levels: string[], administrative = true): PlaceUnitWord => ({
  folded: foldedWords(written),
  exact: written.toLowerCase().split(' '),
  unitType,
  levels,
  administrative,
});

/** Longest first, so "thị trấn" is tried before a one-word unit. Abbreviations map to their unit (TP → thành phố). */
export const PLACE_UNIT_WORDS: readonly PlaceUnitWord[] = [
  unit('tổ dân phố', 'tổ dân phố', ['VILLAGE']),
  unit('thành phố', 'thành phố', ['PROVINCE', 'DISTRICT']),
  unit('thị trấn', 'thị trấn', ['COMMUNE']),
  unit('thị xã', 'thị xã', ['DISTRICT']),
  unit('TP', 'thành phố', ['PROVINCE', 'DISTRICT']),
  unit('TT', 'thị trấn', ['COMMUNE']),
  unit('TX', 'thị xã', ['DISTRICT']),
  unit('tỉnh', 'tỉnh', ['PROVINCE']),
  unit('huyện', 'huyện', ['DISTRICT']),
  unit('quận', 'quận', ['DISTRICT']),
  unit('xã', 'xã', ['COMMUNE']),
  unit('phường', 'phường', ['COMMUNE']),
  unit('thôn', 'thôn', ['VILLAGE']),
  unit('bản', 'bản', ['VILLAGE']),
  unit('xóm', 'xóm', ['VILLAGE']),
  unit('sông', 'sông', ['NATURAL_FEATURE'], false),
  unit('đèo', 'đèo', ['NATURAL_FEATURE'], false),
  unit('suối', 'suối', ['NATURAL_FEATURE'], false),
  unit('hồ', 'hồ', ['NATURAL_FEATURE'], false),
];

/** Folded words come from names in the graph; exact (lower-case) words from the text. */
export type WordForm = 'folded' | 'exact';

/** Given words and a position, returns the unit word that starts there, if any (longest first). */
export function unitWordAt(words: readonly string[], at: number, form: WordForm = 'folded'): PlaceUnitWord | undefined {
  return PLACE_UNIT_WORDS.find((candidate) => candidate[form].every((word, i) => words[at + i] === word));
}

/** Given words and a position, returns the unit word that ends just before it, if any (longest first). */
export function unitWordBefore(words: readonly string[], at: number, form: WordForm = 'folded'): PlaceUnitWord | undefined {
  return PLACE_UNIT_WORDS.find((candidate) => {
    const from = at - candidate[form].length;
    return from >= 0 && candidate[form].every((word, i) => words[from + i] === word);
  });
}
