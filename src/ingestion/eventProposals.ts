import { makeEvidence, proposalId } from './makeEvidence';
import type { EventMatch } from './matchEvents';
import { position } from './position';
import type { LinkProposal } from './proposal';
import type { PreparedText } from './preparedText';

/** Given the prepared text and the events it tells of, returns a LINK per event quoting the sentence that says the most about it. */
export function eventProposals(prepared: PreparedText, events: readonly EventMatch[]): LinkProposal[] {
  return events.map((event) => {
    const sentence = prepared.sentences[event.sentence];
    const range = sentence ? { start: sentence.start, end: sentence.end } : { start: 0, end: 0 };
    return {
      id: proposalId('LINK', event.entry.id),
      kind: 'LINK',
      status: 'PENDING',
      entity: { id: event.entry.id, label: 'Event', name: event.entry.name },
      alternatives: [],
      occurrences: [...event.sentences]
        .sort((a, b) => a - b)
        .flatMap((i) => {
          const s = prepared.sentences[i];
          return s ? [position(s)] : [];
        }),
      evidence: makeEvidence(prepared.text, range.start, range.end, Math.min(0.95, 0.45 + 0.07 * event.score), event.reasons),
      flags: [],
    };
  });
}
