import type { FindAwardResult } from './awardReading';
import type { Item } from './item';
import type { EventMatch } from './matchEvents';
import type { PatternMention } from './patternMention';
import type { LinkProposal, RelationshipProposal } from './proposal';
import { proposeAwardRelations } from './proposeAwardRelations';
import { proposeMemberships } from './proposeMemberships';
import { proposeParticipation } from './proposeParticipation';
import { proposeStructure } from './proposeStructure';
import { reason } from './reason';
import { relationshipProposal } from './relationshipProposal';

export interface RelationshipInputs {
  readonly text: string;
  /** Linked and new entities, one per mention (awards apart). */
  readonly items: readonly Item[];
  readonly awards: ReadonlyArray<{ readonly item: Item; readonly reading: FindAwardResult }>;
  readonly events: readonly EventMatch[];
  /** Every LINK proposal: the story FEATURES each. */
  readonly links: readonly LinkProposal[];
  readonly news: ReadonlyArray<{ readonly pattern: PatternMention; readonly item: Item }>;
  /** Links of mentions inside other mentions, which new units are located in. */
  readonly innerLinks: readonly Item[];
  readonly sentenceRange: (sentence: number) => { start: number; end: number };
}

/**
 * Given what the text names, returns every relationship proposal: the story FEATURES each linked
 * entity; memberships, participations and awards' issuers, recipients and events as single
 * sentences state them; the parents and places of new places and units.
 */
export function relationshipProposals(inputs: RelationshipInputs): RelationshipProposal[] {
  const { text } = inputs;
  const features = inputs.links.map((link) => {
    const [, position] = link.evidence.selectors;
    return relationshipProposal(
      text,
      'FEATURES',
      { kind: 'STORY' },
      { kind: 'ENTITY', id: link.entity.id, label: link.entity.label },
      {},
      position,
      link.evidence.confidence,
      [reason(`bài viết nêu ${link.entity.name}`, `the story names ${link.entity.name}`)],
    );
  });
  const bySentence = new Map<number, Item[]>();
  for (const item of [...inputs.items].sort((a, b) => a.start - b.start)) {
    bySentence.set(item.sentence, [...(bySentence.get(item.sentence) ?? []), item]);
  }
  const memberships = [...bySentence.values()].flatMap((items) => proposeMemberships(text, items));
  const issuers = new Set<string>();
  for (const { item, reading } of inputs.awards) {
    const phrase = reading.pattern.issuerPhrase;
    for (const i of bySentence.get(item.sentence) ?? []) {
      if (phrase && i.start >= phrase.start && i.end <= phrase.end) issuers.add(`${i.start}`);
    }
  }
  const participation = proposeParticipation(text, bySentence, inputs.events, issuers, inputs.sentenceRange);
  const awards = inputs.awards.flatMap(({ item, reading }) =>
    proposeAwardRelations(text, item, reading, bySentence.get(item.sentence) ?? [], inputs.events),
  );
  const all = [...inputs.items, ...inputs.innerLinks];
  const structure = proposeStructure(text, inputs.news, (start, end) => all.find((i) => i.start === start && i.end === end));
  return [...features, ...memberships, ...participation, ...awards, ...structure];
}
