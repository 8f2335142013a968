import type { Graph } from '../neo4j/createGraph';
import { array, decodeRows, nullable, object, string } from '../neo4j/decode';
import { reconcileType } from './reconcileVocabulary';
import { isDomainLabel } from '../domain/labels';

const READ = `
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, head([l IN labels(e) WHERE l <> 'Entity']) AS label, e.nameEn AS nameEn,
       e.summary AS summary, e.aliases AS aliases,
       [(e)-[r]-(n:Entity) WHERE type(r) IN ['OCCURRED_IN', 'LOCATED_IN', 'PART_OF', 'MEMBER_OF', 'TOOK_PART_IN'] | n.name][..6] AS related`;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Given an entity id, returns a small HTML page about it for a reconciliation client's preview
 * (§6): name, kind, other spellings, summary and a few related names, every value escaped; or
 * undefined when no entity has the id. `full` wraps it as a whole page (the view URL).
 */
export async function previewEntity(graph: Graph, id: string, full = false): Promise<string | undefined> {
  const rows = await graph.read(READ, { id });
  const [row] = decodeRows(
    'preview',
    rows,
    object({
      id: string,
      name: string,
      label: nullable(string),
      nameEn: nullable(string),
      summary: nullable(string),
      aliases: nullable(array(string)),
      related: array(string),
    }),
  );
  if (!row) return undefined;
  const kind = row.label && isDomainLabel(row.label) ? (reconcileType(row.label)?.name ?? row.label) : '';
  const body = [
    `<h1 style="font-size:16px;margin:0 0 4px">${escape(row.name)}</h1>`,
    `<p style="margin:0;color:#59636e">${escape(kind)} · <code>${escape(row.id)}</code></p>`,
    row.aliases?.length ? `<p style="margin:4px 0">${escape(row.aliases.join(' · '))}</p>` : '',
    row.nameEn ? `<p style="margin:4px 0"><i>${escape(row.nameEn)}</i></p>` : '',
    row.summary ? `<p lang="en" style="margin:4px 0">${escape(row.summary)}</p>` : '',
    row.related.length > 0 ? `<p style="margin:4px 0;color:#59636e">${escape(row.related.join(' · '))}</p>` : '',
  ].join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(row.name)}</title></head><body style="font:14px/1.4 system-ui,sans-serif;margin:${full ? '16px' : '6px'}">${body}</body></html>`;
}
