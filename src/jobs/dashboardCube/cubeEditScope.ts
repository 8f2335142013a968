import type { Revision } from '../../writes/revisionLayout';

/** How many revisions an edit may leave and still be applied cell by cell; a larger import rebuilds the cube whole. */
export const INCREMENTAL_REVISIONS = 500;

/** What an edit touches in the cube: the nodes to look from, and fields named outright; or why the cube must be rebuilt whole. */
export type CubeEditScope =
  | { readonly whole: false; readonly ids: readonly string[]; readonly fields: readonly string[] }
  | { readonly whole: true; readonly reason: string };

/** Relationships between places that make the rollup, which every cell's places were keyed by. */
const PLACE_STRUCTURE = new Set(['PART_OF', 'SUCCEEDED_BY']);

function changesProperties(r: Revision): boolean {
  return Object.keys(r.before ?? {}).length > 0 || Object.keys(r.after ?? {}).length > 0;
}

/**
 * Given the revisions an edit left (writes/revisionLayout.ts), returns what the dashboard cube
 * must look at: every entity changed and the other end of every relationship changed (a deleted
 * node is gone, but its neighbours are named by its revision), and the fields changed themselves
 * (a deleted field's cells must go). The cube is rebuilt whole instead for an edit of more than
 * INCREMENTAL_REVISIONS revisions, or one that changes the units places roll up to (a place's
 * properties, PART_OF or SUCCEEDED_BY, a place LOCATED_IN another) or an agency's name: the
 * cube's dictionary and every rollup depend on them. Pure.
 */
export function cubeEditScope(revisions: readonly Revision[], limit = INCREMENTAL_REVISIONS): CubeEditScope {
  if (revisions.length > limit) return { whole: true, reason: `${revisions.length} revisions (more than ${limit})` };
  const ids = new Set<string>();
  const fields = new Set<string>();
  for (const r of revisions) {
    if (r.entityLabel === 'Place') {
      const structural = r.relationships.some(
        (rel) => PLACE_STRUCTURE.has(rel.type) || (rel.type === 'LOCATED_IN' && rel.outgoing),
      );
      if (structural || (r.change === 'UPDATE' && changesProperties(r)) || r.change === 'DELETE') {
        return { whole: true, reason: `place ${r.entityId} changed` };
      }
    }
    if (r.entityLabel === 'Agency' && r.change === 'UPDATE' && changesProperties(r)) {
      return { whole: true, reason: `agency ${r.entityId} changed` };
    }
    if (r.entityLabel === 'Field') fields.add(r.entityId);
    ids.add(r.entityId);
    for (const rel of r.relationships) ids.add(rel.otherId);
  }
  return { whole: false, ids: [...ids].sort(), fields: [...fields].sort() };
}
