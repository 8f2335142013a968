import { RECONCILE_TYPES } from './reconcileVocabulary';

/**
 * Given the service's origin (http://host:port), returns its manifest (§3.1): version 0.2, the
 * default types, the view and preview of an entity, and the suggest services for entities,
 * properties and types. Identifiers are the graph's own ids (`person:luu-minh-thuc`).
 */
export function reconcileManifest(origin: string): Record<string, unknown> {
  return {
    versions: ['0.2'],
    name: 'exemplar-graph: gương điển hình, cơ quan, địa danh Việt Nam',
    identifierSpace: `${origin}/reconcile/entity/`,
    schemaSpace: `${origin}/reconcile/schema/`,
    documentation: `${origin}/reconcile/entity/`,
    defaultTypes: RECONCILE_TYPES.map(({ id, name }) => ({ id, name })),
    view: { url: `${origin}/reconcile/entity/{{id}}` },
    preview: { url: `${origin}/reconcile/preview?id={{id}}`, width: 420, height: 220 },
    suggest: {
      entity: { service_url: origin, service_path: '/reconcile/suggest/entity' },
      property: { service_url: origin, service_path: '/reconcile/suggest/property' },
      type: { service_url: origin, service_path: '/reconcile/suggest/type' },
    },
  };
}
