import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { EDGE_COLUMNS, edgeId, extraColumns, NODE_COLUMNS, type ExportGraph, type ExportValue } from './exportGraph';
import { validateExportGraph } from './validateExportGraph';
import { xmlSafe } from './xmlSafe';

/**
 * GraphML (yEd, Cytoscape, NetworkX, Gephi). graphology-graphml only parses, and the other npm
 * writers are tied to a UI library; so this builds the document with @xmldom/xmldom's DOM and
 * serializer, which escape text and attributes, and declares every attribute as a `<key>` with
 * its `attr.name` and `attr.type` (one line per key, node and edge; whitespace between elements is
 * ignorable in GraphML). GraphML has no time: dates are plain `dateStart`/`dateEnd`
 * strings.
 */

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

type KeyType = 'string' | 'int' | 'long' | 'double' | 'boolean';

/** Given the values of one attribute, returns the GraphML type that holds them all. */
function keyType(values: readonly ExportValue[]): KeyType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const numbers = present as number[];
    if (!numbers.every(Number.isInteger)) return 'double';
    return numbers.every((n) => Math.abs(n) <= 0x7fffffff) ? 'int' : 'long';
  }
  return 'string';
}

interface Key {
  readonly id: string;
  readonly name: string;
  readonly type: KeyType;
}

/** Given a value and the type of its key, returns its text, or null when it is written as absent. */
function text(value: ExportValue, type: KeyType): string | null {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return null;
  if (type === 'string') return xmlSafe(String(value));
  return String(value);
}

/** Given a graph, returns it as a GraphML document (UTF-8); throws BAD_USER_INPUT on an inconsistent graph. */
export function writeGraphml(graph: ExportGraph): string {
  validateExportGraph(graph);
  const doc = new DOMImplementation().createDocument(GRAPHML_NS, 'graphml', null);
  const root = doc.documentElement;
  root.setAttribute('xmlns:xsi', XSI_NS);
  root.setAttribute('xsi:schemaLocation', `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`);

  const nodeReaders: [string, (n: ExportGraph['nodes'][number]) => ExportValue][] = [
    ['label', (n) => n.name],
    ...NODE_COLUMNS.map((c): [string, (n: ExportGraph['nodes'][number]) => ExportValue] => [c.name, c.read]),
    ['x', (n) => n.x],
    ['y', (n) => n.y],
    ...extraColumns(graph.nodes).map((name): [string, (n: ExportGraph['nodes'][number]) => ExportValue] => [
      name,
      (n) => n.attributes?.[name],
    ]),
  ];
  const edgeReaders: [string, (e: ExportGraph['edges'][number]) => ExportValue][] = [
    ['label', (e) => e.type],
    ...EDGE_COLUMNS.map((c): [string, (e: ExportGraph['edges'][number]) => ExportValue] => [c.name, c.read]),
    ...extraColumns(graph.edges).map((name): [string, (e: ExportGraph['edges'][number]) => ExportValue] => [
      name,
      (e) => e.attributes?.[name],
    ]),
  ];
  // Key ids are generated (d0, d1…): an attribute's name may hold anything, an id may not.
  let next = 0;
  const declare = (target: 'node' | 'edge', name: string, values: ExportValue[]): Key => {
    const key = { id: `d${next++}`, name: xmlSafe(name), type: keyType(values) };
    const element = doc.createElement('key');
    element.setAttribute('id', key.id);
    element.setAttribute('for', target);
    element.setAttribute('attr.name', key.name);
    element.setAttribute('attr.type', key.type);
    root.appendChild(doc.createTextNode('\n  '));
    root.appendChild(element);
    return key;
  };
  const present = (values: ExportValue[]) => values.some((v) => v !== null && v !== undefined);
  // An attribute no element has (betweenness of a view without scores) is not declared at all.
  const nodeKeys = nodeReaders
    .map(([name, read]) => ({ name, read, values: graph.nodes.map(read) }))
    .filter(({ values }) => present(values))
    .map(({ name, read, values }) => ({ key: declare('node', name, values), read }));
  const edgeKeys = edgeReaders
    .map(([name, read]) => ({ name, read, values: graph.edges.map(read) }))
    .filter(({ values }) => present(values))
    .map(({ name, read, values }) => ({ key: declare('edge', name, values), read }));

  const g = doc.createElement('graph');
  g.setAttribute('id', 'G');
  g.setAttribute('edgedefault', 'directed');
  root.appendChild(doc.createTextNode('\n  '));
  root.appendChild(g);
  root.appendChild(doc.createTextNode('\n'));
  const addData = (element: ReturnType<typeof doc.createElement>, key: Key, value: ExportValue) => {
    const content = text(value, key.type);
    if (content === null) return;
    const data = doc.createElement('data');
    data.setAttribute('key', key.id);
    data.appendChild(doc.createTextNode(content));
    element.appendChild(data);
  };
  for (const node of graph.nodes) {
    const element = doc.createElement('node');
    element.setAttribute('id', xmlSafe(node.id));
    for (const { key, read } of nodeKeys) addData(element, key, read(node));
    g.appendChild(doc.createTextNode('\n    '));
    g.appendChild(element);
  }
  for (const edge of graph.edges) {
    const element = doc.createElement('edge');
    element.setAttribute('id', xmlSafe(edgeId(edge)));
    element.setAttribute('source', xmlSafe(edge.source));
    element.setAttribute('target', xmlSafe(edge.target));
    for (const { key, read } of edgeKeys) addData(element, key, read(edge));
    g.appendChild(doc.createTextNode('\n    '));
    g.appendChild(element);
  }
  g.appendChild(doc.createTextNode('\n  '));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}
