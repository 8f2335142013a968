/**
 * What the graph writers take: a small view of nodes and edges of their own, not the GraphQL
 * types, so the explorer's state and an `influenceNetwork` answer can both be adapted to it.
 * Dates are ISO partial dates (YYYY, YYYY-MM or YYYY-MM-DD) as the graph stores them.
 */

/** A value of an extra attribute; null and undefined are written as absent. */
export type ExportValue = string | number | boolean | null | undefined;

export interface ExportNode {
  readonly id: string;
  /** EntityKind: PERSON, COLLECTIVE, AGENCY, EVENT, AWARD, MOVEMENT, STORY, PLACE, FIELD. */
  readonly kind: string;
  readonly name: string;
  /**
   * When the node starts to exist: an event's or an award's date, a story's publication, a
   * place's validFrom. A point in time passes `start` only: it then shows from that day on.
   */
  readonly start?: string | null;
  /** When it stops: a place's validTo. Absent: it lasts. */
  readonly end?: string | null;
  readonly confidence?: string | null;
  readonly pageRank?: number | null;
  readonly betweenness?: number | null;
  readonly degree?: number | null;
  readonly community?: number | null;
  /** Where the explorer drew it, for Gephi's layout. */
  readonly x?: number | null;
  readonly y?: number | null;
  /** Anything else to carry along (hops, field, province…), one column each. */
  readonly attributes?: Readonly<Record<string, ExportValue>>;
}

export interface ExportEdge {
  /** Optional: `<source>|<type>|<target>` when absent (the graph has at most one per triple). */
  readonly id?: string;
  readonly source: string;
  readonly target: string;
  /** The relationship type: MEMBER_OF, RECEIVED… */
  readonly type: string;
  /** A membership's since, a validity's validFrom. */
  readonly start?: string | null;
  /** A membership's until, a validity's validTo. */
  readonly end?: string | null;
  readonly confidence?: string | null;
  readonly attributes?: Readonly<Record<string, ExportValue>>;
}

export interface ExportGraph {
  readonly nodes: readonly ExportNode[];
  readonly edges: readonly ExportEdge[];
}

/** A column written for every node or edge: its name in the files and how to read it. */
export interface FieldColumn<T> {
  readonly name: string;
  readonly read: (element: T) => ExportValue;
}

/**
 * The node attributes every format writes, in column order (after id and name). The partial dates
 * are written as given, as `dateStart` and `dateEnd` (not `start`/`end`, which Gephi reads as its
 * own time bounds); GEXF also carries them as dynamics.
 */
export const NODE_COLUMNS: readonly FieldColumn<ExportNode>[] = [
  { name: 'kind', read: (n) => n.kind },
  { name: 'confidence', read: (n) => n.confidence },
  { name: 'pageRank', read: (n) => n.pageRank },
  { name: 'betweenness', read: (n) => n.betweenness },
  { name: 'degree', read: (n) => n.degree },
  { name: 'community', read: (n) => n.community },
  { name: 'dateStart', read: (n) => n.start },
  { name: 'dateEnd', read: (n) => n.end },
];

/** The edge attributes every format writes, in column order (after id, source and target). */
export const EDGE_COLUMNS: readonly FieldColumn<ExportEdge>[] = [
  { name: 'relationship', read: (e) => e.type },
  { name: 'confidence', read: (e) => e.confidence },
  { name: 'dateStart', read: (e) => e.start },
  { name: 'dateEnd', read: (e) => e.end },
];

/** Names an extra attribute may not take, for nodes and for edges (compared case-insensitively): the columns above and each format's own. */
export const NODE_RESERVED = ['id', 'label', 'name', 'x', 'y', 'start', 'end', ...NODE_COLUMNS.map((c) => c.name)];
export const EDGE_RESERVED = ['id', 'label', 'source', 'target', 'type', 'start', 'end', ...EDGE_COLUMNS.map((c) => c.name)];

/** Given an edge, returns its id: the one given, or `<source>|<type>|<target>`. */
export function edgeId(edge: ExportEdge): string {
  return edge.id ?? `${edge.source}|${edge.type}|${edge.target}`;
}

/** Given nodes or edges, returns the names of their extra attributes, sorted (validateExportGraph has refused any named like a column). */
export function extraColumns(elements: readonly { readonly attributes?: Readonly<Record<string, ExportValue>> }[]): string[] {
  const names = new Set<string>();
  for (const element of elements) for (const name of Object.keys(element.attributes ?? {})) names.add(name);
  return [...names].sort();
}
