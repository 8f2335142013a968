import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { exportDays } from './exportDays';
import { EDGE_COLUMNS, edgeId, extraColumns, NODE_COLUMNS, type ExportGraph, type ExportValue } from './exportGraph';
import { validateExportGraph } from './validateExportGraph';
import { xmlSafe } from './xmlSafe';

/**
 * GEXF 1.3 for Gephi, with the graph's dates as dynamics so its timeline plays them.
 *
 * graphology-gexf (0.13) writes GEXF 1.3 (namespace http://gexf.net/1.3, `version="1.3"`, the
 * attribute model, `viz:` positions, edge `kind`), but nothing of GEXF's dynamics. So this writes
 * with it, then one documented post-step on the DOM of its output (@xmldom/xmldom, the parser
 * graphology-gexf itself uses): `<graph>` gets `mode="dynamic"` and `timeformat="date"`, and each
 * dated `<node>` and `<edge>` gets `start` and/or `end` (xsd:date) as GEXF 1.3's dynamics module
 * defines them. An element without dates is present at all times. A graph without any date is
 * written `mode="static"`.
 */

export interface GexfOptions {
  /** Written as the file's `<description>`. */
  readonly description?: string;
  /** The day of the export (YYYY-MM-DD), written as `lastmodifieddate`; left out when absent, so the output depends on the input only. */
  readonly exportedOn?: string;
}

type Scalar = string | number | boolean;

interface FormattedElement {
  label: string;
  attributes: Record<string, Scalar>;
  kind?: string;
  viz?: { x?: number; y?: number };
}

function scalars(entries: [string, ExportValue][]): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [name, value] of entries) {
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
    out[xmlSafe(name)] = typeof value === 'string' ? xmlSafe(value) : value;
  }
  return out;
}

/** Given a graph, returns it as a GEXF 1.3 document (a string, UTF-8 declared); throws BAD_USER_INPUT on an inconsistent graph. */
export function writeGexf(graph: ExportGraph, options: GexfOptions = {}): string {
  validateExportGraph(graph);
  const nodeExtras = extraColumns(graph.nodes);
  const edgeExtras = extraColumns(graph.edges);
  const g = new MultiDirectedGraph<FormattedElement, FormattedElement>();
  g.mergeAttributes({
    creator: 'exemplar-graph',
    ...(options.description ? { description: xmlSafe(options.description) } : {}),
    ...(options.exportedOn ? { lastModifiedDate: options.exportedOn } : {}),
  });
  for (const node of graph.nodes) {
    const viz = typeof node.x === 'number' && typeof node.y === 'number' ? { viz: { x: node.x, y: node.y } } : {};
    g.addNode(xmlSafe(node.id), {
      label: xmlSafe(node.name),
      attributes: scalars([
        ...NODE_COLUMNS.map((c): [string, ExportValue] => [c.name, c.read(node)]),
        ...nodeExtras.map((name): [string, ExportValue] => [name, node.attributes?.[name]]),
      ]),
      ...viz,
    });
  }
  for (const edge of graph.edges) {
    g.addEdgeWithKey(xmlSafe(edgeId(edge)), xmlSafe(edge.source), xmlSafe(edge.target), {
      label: xmlSafe(edge.type),
      kind: xmlSafe(edge.type),
      attributes: scalars([
        ...EDGE_COLUMNS.map((c): [string, ExportValue] => [c.name, c.read(edge)]),
        ...edgeExtras.map((name): [string, ExportValue] => [name, edge.attributes?.[name]]),
      ]),
    });
  }
  // pedantic: the meta block keeps only what the 1.3 schema allows (creator, description, keywords).
  const plain = write(g, { version: '1.3', pedantic: true, formatNode: (_key, a) => a, formatEdge: (_key, a) => a });
  return addDynamics(plain, graph);
}

/** The post-step: GEXF 1.3 dynamics on the writer's output. */
function addDynamics(gexf: string, graph: ExportGraph): string {
  const doc = new DOMParser().parseFromString(gexf, 'application/xml');
  const days = new Map<string, { start: string | null; end: string | null }>();
  for (const node of graph.nodes) days.set(`node ${xmlSafe(node.id)}`, exportDays(node));
  for (const edge of graph.edges) days.set(`edge ${xmlSafe(edgeId(edge))}`, exportDays(edge));
  let dated = false;
  for (const tag of ['node', 'edge'] as const) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const element = elements.item(i)!;
      const when = days.get(`${tag} ${element.getAttribute('id') ?? ''}`);
      if (when?.start) element.setAttribute('start', when.start);
      if (when?.end) element.setAttribute('end', when.end);
      dated ||= Boolean(when?.start ?? when?.end);
    }
  }
  const root = doc.getElementsByTagName('graph').item(0);
  if (!root) throw new Error('writeGexf: the writer produced no <graph>');
  root.setAttribute('mode', dated ? 'dynamic' : 'static');
  if (dated) root.setAttribute('timeformat', 'date');
  return new XMLSerializer().serializeToString(doc);
}
