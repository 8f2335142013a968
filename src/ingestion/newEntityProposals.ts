import { foldKey } from './foldKey';
import type { Item } from './item';
import { makeEvidence, proposalId } from './makeEvidence';
import type { PatternMention } from './patternMention';
import { position } from './position';
import type { NewEntityLabel, NewEntityProposal } from './proposal';
import { reason } from './reason';

/**
 * Given the text, the selected pattern mentions (people, units, places) and the reference date of
 * each sentence, returns one NEW_ENTITY proposal per label and folded name, quoting its first
 * mention, and the items (one per mention). A place records the date its unit is read on
 * (validOn): the unit as it was then, not as it is now.
 */
export function newEntityProposals(
  text: string,
  patterns: readonly PatternMention[],
  dateOf: (sentence: number) => string,
): { proposals: NewEntityProposal[]; items: Item[] } {
  const groups = new Map<string, PatternMention[]>();
  for (const p of patterns) {
    const key = `${p.kind}|${foldKey(p.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const proposals: NewEntityProposal[] = [];
  const items: Item[] = [];
  for (const [key, list] of groups) {
    const first = list[0] as PatternMention;
    const label: NewEntityLabel = first.kind;
    const id = proposalId('NEW_ENTITY', key);
    const properties: Record<string, string | number | boolean> = { ...first.properties };
    if (label === 'Place') properties.validOn = dateOf(first.sentence);
    if (first.parent) properties.parentAsWritten = text.slice(first.parent.start, first.parent.end);
    if (first.place) properties.placeAsWritten = text.slice(first.place.start, first.place.end);
    const reasons =
      list.length > 1
        ? [...first.reasons, reason(`được nêu ${list.length} lần trong bài`, `named ${list.length} times`)]
        : first.reasons;
    proposals.push({
      id,
      kind: 'NEW_ENTITY',
      status: 'PENDING',
      label,
      name: first.name,
      properties,
      occurrences: list.map(position),
      evidence: makeEvidence(text, first.start, first.end, first.confidence, reasons),
      flags: [],
    });
    for (const p of list) {
      items.push({
        ref: { kind: 'PROPOSAL', proposalId: id, label },
        label,
        name: p.name,
        sentence: p.sentence,
        first: p.first,
        last: p.last,
        start: p.start,
        end: p.end,
        confidence: p.confidence,
      });
    }
  }
  return { proposals, items };
}
