import type { FindAwardResult } from './awardReading';
import type { Item } from './item';
import type { EventMatch } from './matchEvents';
import type { RelationshipProposal } from './proposal';
import { reason } from './reason';
import { covering, relationshipProposal } from './relationshipProposal';

/**
 * Given the text, an award's item and reading, the items of its sentence and the events the
 * article tells of, returns what the sentence states about it: CONFERRED_BY the body named in the
 * issuer phrase; RECEIVED by the people named beside it, or, when no person is, by the bodies
 * outside the issuer phrase; FOR_EVENT the event the sentence refers to.
 */
export function proposeAwardRelations(
  text: string,
  award: Item,
  reading: FindAwardResult,
  items: readonly Item[],
  events: readonly EventMatch[],
): RelationshipProposal[] {
  const proposals: RelationshipProposal[] = [];
  const phrase = reading.pattern.issuerPhrase;
  const inIssuer = (item: Item) => phrase !== undefined && item.start >= phrase.start && item.end <= phrase.end;
  for (const issuer of items.filter((i) => (i.label === 'Agency' || i.label === 'Collective') && inIssuer(i))) {
    proposals.push(
      relationshipProposal(text, 'CONFERRED_BY', award.ref, issuer.ref, {}, covering(award, issuer), 0.7, [
        reason(`"${phrase?.text ?? issuer.name}" là nơi khen thưởng, trong cùng câu`, 'named as the issuer in the same sentence'),
      ]),
    );
  }
  const people = items.filter((i) => i.label === 'Person' && !inIssuer(i));
  const bodies = items.filter((i) => (i.label === 'Agency' || i.label === 'Collective') && !inIssuer(i));
  for (const recipient of people.length > 0 ? people : bodies) {
    proposals.push(
      relationshipProposal(
        text,
        'RECEIVED',
        recipient.ref,
        award.ref,
        {},
        covering(award, recipient),
        people.length > 0 ? 0.6 : 0.5,
        [reason('được nêu cùng câu với hình thức khen thưởng', 'named in the same sentence as the award')],
      ),
    );
  }
  if (award.ref.kind === 'PROPOSAL') {
    for (const event of events.filter((e) => e.sentences.has(award.sentence))) {
      proposals.push(
        relationshipProposal(
          text,
          'FOR_EVENT',
          award.ref,
          { kind: 'ENTITY', id: event.entry.id, label: 'Event' },
          {},
          { start: award.start, end: award.end },
          0.6,
          [reason(`câu nói về ${event.entry.name}`, `the sentence refers to ${event.entry.name}`)],
        ),
      );
    }
  }
  return proposals;
}
