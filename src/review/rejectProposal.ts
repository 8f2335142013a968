import { BadInputError } from '../errors/domainErrors';
import type { Graph } from '../neo4j/createGraph';
import type { DecisionOutcome } from './acceptProposal';
import { lockProposal, proposalIdArgument, readProposal, storyOfProposal } from './loadProposal';
import { toView } from './proposalNode';
import { decisionTransaction, type WriteMetadata } from './writeMetadata';

const MAX_REASON = 1_000;

/**
 * Given a proposal id and why, rejects it: nothing is written to the graph, the proposal keeps
 * the reason, who and when. Rejecting again changes nothing; an accepted proposal cannot be
 * rejected (its fact is written: revert that instead).
 */
export async function rejectProposal(
  graph: Graph,
  idArgument: string,
  reasonArgument: string,
  metadata: Omit<WriteMetadata, 'operation' | 'source'>,
): Promise<DecisionOutcome> {
  const id = proposalIdArgument(idArgument);
  const reason = reasonArgument.trim().normalize('NFC');
  if (reason === '' || reason.length > MAX_REASON) {
    throw new BadInputError('reason', reasonArgument, `must be 1 to ${MAX_REASON} characters`);
  }
  const storyId = await storyOfProposal(graph, id);
  return decisionTransaction(graph, { ...metadata, operation: 'rejectProposal', source: storyId }, async (tx) => {
    const { row } = await lockProposal(tx, id);
    if (row.status === 'REJECTED') return { proposal: toView(row), written: [], alreadyDecided: true };
    if (row.status !== 'PENDING') {
      throw new BadInputError('id', id, `is ${row.status.toLowerCase()}: its fact is written (revert it instead)`);
    }
    await tx.run(
      `MATCH (p:Proposal {id: $id})
       SET p.status = 'REJECTED', p.rejectReason = $reason, p.decidedAt = $at, p.decidedBy = $actor, p.resultId = null`,
      { id, reason, at: new Date().toISOString(), actor: metadata.actor },
    );
    return { proposal: toView(await readProposal(tx, id)), written: [], alreadyDecided: false };
  });
}
