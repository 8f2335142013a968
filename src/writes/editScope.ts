import type { Revision } from './revisionLayout';

/** How many revisions an edit may leave and still be applied fact by fact; a larger import rebuilds derived figures whole. */
export const INCREMENTAL_REVISIONS = 500;

/** What an edit touches in figures derived from the graph: the nodes to look from, and fields named outright; or why they must be rebuilt whole. */
export type EditScope =
  | { readonly whole: false; readonly ids: readonly string[]; readonly fields: readonly string[] }
  | { readonly whole: true; readonly reason: string };

/** Relationships between places that make the rollup, which every derived figure's places were rolled up by. */
const PLACE_STRUCTURE = new Set(['PART_OF', 'SUCCEEDED_BY']);

function changesProperties(r: Revision): boolean {
  return Object.keys(r.before ?? {}).length > 0 || Object.keys(r.after ?? {}).length > 0;
}

/**
 * Given the revisions an edit left (revisionLayout.ts), returns what figures derived from the
 * graph (the dashboard cube's cells, the movement bases of movementImpactBases.ts) must look at:
 * every entity changed and the other end of every relationship changed (a deleted node is gone,
 * but its neighbours are named by its revision), and the fields changed themselves
 * (a deleted field's cells must go). A figure that read none of these ids is untouched: whatever
 * an edit adds to a figure is tied by a relationship to something the figure already read, and
 * the revision names both ends. They are rebuilt whole instead for an edit of more than
 * INCREMENTAL_REVISIONS revisions, or one that changes the units places roll up to (a place's
 * properties, PART_OF or SUCCEEDED_BY, a place LOCATED_IN another) or an agency's name: the
 * cube's dictionary and every rollup depend on them. Pure.
 */
export function editScope(revisions: readonly Revision[], limit = INCREMENTAL_REVISIONS): EditScope {
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
