import { csvText, type CsvOptions } from './csvText';
import { EDGE_COLUMNS, edgeId, extraColumns, NODE_COLUMNS, type ExportGraph } from './exportGraph';
import { validateExportGraph } from './validateExportGraph';

/**
 * The node list and the edge list as CSV. The first columns are named as Gephi's spreadsheet
 * import expects (nodes: Id, Label; edges: Id, Source, Target, Type = "Directed", Label = the
 * relationship type), so the two files open there as they are; then the same columns as the
 * other formats, then the extra attributes by name.
 */

/** Given a graph, returns its nodes as CSV; throws BAD_USER_INPUT on an inconsistent graph. */
export function writeNodesCsv(graph: ExportGraph, options: CsvOptions = {}): string {
  validateExportGraph(graph);
  const extras = extraColumns(graph.nodes);
  const header = ['Id', 'Label', ...NODE_COLUMNS.map((c) => c.name), 'x', 'y', ...extras];
  const rows = graph.nodes.map((n) => [
    n.id,
    n.name,
    ...NODE_COLUMNS.map((c) => c.read(n)),
    n.x,
    n.y,
    ...extras.map((name) => n.attributes?.[name]),
  ]);
  return csvText([header, ...rows], options);
}

/** Given a graph, returns its edges as CSV; throws BAD_USER_INPUT on an inconsistent graph. */
export function writeEdgesCsv(graph: ExportGraph, options: CsvOptions = {}): string {
  validateExportGraph(graph);
  const extras = extraColumns(graph.edges);
  const header = ['Id', 'Source', 'Target', 'Type', 'Label', ...EDGE_COLUMNS.map((c) => c.name), ...extras];
  const rows = graph.edges.map((e) => [
    edgeId(e),
    e.source,
    e.target,
    'Directed',
    e.type,
    ...EDGE_COLUMNS.map((c) => c.read(e)),
    ...extras.map((name) => e.attributes?.[name]),
  ]);
  return csvText([header, ...rows], options);
}
