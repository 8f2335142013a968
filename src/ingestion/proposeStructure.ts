import type { Item } from './item';
import type { PatternMention } from './patternMention';
import type { RelationshipProposal } from './proposal';
import { reason } from './reason';
import { covering, relationshipProposal } from './relationshipProposal';

/**
 * Given the text, the new places and units with their items, the items of the text and the
 * entities named inside units' names, returns the structure they state: PART_OF the parent named
 * with them ("thôn Séo Sả Lủng, xã Pải Lủng"; "Phòng … Công an tỉnh Tuyên Quang") and, for a unit,
 * LOCATED_IN the place in its name ("Công an xã Đồng Văn" in xã Đồng Văn).
 */
export function proposeStructure(
  text: string,
  news: ReadonlyArray<{ pattern: PatternMention; item: Item }>,
  itemAt: (start: number, end: number) => Item | undefined,
): RelationshipProposal[] {
  const proposals: RelationshipProposal[] = [];
  for (const { pattern, item } of news) {
    const parent = pattern.parent ? itemAt(pattern.parent.start, pattern.parent.end) : undefined;
    if (parent && parent.label === item.label) {
      proposals.push(
        relationshipProposal(text, 'PART_OF', item.ref, parent.ref, {}, covering(item, parent), 0.7, [
          reason(`viết kèm đơn vị cấp trên "${parent.name}"`, `written with its parent "${parent.name}"`),
        ]),
      );
    }
    const place = pattern.kind === 'Agency' && pattern.place ? itemAt(pattern.place.start, pattern.place.end) : undefined;
    if (place && place.label === 'Place') {
      proposals.push(
        relationshipProposal(text, 'LOCATED_IN', item.ref, place.ref, {}, { start: item.start, end: item.end }, 0.75, [
          reason(`tên đơn vị gắn với địa danh "${place.name}"`, `the unit is named after "${place.name}"`),
        ]),
      );
    }
  }
  return proposals;
}
