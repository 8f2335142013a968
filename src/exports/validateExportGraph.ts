import { partialInterval } from '../analytics/shared/period';
import { BadInputError } from '../errors/domainErrors';
import { EDGE_RESERVED, edgeId, NODE_RESERVED, type ExportGraph, type ExportValue } from './exportGraph';

function checkAttributes(
  what: string,
  attributes: Readonly<Record<string, ExportValue>> | undefined,
  reserved: readonly string[],
): void {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  for (const name of Object.keys(attributes ?? {})) {
    if (taken.has(name.toLowerCase())) {
      throw new BadInputError(`${what} attribute`, name, 'an extra attribute may not take the name of a column of its own');
    }
  }
}

function checkDates(what: string, element: { readonly start?: string | null; readonly end?: string | null }): void {
  for (const bound of ['start', 'end'] as const) {
    const value = element[bound];
    if (value !== undefined && value !== null && !partialInterval(value)) {
      throw new BadInputError(`${what}.${bound}`, value, 'expected an ISO date YYYY, YYYY-MM or YYYY-MM-DD');
    }
  }
  const start = partialInterval(element.start);
  const end = partialInterval(element.end);
  if (start && end && end.end < start.start) {
    throw new BadInputError(`${what}.end`, element.end, `ends before it starts (${String(element.start)})`);
  }
}

/**
 * Given a graph to export, throws a BAD_USER_INPUT error naming the first thing wrong with it: an
 * empty or repeated node id, an edge whose end is no node of the graph, two edges with one id, a
 * date that is not an ISO partial date or that ends before it starts, an extra attribute named like
 * a column (`kind`, `Label`, `x`…) that would be lost. Every writer calls it before
 * writing anything, so no half-written file comes out.
 */
export function validateExportGraph(graph: ExportGraph): void {
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (!node.id) throw new BadInputError('node.id', node.id, 'a node needs an id');
    if (ids.has(node.id)) throw new BadInputError('node.id', node.id, 'two nodes have this id');
    ids.add(node.id);
    checkDates(`node ${node.id}`, node);
    checkAttributes(`node ${node.id}`, node.attributes, NODE_RESERVED);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    const id = edgeId(edge);
    for (const end of ['source', 'target'] as const) {
      if (!ids.has(edge[end])) throw new BadInputError(`edge.${end}`, edge[end], `edge ${id} points to no node of the graph`);
    }
    if (edgeIds.has(id)) throw new BadInputError('edge.id', id, 'two edges have this id');
    edgeIds.add(id);
    checkDates(`edge ${id}`, edge);
    checkAttributes(`edge ${id}`, edge.attributes, EDGE_RESERVED);
  }
}
