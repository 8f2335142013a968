import { z } from 'zod';
import { BadInputError } from '../errors/domainErrors';
import type { ExportGraph } from './exportGraph';

/**
 * The graph a client posts to be written (the explorer's current view): the writers' own shape
 * (exportGraph.ts), strictly, with bounds so a request cannot ask for an unbounded file.
 */
const value = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]).optional();
const date = z.string().max(10).nullable().optional();
const attributes = z.record(z.string().max(100), value).optional();

const node = z.strictObject({
  id: z.string().min(1).max(300),
  kind: z.string().min(1).max(40),
  name: z.string().max(1000),
  start: date,
  end: date,
  confidence: z.string().max(40).nullable().optional(),
  pageRank: z.number().nullable().optional(),
  betweenness: z.number().nullable().optional(),
  degree: z.number().nullable().optional(),
  community: z.number().nullable().optional(),
  x: z.number().nullable().optional(),
  y: z.number().nullable().optional(),
  attributes,
});

const edge = z.strictObject({
  id: z.string().max(700).optional(),
  source: z.string().min(1).max(300),
  target: z.string().min(1).max(300),
  type: z.string().min(1).max(40),
  start: date,
  end: date,
  confidence: z.string().max(40).nullable().optional(),
  attributes,
});

export const MAX_EXPORT_NODES = 5000;
export const MAX_EXPORT_EDGES = 20000;

const graph = z.strictObject({
  nodes: z.array(node).max(MAX_EXPORT_NODES),
  edges: z.array(edge).max(MAX_EXPORT_EDGES),
});

/** Given a parsed request body, returns it as an ExportGraph, or throws BAD_USER_INPUT naming the first bad path and value. */
export function parseExportGraph(body: unknown): ExportGraph {
  const result = graph.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.map(String).join('.') || 'body';
  let at: unknown = body;
  for (const key of issue.path) at = (at as Record<PropertyKey, unknown> | undefined)?.[key];
  throw new BadInputError(where, at === undefined ? null : at, issue.message);
}
