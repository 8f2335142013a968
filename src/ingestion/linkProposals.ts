import type { Item } from './item';
import { makeEvidence, proposalId } from './makeEvidence';
import { position } from './position';
import type { AmbiguousProposal, LinkProposal } from './proposal';
import { reason } from './reason';
import type { Resolution } from './resolveMentions';
import { foldKey } from './foldKey';

type Link = Extract<Resolution, { outcome: 'LINK' }>;
type Ambiguous = Extract<Resolution, { outcome: 'AMBIGUOUS' }>;

/**
 * Given the text and the selected links, returns one LINK proposal per entity, quoting its most
 * confident mention and listing every occurrence, and the items (one per mention) relationships
 * are read from.
 */
export function linkProposals(text: string, links: readonly Link[]): { proposals: LinkProposal[]; items: Item[] } {
  const byEntity = new Map<string, Link[]>();
  for (const link of links) {
    const list = byEntity.get(link.best.candidate.entry.id) ?? [];
    list.push(link);
    byEntity.set(link.best.candidate.entry.id, list);
  }
  const proposals: LinkProposal[] = [];
  const items: Item[] = [];
  for (const [id, list] of byEntity) {
    const best = [...list].sort((a, b) => b.confidence - a.confidence || a.mention.start - b.mention.start)[0] as Link;
    const entry = best.best.candidate.entry;
    const reasons = [...best.best.reasons];
    if (list.length > 1) reasons.push(reason(`được nêu ${list.length} lần trong bài`, `named ${list.length} times`));
    proposals.push({
      id: proposalId('LINK', id),
      kind: 'LINK',
      status: 'PENDING',
      entity: { id, label: entry.label, name: entry.name },
      alternatives: best.others.map((o) => ({
        id: o.candidate.entry.id,
        name: o.candidate.entry.name,
        score: Math.round(o.score * 10) / 10,
      })),
      occurrences: list.map((l) => position(l.mention)).sort((a, b) => a.start - b.start),
      evidence: makeEvidence(text, best.mention.start, best.mention.end, best.confidence, reasons),
      flags: [],
    });
    for (const link of list) {
      const m = link.mention;
      items.push({
        ref: { kind: 'ENTITY', id, label: entry.label },
        label: entry.label,
        name: entry.name,
        sentence: m.sentence,
        first: m.first,
        last: m.last,
        start: m.start,
        end: m.end,
        confidence: link.confidence,
        entry,
      });
    }
  }
  return { proposals, items };
}

/** Given the text and the ambiguous mentions, returns one proposal per written name and set of candidates, for the editor to choose. */
export function ambiguousProposals(text: string, ambiguous: readonly Ambiguous[]): AmbiguousProposal[] {
  const groups = new Map<string, Ambiguous[]>();
  for (const a of ambiguous) {
    const key = `${foldKey(a.mention.text)}|${a.ranked
      .map((r) => r.candidate.entry.id)
      .sort()
      .join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups].map(([key, list]) => {
    const first = list[0] as Ambiguous;
    return {
      id: proposalId('AMBIGUOUS', key),
      kind: 'AMBIGUOUS',
      status: 'PENDING',
      candidates: first.ranked.map((r) => ({
        id: r.candidate.entry.id,
        label: r.candidate.entry.label,
        name: r.candidate.entry.name,
        score: Math.round(r.score * 10) / 10,
        reasons: r.reasons,
      })),
      occurrences: list.map((a) => position(a.mention)),
      evidence: makeEvidence(text, first.mention.start, first.mention.end, 0.5, first.reasons),
      flags: [],
    };
  });
}
