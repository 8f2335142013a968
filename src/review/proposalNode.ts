import type { Tx } from '../neo4j/createGraph';
import { boolean, decodeRows, json, nullable, object, oneOf, string, anything, type Decoder } from '../neo4j/decode';
import type { Proposal, ProposalStatus } from '../ingestion/proposal';
import type { ProposalView, StaticView } from './proposalView';

export const PROPOSAL_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED', 'MERGED'] as const satisfies readonly ProposalStatus[];

/** The properties of a stored proposal that change with decisions, and its fixed view and extraction as JSON. */
export interface ProposalRow {
  readonly id: string;
  readonly status: ProposalStatus;
  readonly current: boolean;
  readonly view: StaticView;
  readonly proposal: Proposal;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly resultId: string | null;
  readonly rejectReason: string | null;
  readonly edits: string | null;
}

/** Every stored proposal is read with this projection (the node is `p`). */
export const PROPOSAL_PROJECTION =
  'p { .id, .status, .current, .view, .proposal, .decidedAt, .decidedBy, .resultId, .rejectReason, .edits } AS p';

// The JSON was written by this module from typed values; it is checked for shape where it is read.
const staticView = json(anything) as Decoder<StaticView>;
const coreProposal = json(anything) as Decoder<Proposal>;

export const decodeProposalRow: Decoder<ProposalRow> = object<ProposalRow>({
  id: string,
  status: oneOf(PROPOSAL_STATUSES),
  current: boolean,
  view: staticView,
  proposal: coreProposal,
  decidedAt: nullable(string),
  decidedBy: nullable(string),
  resultId: nullable(string),
  rejectReason: nullable(string),
  edits: nullable(string),
});

/** Given a stored row, returns the proposal as the API shows it. */
export function toView(row: ProposalRow): ProposalView {
  return {
    ...row.view,
    status: row.status,
    current: row.current,
    decision:
      row.decidedAt === null
        ? null
        : {
            decidedAt: row.decidedAt,
            decidedBy: row.decidedBy ?? '',
            resultId: row.resultId,
            reason: row.rejectReason,
            edits: row.edits,
          },
  };
}

/** Given a transaction and a text version's id, returns its proposals in text order (rows). */
export async function proposalRowsOfText(tx: Pick<Tx, 'run'>, textId: string): Promise<ProposalRow[]> {
  const rows = await tx.run(
    `MATCH (:StoryText {id: $textId})<-[:PROPOSED_IN]-(p:Proposal) WITH p ORDER BY p.order RETURN ${PROPOSAL_PROJECTION}`,
    { textId },
  );
  return decodeRows(
    'proposals of a text',
    rows.map((r) => r.p),
    decodeProposalRow,
  );
}
