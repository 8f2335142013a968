import type { DateMention } from './extractDates';
import { makeEvidence, proposalId } from './makeEvidence';
import type { EventMatch } from './matchEvents';
import { dateAgreement } from './partialDate';
import type { DateProposal } from './proposal';
import { reason } from './reason';
import { vietnameseDate } from './vietnameseLabels';

/**
 * Given the text, its dates and the events it tells of, returns a DATE proposal per date written,
 * its subject the event whose date it gives (same day or month, in a sentence about that event).
 */
export function dateProposals(text: string, dates: readonly DateMention[], events: readonly EventMatch[]): DateProposal[] {
  return dates.map((d) => {
    const event = events.find(
      (e) => e.sentences.has(d.sentence) && e.entry.date !== undefined && dateAgreement(e.entry.date, d.value) >= 2,
    );
    const reasons = [
      reason(`ngày tháng "${d.text}" = ${vietnameseDate(d.value)}`, `the date "${d.text}" reads ${d.value}`),
      ...(d.yearInferred ? [reason('năm lấy theo ngày đăng bài', 'the year comes from the publication date')] : []),
      ...(event ? [reason(`thời gian của ${event.entry.name}`, `the date of ${event.entry.name}`)] : []),
    ];
    return {
      id: proposalId('DATE', d.start, d.value),
      kind: 'DATE',
      status: 'PENDING',
      value: d.value,
      ...(d.until ? { until: d.until } : {}),
      ...(event ? { subject: { kind: 'ENTITY', id: event.entry.id, label: 'Event' } as const } : {}),
      evidence: makeEvidence(text, d.start, d.end, d.yearInferred ? 0.75 : 0.9, reasons),
      flags: [],
    };
  });
}
