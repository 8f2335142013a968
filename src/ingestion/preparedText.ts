/** One word of the normalised text with its character offsets ([start, end) into PreparedText.text). */
export interface Token {
  readonly text: string;
  /** Folded: diacritics removed, đ→d, lower case. */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  /** Index of the token in its sentence. */
  readonly index: number;
}

/** A non-empty line of the text. */
export interface Paragraph {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

/** An article's text ready for matching: normalised, cut into paragraphs, sentences and word tokens. */
export interface PreparedText {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
}

/** Given a sentence, returns its words in lower case as written (diacritics kept), for vocabularies where "bà" is not "ba". */
export const loweredWords = (sentence: Sentence): string[] => sentence.tokens.map((t) => t.text.toLowerCase());
