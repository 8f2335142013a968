import { foldKey } from '../../src/ingestion/foldKey';
import type { Extraction } from '../../src/ingestion/extractProposals';
import type { LinkProposal, NewEntityProposal } from '../../src/ingestion/proposal';
import type { LabelFile } from './labelFile';

export interface ArticleScore {
  readonly linked: number;
  readonly expectedLinks: number;
  readonly correctLinks: number;
  readonly proposedNew: number;
  readonly expectedNew: number;
  readonly correctNew: number;
  /** Links to the wrong one of two near-identical people (must be 0). */
  readonly wrongPerson: number;
  /** Every trap hit, people, places and others. */
  readonly trapCount: number;
  readonly ambiguous: number;
  readonly missedLinks: readonly string[];
  readonly extraLinks: readonly string[];
  readonly missedNew: readonly string[];
  readonly extraNew: readonly string[];
  readonly trapsHit: readonly string[];
}

const describeNew = (p: NewEntityProposal) =>
  `${p.label} "${p.name}"${p.label === 'Award' ? ` ${String(p.properties.form)}` : ''}`;

/**
 * Given an extraction and its labels, returns the counts behind precision and recall: linked
 * entities (LINK proposals, one per entity) against expectedLinks; new entities (NEW_ENTITY
 * proposals) against expectedNew, people, units and places by folded name, awards by form (and
 * decision number or flag when labelled); and wrong-person links: a trap's wrong entity linked at
 * the trap's mention in the trap's sentence.
 */
export function scoreArticle(extraction: Extraction, labels: LabelFile): ArticleScore {
  const links = extraction.proposals.filter((p): p is LinkProposal => p.kind === 'LINK');
  const linkedIds = new Set(links.map((l) => l.entity.id));
  const expectedIds = new Set(labels.expectedLinks.map((l) => l.id));
  const news = extraction.proposals.filter((p): p is NewEntityProposal => p.kind === 'NEW_ENTITY');
  const unmatched = [...news];
  const missedNew: string[] = [];
  const constraints = (e: LabelFile['expectedNew'][number]) =>
    [e.name, e.form, e.decisionNo, e.flag].filter((v) => v !== undefined).length;
  for (const expected of [...labels.expectedNew].sort((a, b) => constraints(b) - constraints(a))) {
    const index = unmatched.findIndex(
      (p) =>
        p.label === expected.label &&
        (expected.name === undefined || foldKey(p.name) === foldKey(expected.name)) &&
        (expected.form === undefined || p.properties.form === expected.form) &&
        (expected.decisionNo === undefined || p.properties.decisionNo === expected.decisionNo) &&
        (expected.flag === undefined || p.flags.some((f) => f.code === expected.flag)),
    );
    if (index >= 0) unmatched.splice(index, 1);
    else {
      missedNew.push(
        `${expected.label} ${expected.name ?? ''}${expected.form ?? ''}${expected.decisionNo ? ` ${expected.decisionNo}` : ''}${expected.flag ? ` [${expected.flag}]` : ''}`.trim(),
      );
    }
  }
  const trapsHit: string[] = [];
  for (const trap of labels.traps) {
    for (const sentence of sentencesContaining(extraction.text, trap.sentenceContains)) {
      const positions = occurrences(extraction.text, trap.mention, sentence);
      const wanted = trap.occurrence === undefined ? positions : positions.slice(trap.occurrence - 1, trap.occurrence);
      for (const at of wanted) {
        const hit = links.find((l) => l.entity.id === trap.wrongId && l.occurrences.some((o) => o.start <= at && at < o.end));
        if (hit) trapsHit.push(`${trap.mention} → ${trap.wrongId} (${trap.why})`);
      }
    }
  }
  return {
    linked: linkedIds.size,
    expectedLinks: expectedIds.size,
    correctLinks: [...linkedIds].filter((id) => expectedIds.has(id)).length,
    proposedNew: news.length,
    expectedNew: labels.expectedNew.length,
    correctNew: labels.expectedNew.length - missedNew.length,
    wrongPerson: trapsHit.filter((t) => t.includes('→ person:')).length,
    trapCount: trapsHit.length,
    ambiguous: extraction.proposals.filter((p) => p.kind === 'AMBIGUOUS').length,
    missedLinks: labels.expectedLinks.filter((l) => !linkedIds.has(l.id)).map((l) => `${l.id} ("${l.mention}")`),
    extraLinks: links
      .filter((l) => !expectedIds.has(l.entity.id))
      .map((l) => `${l.entity.id} ("${l.evidence.selectors[0].exact.slice(0, 60)}")`),
    missedNew,
    extraNew: unmatched.map(describeNew),
    trapsHit,
  };
}

/** From where the snippet starts to the end of its paragraph: traps count occurrences from there. */
function sentencesContaining(text: string, snippet: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + 1)) {
    const newline = text.indexOf('\n', at);
    found.push({ start: at, end: newline < 0 ? text.length : newline });
  }
  return found;
}

function occurrences(text: string, mention: string, within: { start: number; end: number }): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(mention, within.start); at >= 0 && at < within.end; at = text.indexOf(mention, at + 1)) {
    positions.push(at);
  }
  return positions;
}
