import { BadInputError, NotFoundError } from '../../errors/domainErrors';
import { isExemplarLabel } from '../../domain/exemplar';
import { DOMAIN_LABELS, type Label } from '../../domain/labels';
import type { Graph } from '../../neo4j/createGraph';
import { array, decodeRows, nullable, number, object, oneOf, skipMalformed, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { assertNever } from '../../errors/assertNever';
import { compareIds, DEFAULT_BOUNDS, OVERFETCH, rarity, roundScore, type ExpansionBounds, type SharedNode } from './relatedScore';

/** How two exemplars are linked through a node they share. */
export type ExemplarRelation =
  'SAME_EVENT' | 'SAME_AWARD' | 'SAME_FIELD' | 'SAME_AGENCY' | 'SAME_FORCE' | 'SAME_PLACE' | 'SAME_STORY' | 'SAME_MOVEMENT';

/** The relationship that links an exemplar to the shared node, per relation (FEATURES points at the exemplar). */
export const RELATIONSHIP_OF: Readonly<Record<ExemplarRelation, string>> = {
  SAME_EVENT: 'TOOK_PART_IN',
  SAME_AWARD: 'RECEIVED',
  SAME_FIELD: 'ACTIVE_IN',
  SAME_AGENCY: 'MEMBER_OF',
  // Not a stored type: membership of a unit PART_OF the force, at one level (the query spells it WITHIN:<level>).
  SAME_FORCE: 'WITHIN',
  SAME_PLACE: 'LOCATED_IN',
  SAME_STORY: 'FEATURES',
  SAME_MOVEMENT: 'EXEMPLAR_OF',
};
const RELATION_BY_RELATIONSHIP: Readonly<Record<string, ExemplarRelation>> = Object.fromEntries(
  Object.entries(RELATIONSHIP_OF).map(([relation, type]) => [type, relation as ExemplarRelation]),
);

/**
 * What sharing one node is worth before rarity: doing the same thing (one rescue, one conferral) or
 * doing it in the same unit (issue 11's judgments grade the same unit doing the same work as highly
 * as the same event) says more than a story, which says more than a movement, a field, a home place
 * or serving at the same level of one force (two district police officers of one provincial police).
 */
export const RELATION_WEIGHTS: Readonly<Record<ExemplarRelation, number>> = {
  SAME_EVENT: 3,
  SAME_AWARD: 3,
  SAME_AGENCY: 3,
  SAME_STORY: 1.5,
  SAME_FORCE: 1,
  SAME_MOVEMENT: 1,
  SAME_FIELD: 1,
  SAME_PLACE: 1,
};

/** Each PART_OF step between an exemplar's own field and the shared broader field halves its worth. */
export const BROADER_FIELD_FACTOR = 0.5;

/** One shared node as the query found it, before scoring. */
export interface ExemplarEvidence {
  readonly relation: ExemplarRelation;
  readonly node: SharedNode;
  /** 0 when both link to the node directly; 1 or 2 PART_OF steps to a shared broader field. */
  readonly broaderSteps: number;
  /** Degree of the most connected node on the path (the shared node or a field below it). */
  readonly degree: number;
  /** The source's own field below a shared broader field, when there is one. */
  readonly sourceField: string | null;
  /** The candidate's own field below a shared broader field, when there is one. */
  readonly candidateField: string | null;
}

export interface ExemplarReason extends ExemplarEvidence {
  readonly contribution: number;
  readonly why: string;
}

export interface RelatedExemplar {
  readonly id: string;
  readonly kind: Label;
  readonly name: string;
  readonly score: number;
  readonly reasons: ExemplarReason[];
}

/** A candidate exemplar and everything it shares with the source. */
export interface ExemplarCandidate {
  readonly id: string;
  readonly kind: Label;
  readonly name: string;
  readonly evidence: readonly ExemplarEvidence[];
}

/** Given a relation, the degree on its path and its PART_OF steps, returns weight × 0.5^steps × rarity(degree). */
export function reasonContribution(relation: ExemplarRelation, degree: number, broaderSteps: number): number {
  return RELATION_WEIGHTS[relation] * BROADER_FIELD_FACTOR ** broaderSteps * rarity(degree);
}

/** Given one piece of evidence, returns the sentence that explains it. */
export function explainExemplarReason(evidence: ExemplarEvidence): string {
  const name = evidence.node.name;
  switch (evidence.relation) {
    case 'SAME_EVENT':
      return `both took part in ${name}`;
    case 'SAME_AWARD':
      return `both received ${name}`;
    case 'SAME_FIELD': {
      if (evidence.broaderSteps === 0) return `both are active in ${name}`;
      const narrower = [evidence.sourceField, evidence.candidateField].filter((f): f is string => f !== null);
      return `both are active in ${name} or a narrower field (${narrower.join(' and ')} ${narrower.length > 1 ? 'are' : 'is'} part of it)`;
    }
    case 'SAME_AGENCY':
      return `both are members of ${name}`;
    case 'SAME_FORCE':
      return `both serve in ${name}, in units of the same level`;
    case 'SAME_PLACE':
      return `both are from ${name}`;
    case 'SAME_STORY':
      return `both are featured in "${name}"`;
    case 'SAME_MOVEMENT':
      return `both are exemplars of ${name}`;
    default:
      return assertNever(evidence.relation);
  }
}

/**
 * Given candidates with their evidence and a limit, returns the top exemplars: each reason scored
 * by reasonContribution, a candidate's score the sum of its reasons, ordered by score (desc) then
 * id, reasons strongest first (then by node id).
 */
export function rankRelatedExemplars(candidates: readonly ExemplarCandidate[], limit: number): RelatedExemplar[] {
  return candidates
    .map((candidate) => {
      const reasons = candidate.evidence
        .map((e) => ({
          ...e,
          contribution: reasonContribution(e.relation, e.degree, e.broaderSteps),
          why: explainExemplarReason(e),
        }))
        .sort((a, b) => b.contribution - a.contribution || compareIds(a.node.id, b.node.id));
      const score = roundScore(reasons.reduce((sum, r) => sum + r.contribution, 0));
      return {
        id: candidate.id,
        kind: candidate.kind,
        name: candidate.name,
        score,
        reasons: reasons.map((r) => ({ ...r, contribution: roundScore(r.contribution) })),
      };
    })
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
    .slice(0, limit);
}

/**
 * Per source (a Person or Collective; other ids get no expansion), one correlated subquery:
 * 1. anchors: the source's events, awards, fields, agencies, places, movements and stories, plus the
 *    broader fields of its fields; each anchor's degree read from the degree store; rarest first.
 * 2. each anchor at or below the hub degree is expanded to the exemplars linked to it the same way
 *    (for a field also through its narrower fields); hubs are not expanded.
 * 3. per (candidate, shared node) the best path; candidates ranked by the same formula as
 *    reasonContribution, cut to $fetch.
 * 4. only for those candidates, the hub anchors they also link to are added as reasons (Expand(Into),
 *    from the candidate's side), so a hub still counts for candidates found through rarer nodes.
 */
export const RELATED_EXEMPLARS_CYPHER = loadCypher(__dirname, 'relatedExemplars.cypher');

interface EvidenceRow {
  rel: string;
  steps: number;
  degree: number;
  sourceField: string | null;
  candidateField: string | null;
  id: string;
  name: string;
  label: Label;
}

interface CandidateRow {
  id: string;
  name: string;
  label: Label;
  reasons: EvidenceRow[];
}

/** One row per source id: its label (null when no node has the id) and its candidates. */
interface SourceRow {
  id: string;
  label: Label | null;
  candidates: CandidateRow[];
}

const labelDecoder = oneOf(DOMAIN_LABELS);
const decodeSource = object<SourceRow>({
  id: string,
  label: nullable(labelDecoder),
  // A malformed stored candidate is skipped and logged, never the whole answer (neo4j/decode.ts).
  candidates: skipMalformed(
    object<CandidateRow>({
      id: string,
      name: string,
      label: labelDecoder,
      reasons: array(
        object<EvidenceRow>({
          rel: string,
          steps: number,
          degree: number,
          sourceField: nullable(string),
          candidateField: nullable(string),
          id: string,
          name: string,
          label: labelDecoder,
        }),
      ),
    }),
    'related exemplar',
  ),
});

function relationOf(relationship: string): ExemplarRelation {
  const relation = RELATION_BY_RELATIONSHIP[relationship.startsWith('WITHIN:') ? 'WITHIN' : relationship];
  if (!relation) throw new Error(`relatedExemplars: unexpected relationship ${relationship}`);
  return relation;
}

function toCandidate(row: CandidateRow): ExemplarCandidate {
  return {
    id: row.id,
    kind: row.label,
    name: row.name,
    evidence: row.reasons.map((r) => ({
      relation: relationOf(r.rel),
      node: { id: r.id, kind: r.label, name: r.name },
      broaderSteps: r.steps,
      degree: r.degree,
      sourceField: r.sourceField ?? null,
      candidateField: r.candidateField ?? null,
    })),
  };
}

/**
 * Given source ids and one limit, returns for each id (same order, same length) its related
 * exemplars, or an Error in its slot: NOT_FOUND for an unknown id, BAD_USER_INPUT for an id that is
 * not a person or collective. One database round trip for the whole batch.
 *
 * Scoring rule: for every node the two share, add weight(relation) × 0.5^broaderSteps / ln(2 + d),
 * where d is the node's relationship count (Adamic–Adar): a rescue shared by 17 nodes adds
 * 3 / ln 19 ≈ 1.02, a field shared by 100,000 adds 1 / ln 100,002 ≈ 0.09. Fields count through
 * the taxonomy too: when one's field is PART_OF the shared field, or both fields are PART_OF the same
 * parent, the parent counts at half or a quarter (never when they already share the narrower one).
 * An exemplar is a Person or Collective with an EXEMPLAR_OF, RECEIVED or ACTIVE_IN relationship.
 *
 * Hubs: a node with more than bounds.hubDegree relationships is never expanded, and at most
 * bounds.maxAnchors of the source's neighbours (the rarest) are. Recall cost: an exemplar linked to
 * the source only through hubs is not found; one found through a rarer node still gets the hubs it
 * shares as reasons. A source with more than bounds.scanCap relationships is read only that far.
 */
export async function relatedExemplarsBatch(
  graph: Graph,
  ids: readonly string[],
  limit: number,
  bounds: ExpansionBounds = DEFAULT_BOUNDS,
): Promise<(RelatedExemplar[] | Error)[]> {
  const unique = [...new Set(ids)];
  const weights = Object.fromEntries(
    Object.entries(RELATIONSHIP_OF).map(([relation, type]) => [type, RELATION_WEIGHTS[relation as ExemplarRelation]]),
  );
  const rows = await graph.read(RELATED_EXEMPLARS_CYPHER, {
    ids: unique,
    weights,
    broaderFactor: BROADER_FIELD_FACTOR,
    fetch: limit * OVERFETCH,
    ...bounds,
  });
  const byId = new Map(decodeRows('relatedExemplars', rows, decodeSource).map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    const label = row?.label ?? null;
    if (!row || label === null) return new NotFoundError('person or collective', id);
    if (!isExemplarLabel(label)) {
      return new BadInputError(
        'id',
        id,
        `names a ${label.toLowerCase()}; related exemplars are found for a person or a collective`,
      );
    }
    return rankRelatedExemplars(row.candidates.map(toCandidate), limit);
  });
}
