import type { Reason } from './reason';

/** What a pattern proposes: an entity the gazetteer did not name. */
export type PatternKind = 'Person' | 'Agency' | 'Place' | 'Award';

/** A span a pattern read as a new entity ("Thượng tá Nguyễn Văn Trường", "Công an xã Đồng Văn", "thôn Séo Sả Lủng"). */
export interface PatternMention {
  readonly kind: PatternKind;
  readonly sentence: number;
  readonly paragraph: number;
  /** Token range [first, last) of the entity's own words (a person's title is not part of its span). */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly properties: Readonly<Record<string, string | number | boolean>>;
  readonly confidence: number;
  readonly reasons: readonly Reason[];
  /** For a unit or a place: the span of the parent named with it ("…, huyện Mèo Vạc", "… Công an tỉnh Hà Giang"). */
  readonly parent?: { readonly start: number; readonly end: number };
  /** For a unit: the span of the place in its name ("xã Đồng Văn" in "Công an xã Đồng Văn"). */
  readonly place?: { readonly start: number; readonly end: number };
}
