import { type Label } from '../domain/labels';
import { RELATIONSHIPS, type RelationshipType } from '../domain/relationships';
import { BadInputError, NotFoundError } from '../errors/domainErrors';
import { proposalId } from '../ingestion/makeEvidence';
import type { EntityRef, NewEntityProposal, Proposal, RelationshipProposal } from '../ingestion/proposal';
import type { Graph, Tx } from '../neo4j/createGraph';
import { decodeRows, nullable, object, string } from '../neo4j/decode';
import { readEdits, type ProposalEdits, type ProposalEditsInput } from './acceptEdits';
import { entityId, freeId } from './entitySlug';
import { addNodeSource, createEntity, resolveEntity, writeRelationship, type WrittenFact } from './factWrites';
import { lockProposal, proposalIdArgument, readProposal, storyOfProposal } from './loadProposal';
import { newEntityRecord } from './newEntityRecord';
import { toView } from './proposalNode';
import { storedProposalId, type ProposalView } from './proposalView';
import { decisionTransaction, type WriteMetadata } from './writeMetadata';

/** What a decision did. */
export interface DecisionOutcome {
  readonly proposal: ProposalView;
  /** The nodes and relationships written (empty when nothing was, or when the decision had been taken already). */
  readonly written: readonly WrittenFact[];
  /** True when the proposal already had this decision: nothing was written again. */
  readonly alreadyDecided: boolean;
}

interface Scope {
  readonly tx: Tx;
  readonly storyId: string;
  readonly textId: string;
}

interface Result {
  readonly status: 'ACCEPTED' | 'MERGED';
  readonly resultId: string | null;
  readonly written: WrittenFact[];
  /** Other proposals of the text that state the same fact (a link and the story FEATURES it). */
  readonly siblings: string[];
}

const labelOfProposal = (p: Proposal): Label | undefined =>
  p.kind === 'LINK' ? p.entity.label : p.kind === 'NEW_ENTITY' ? p.label : undefined;

/**
 * Given a proposal id and the editor's edits, accepts it in one transaction and returns what was
 * written: a LINK (or an AMBIGUOUS one with the candidate chosen in edits.targetId) writes that
 * the story FEATURES the entity; a NEW_ENTITY creates the node (a readable slug id, the story as
 * its source, SINGLE_SOURCE) and that the story FEATURES it, or, with edits.targetId, is MERGED
 * into that existing entity; a RELATIONSHIP writes it between its ends, which must exist (linked
 * entities, or new entities already accepted) and which the domain's rules must allow; a DATE adds
 * the story to the sources of the event it dates. Every fact carries the story as a source and
 * becomes CONFIRMED when a story of another publisher already supports it. Accepting again
 * changes nothing; an award flagged by the conferral check needs edits.overrideConferral.
 */
export async function acceptProposal(
  graph: Graph,
  idArgument: string,
  editsInput: ProposalEditsInput | null | undefined,
  metadata: Omit<WriteMetadata, 'operation' | 'source'>,
): Promise<DecisionOutcome> {
  const id = proposalIdArgument(idArgument);
  const storyId = await storyOfProposal(graph, id);
  return decisionTransaction(graph, { ...metadata, operation: 'acceptProposal', source: storyId }, async (tx) => {
    const loaded = await lockProposal(tx, id);
    const { row } = loaded;
    if (row.status === 'ACCEPTED' || row.status === 'MERGED') return { proposal: toView(row), written: [], alreadyDecided: true };
    const edits = readEdits(editsInput, row.proposal.kind, labelOfProposal(row.proposal));
    const exists = await tx.run('MATCH (s:Story {id: $id}) RETURN s.id AS id', { id: loaded.storyId });
    if (exists.length === 0) throw new NotFoundError('Story', loaded.storyId);
    const scope: Scope = { tx, storyId: loaded.storyId, textId: loaded.textId };
    const result = await accept(scope, row.proposal, edits);
    const decided = {
      status: result.status,
      resultId: result.resultId,
      decidedAt: new Date().toISOString(),
      decidedBy: metadata.actor,
      edits: editsInput ? JSON.stringify(editsInput) : null,
      written: JSON.stringify(result.written),
    };
    await tx.run(
      `MATCH (p:Proposal {id: $id})
       SET p.status = $d.status, p.resultId = $d.resultId, p.decidedAt = $d.decidedAt, p.decidedBy = $d.decidedBy,
           p.edits = $d.edits, p.written = $d.written, p.rejectReason = null`,
      { id, d: decided },
    );
    if (result.siblings.length > 0) {
      await tx.run(
        `MATCH (p:Proposal) WHERE p.id IN $ids AND p.status = 'PENDING'
         SET p.status = 'ACCEPTED', p.resultId = $d.resultId, p.decidedAt = $d.decidedAt, p.decidedBy = $d.decidedBy, p.acceptedWith = $id`,
        { ids: result.siblings, d: decided, id },
      );
    }
    return { proposal: toView(await readProposal(tx, id)), written: result.written, alreadyDecided: false };
  });
}

function accept(scope: Scope, proposal: Proposal, edits: ProposalEdits): Promise<Result> {
  switch (proposal.kind) {
    case 'LINK':
      return link(scope, edits.targetId ?? proposal.entity.id, proposal.entity.id);
    case 'AMBIGUOUS': {
      const ids = proposal.candidates.map((c) => c.id);
      if (!edits.targetId) {
        throw new BadInputError('edits.targetId', null, `choose the entity meant: one of ${ids.join(', ')}`);
      }
      if (!ids.includes(edits.targetId)) {
        throw new BadInputError('edits.targetId', edits.targetId, `is not one of the candidates ${ids.join(', ')}`);
      }
      return link(scope, edits.targetId, edits.targetId);
    }
    case 'NEW_ENTITY':
      return newEntity(scope, proposal, edits);
    case 'RELATIONSHIP':
      return relationship(scope, proposal, edits);
    case 'DATE':
      return date(scope, proposal.subject);
  }
}

/** The id of the proposal that states "the story FEATURES this entity", and of the link to it. */
const featuresId = (scope: Scope, entity: string) => storedProposalId(scope.textId, proposalId('FEATURES', 'story', entity));
const linkId = (scope: Scope, entity: string) => storedProposalId(scope.textId, proposalId('LINK', entity));

async function existing(scope: Scope, id: string, argument: string): Promise<{ id: string; label: Label }> {
  const entity = await resolveEntity(scope.tx, id);
  if (!entity) throw new BadInputError(argument, id, 'names no entity of the graph');
  return entity;
}

async function link(scope: Scope, targetId: string, proposedId: string): Promise<Result> {
  const target = await existing(scope, targetId, 'edits.targetId');
  const fact = await writeRelationship(scope.tx, {
    type: 'FEATURES',
    fromId: scope.storyId,
    toId: target.id,
    properties: {},
    storyId: scope.storyId,
  });
  return { status: 'ACCEPTED', resultId: target.id, written: [fact], siblings: [featuresId(scope, proposedId)] };
}

async function newEntity(scope: Scope, proposal: NewEntityProposal, edits: ProposalEdits): Promise<Result> {
  if (edits.targetId) {
    const target = await existing(scope, edits.targetId, 'edits.targetId');
    const label = edits.label ?? proposal.label;
    if (target.label !== label) throw new BadInputError('edits.targetId', edits.targetId, `is a ${target.label}, not a ${label}`);
    const fact = await writeRelationship(scope.tx, {
      type: 'FEATURES',
      fromId: scope.storyId,
      toId: target.id,
      properties: {},
      storyId: scope.storyId,
    });
    return { status: 'MERGED', resultId: target.id, written: [fact], siblings: [] };
  }
  const refused = proposal.flags.find((f) => f.code === 'ISSUER_MAY_NOT_CONFER');
  if (refused && !edits.overrideConferral) {
    throw new BadInputError(
      'edits.overrideConferral',
      false,
      `${refused.vi} (${refused.en}); accept with overrideConferral: true to record it as written`,
    );
  }
  const label = edits.label ?? proposal.label;
  const base = entityId(label, edits.name ?? proposal.name);
  const rows = await scope.tx.run(
    // One range seek on the id index (an OR with equality would not use it); longer slugs sharing the start are only extra names taken.
    'MATCH (n:Entity) WHERE n.id STARTS WITH $base RETURN n.id AS id',
    {
      base,
    },
  );
  const id = freeId(base, new Set(decodeRows('ids', rows, object({ id: string })).map((r) => r.id)));
  const record = newEntityRecord(proposal, edits, id, scope.storyId);
  const node = await createEntity(scope.tx, record.label, record.properties);
  const features = await writeRelationship(scope.tx, {
    type: 'FEATURES',
    fromId: scope.storyId,
    toId: id,
    properties: {},
    storyId: scope.storyId,
  });
  return { status: 'ACCEPTED', resultId: id, written: [node, features], siblings: [] };
}

/** Given one end of a proposed relationship, returns the entity it is now, or says why it cannot be written yet. */
async function end(
  scope: Scope,
  ref: EntityRef,
  override: string | undefined,
  argument: string,
): Promise<{ id: string; label: Label }> {
  if (override) return existing(scope, override, argument);
  switch (ref.kind) {
    case 'STORY':
      return { id: scope.storyId, label: 'Story' };
    case 'ENTITY': {
      const rows = await scope.tx.run('MATCH (p:Proposal {id: $id}) RETURN p.status AS status', { id: linkId(scope, ref.id) });
      const [link] = decodeRows('link status', rows, object({ status: nullable(string) }));
      if (link?.status === 'REJECTED') {
        throw new BadInputError(argument, ref.id, 'its link was rejected: the text does not name this entity');
      }
      return existing(scope, ref.id, argument);
    }
    case 'PROPOSAL': {
      const stored = storedProposalId(scope.textId, ref.proposalId);
      const rows = await scope.tx.run('MATCH (p:Proposal {id: $id}) RETURN p.status AS status, p.resultId AS resultId', {
        id: stored,
      });
      const [other] = decodeRows('end proposal', rows, object({ status: string, resultId: nullable(string) }));
      if (!other?.resultId || (other.status !== 'ACCEPTED' && other.status !== 'MERGED')) {
        throw new BadInputError(argument, stored, 'accept the proposal of this new entity first');
      }
      return existing(scope, other.resultId, argument);
    }
  }
}

/** Which edit sets which property of each relationship (MEMBER_OF's period is since/until). */
function relationshipProperties(
  type: RelationshipType,
  proposed: Readonly<Record<string, string>>,
  edits: ProposalEdits,
): Record<string, string> {
  const allowed = new Set<string>(RELATIONSHIPS[type].properties);
  const props: Record<string, string> = Object.fromEntries(Object.entries(proposed).filter(([k]) => allowed.has(k)));
  const from = type === 'MEMBER_OF' ? 'since' : 'validFrom';
  const to = type === 'MEMBER_OF' ? 'until' : 'validTo';
  const set = (key: string, value: string | undefined, edit: string) => {
    if (value === undefined) return;
    if (!allowed.has(key)) throw new BadInputError(`edits.${edit}`, value, `${type} has no ${key}`);
    props[key] = value;
  };
  set('role', edits.role, 'role');
  set(from, edits.validFrom, 'validFrom');
  set(to, edits.validTo, 'validTo');
  if (edits.note) props.note = edits.note;
  return props;
}

async function relationship(scope: Scope, proposal: RelationshipProposal, edits: ProposalEdits): Promise<Result> {
  const type: RelationshipType = proposal.type;
  const from = await end(scope, proposal.from, edits.fromId, 'edits.fromId');
  const to = await end(scope, proposal.to, edits.targetId, 'edits.targetId');
  const rule = RELATIONSHIPS[type];
  const allowedFrom: readonly Label[] = rule.from;
  const allowedTo: readonly Label[] = rule.to;
  if (!allowedFrom.includes(from.label) || !allowedTo.includes(to.label) || (rule.sameLabel && from.label !== to.label)) {
    throw new BadInputError(
      edits.targetId ? 'edits.targetId' : edits.fromId ? 'edits.fromId' : 'id',
      `${from.id} → ${to.id}`,
      `${type} joins ${allowedFrom.join('/')} to ${allowedTo.join('/')}${rule.sameLabel ? ' of the same kind' : ''}, not ${from.label} to ${to.label}`,
    );
  }
  const fact = await writeRelationship(scope.tx, {
    type,
    fromId: from.id,
    toId: to.id,
    properties: relationshipProperties(type, proposal.properties, edits),
    storyId: scope.storyId,
  });
  // An award whose recipient is now written has named recipients.
  if (type === 'RECEIVED') {
    await scope.tx.run('MATCH (a:Award {id: $id}) WHERE a.recipientsResolved = false SET a.recipientsResolved = true', {
      id: to.id,
    });
  }
  const siblings = type === 'FEATURES' && proposal.to.kind === 'ENTITY' ? [linkId(scope, proposal.to.id)] : [];
  return { status: 'ACCEPTED', resultId: null, written: [fact], siblings };
}

async function date(scope: Scope, subject: EntityRef | undefined): Promise<Result> {
  if (subject?.kind !== 'ENTITY') return { status: 'ACCEPTED', resultId: null, written: [], siblings: [] };
  const target = await existing(scope, subject.id, 'id');
  return {
    status: 'ACCEPTED',
    resultId: target.id,
    written: [await addNodeSource(scope.tx, target.id, scope.storyId)],
    siblings: [],
  };
}
