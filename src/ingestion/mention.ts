import type { NameKey } from './entryKeys';
import type { GazetteerEntry } from './gazetteer';
import type { PersonTitle } from './personVocabulary';
import type { PlaceUnitWord } from './placeUnitWords';

/** One entity a mention may name, with how its name met the text. */
export interface Candidate {
  readonly entry: GazetteerEntry;
  readonly key: NameKey;
  /** The text equals the name or alias as written (case aside), tone marks and all. */
  readonly asWritten: boolean;
  /** A key that says little by itself (an acronym, an agency name cut before its place): it needs context to link. */
  readonly weak: boolean;
}

/** A span of the text that names one or more gazetteer entries and passed the surface checks. */
export interface Mention {
  readonly sentence: number;
  readonly paragraph: number;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly candidates: readonly Candidate[];
  /** The unit word written just before a bare place name ("xã" in "xã Pải Lủng" matched by "Pải Lủng"). */
  readonly unitBefore?: PlaceUnitWord;
  /** Written with "cũ" (former) after it: "tỉnh Hà Giang cũ", "huyện Mèo Vạc (cũ)". */
  readonly former: boolean;
  /** Ranks, honorifics and address forms written just before (persons). */
  readonly titles: readonly PersonTitle[];
}
