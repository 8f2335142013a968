import { BadInputError, NotFoundError } from '../errors/domainErrors';
import type { Graph, Tx } from '../neo4j/createGraph';
import { decodeRows, object, string } from '../neo4j/decode';
import { decodeProposalRow, PROPOSAL_PROJECTION, type ProposalRow } from './proposalNode';

/** A stored proposal with where it comes from. */
export interface LoadedProposal {
  readonly row: ProposalRow;
  readonly storyId: string;
  readonly textId: string;
}

/** Given a proposal id argument, returns it trimmed or throws BAD_USER_INPUT. */
export function proposalIdArgument(id: string): string {
  const trimmed = id.trim();
  if (!/^proposal:[0-9a-f]{20}$/.test(trimmed)) {
    throw new BadInputError('id', id, 'is not a proposal id (proposal: and 20 hex digits)');
  }
  return trimmed;
}

/** Given a proposal id, returns the story it belongs to (read before a decision's transaction, for its metadata). */
export async function storyOfProposal(graph: Graph, id: string): Promise<string> {
  const rows = await graph.read('MATCH (p:Proposal {id: $id}) RETURN p.storyId AS storyId', { id });
  const [row] = decodeRows('story of proposal', rows, object({ storyId: string }));
  if (!row) throw new NotFoundError('Proposal', id);
  return row.storyId;
}

/**
 * Given a transaction and a proposal id, returns the proposal with a write lock on it (so two
 * decisions on it run one after the other, the second seeing the first), or throws NOT_FOUND.
 */
export async function lockProposal(tx: Tx, id: string): Promise<LoadedProposal> {
  const rows = await tx.run(
    `MATCH (p:Proposal {id: $id})
     SET p.status = p.status
     RETURN ${PROPOSAL_PROJECTION}, p.storyId AS storyId, p.textId AS textId`,
    { id },
  );
  const [row] = rows;
  if (!row) throw new NotFoundError('Proposal', id);
  const [meta] = decodeRows('proposal', [row], object({ storyId: string, textId: string }));
  const [decoded] = decodeRows('proposal', [row.p], decodeProposalRow);
  if (!meta || !decoded) throw new NotFoundError('Proposal', id);
  return { row: decoded, storyId: meta.storyId, textId: meta.textId };
}

/** Given a transaction and a proposal id, returns it as stored now. */
export async function readProposal(tx: Pick<Tx, 'run'>, id: string): Promise<ProposalRow> {
  const rows = await tx.run(`MATCH (p:Proposal {id: $id}) RETURN ${PROPOSAL_PROJECTION}`, { id });
  const [row] = decodeRows(
    'proposal',
    rows.map((r) => r.p),
    decodeProposalRow,
  );
  if (!row) throw new NotFoundError('Proposal', id);
  return row;
}
