import { BadInputError } from '../errors/domainErrors';
import type { Graph } from '../neo4j/createGraph';
import { decodeRows, number, object } from '../neo4j/decode';
import type { ProposalStatus } from '../ingestion/proposal';
import { decodeProposalRow, PROPOSAL_PROJECTION, PROPOSAL_STATUSES, toView } from './proposalNode';
import type { ProposalView } from './proposalView';

export interface ProposalPage {
  readonly nodes: readonly ProposalView[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** The cursor of the last node, to pass as `after` for the next page. */
  readonly endCursor: string | null;
}

export interface ProposalFilter {
  readonly status?: string | null;
  readonly storyId?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

const MAX_FIRST = 200;

const LIST = `
MATCH (p:Proposal)
WHERE p.current AND p.order > $after
  AND ($status IS NULL OR p.status = $status) AND ($storyId IS NULL OR p.storyId = $storyId)
WITH p ORDER BY p.order LIMIT $limit
RETURN ${PROPOSAL_PROJECTION}, p.order AS cursor`;

const COUNT = `
MATCH (p:Proposal)
WHERE p.current AND ($status IS NULL OR p.status = $status) AND ($storyId IS NULL OR p.storyId = $storyId)
RETURN count(p) AS total`;

const encode = (order: string) => Buffer.from(order, 'utf8').toString('base64url');

function decodeCursor(after: string): string {
  const order = Buffer.from(after, 'base64url').toString('utf8');
  if (encode(order) !== after || !order.includes('|')) {
    throw new BadInputError('after', after, 'is not a cursor this query returned');
  }
  return order;
}

/**
 * Given a filter (status, story, page size 1–200, the cursor after which to start), returns one
 * page of the review queue: the proposals of each story's current text, oldest ingestion first
 * and in text order within a story, with the total matching and the next cursor.
 */
export async function listProposals(graph: Graph, filter: ProposalFilter): Promise<ProposalPage> {
  const first = filter.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new BadInputError('first', first, `must be an integer from 1 to ${MAX_FIRST}`);
  }
  const status = filter.status ?? null;
  if (status !== null && !(PROPOSAL_STATUSES as readonly string[]).includes(status)) {
    throw new BadInputError('status', status, `must be one of ${PROPOSAL_STATUSES.join(', ')}`);
  }
  const storyId = filter.storyId?.trim() || null;
  const after = filter.after ? decodeCursor(filter.after) : '';
  const params = { status: status as ProposalStatus | null, storyId, after, limit: first + 1 };
  const rows = await graph.read(LIST, params);
  const decoded = decodeRows(
    'proposals',
    rows.map((r) => r.p),
    decodeProposalRow,
  );
  const cursors = rows.map((r) => String(r.cursor));
  const [count] = decodeRows('proposal count', await graph.read(COUNT, params), object({ total: number }));
  const page = decoded.slice(0, first);
  const last = cursors[page.length - 1];
  return {
    nodes: page.map(toView),
    totalCount: count?.total ?? 0,
    hasNextPage: decoded.length > first,
    endCursor: last === undefined ? null : encode(last),
  };
}
