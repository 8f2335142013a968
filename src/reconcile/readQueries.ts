import { z } from 'zod';
import { BadInputError } from '../errors/domainErrors';
import { RECONCILE_TYPES } from './reconcileVocabulary';
import type { Label } from '../domain/labels';

/** One reconciliation query, checked (W3C Reconciliation API 0.2, §4.1). */
export interface ReconcileQuery {
  readonly key: string;
  readonly query: string;
  readonly types: readonly Label[];
  /** `all`: a candidate must have every type asked for; otherwise any of them (`should` only ranks). */
  readonly typeStrict: 'any' | 'should' | 'all';
  readonly limit: number;
  readonly place: ReadonlyArray<{ readonly id?: string; readonly name?: string }>;
  readonly dates: readonly string[];
}

/** Most queries in one batch (OpenRefine sends 10) and longest query string. */
export const MAX_QUERIES = 50;
const MAX_QUERY = 300;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 25;

const typeIds = RECONCILE_TYPES.map((t) => t.id) as [Label, ...Label[]];
const value = z.union([z.string(), z.number(), z.boolean(), z.object({ id: z.string(), name: z.string().optional() })]);
const querySchema = z.strictObject({
  query: z.string().max(MAX_QUERY).optional(),
  type: z.union([z.enum(typeIds), z.array(z.enum(typeIds))]).optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  properties: z.array(z.object({ pid: z.string(), v: z.union([value, z.array(value)]) })).optional(),
  type_strict: z.enum(['any', 'should', 'all']).optional(),
});
const batchSchema = z.record(z.string().max(100), querySchema);

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Given the `queries` parameter (JSON text from a POST form field or the query string), returns
 * the batch checked: at most MAX_QUERIES queries; each with a query string (or properties), types
 * among the service's, a limit 1–25 (5 by default), and the properties it knows (place: a name or
 * {id}; date: YYYY, YYYY-MM or YYYY-MM-DD). Throws BAD_USER_INPUT naming `queries.<key>.<field>`.
 */
export function readQueries(text: unknown): ReconcileQuery[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new BadInputError('queries', text ?? null, 'must be a JSON object of queries');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadInputError('queries', text.slice(0, 60), 'is not JSON');
  }
  const checked = batchSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = ['queries', ...(issue?.path ?? []).map(String)].join('.');
    throw new BadInputError(at, null, issue?.message ?? 'is not a reconciliation query');
  }
  const entries = Object.entries(checked.data);
  if (entries.length > MAX_QUERIES) throw new BadInputError('queries', entries.length, `holds at most ${MAX_QUERIES} queries`);
  return entries.map(([key, q]) => {
    const place: Array<{ id?: string; name?: string }> = [];
    const dates: string[] = [];
    for (const property of q.properties ?? []) {
      const values = Array.isArray(property.v) ? property.v : [property.v];
      for (const v of values) {
        const at = `queries.${key}.properties.${property.pid}`;
        if (property.pid === 'place') {
          if (typeof v === 'object') place.push({ id: v.id, ...(v.name ? { name: v.name } : {}) });
          else place.push({ name: String(v) });
        } else if (property.pid === 'date') {
          const date = typeof v === 'object' ? v.id : String(v);
          if (!DATE.test(date)) throw new BadInputError(at, date, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
          dates.push(date);
        } else {
          throw new BadInputError(`queries.${key}.properties`, property.pid, 'is not a property of this service (place, date)');
        }
      }
    }
    const query = (q.query ?? '').trim().normalize('NFC');
    if (query === '') throw new BadInputError(`queries.${key}.query`, q.query ?? null, 'must name the entity to find');
    const types = q.type === undefined ? [] : Array.isArray(q.type) ? q.type : [q.type];
    return { key, query, types, typeStrict: q.type_strict ?? 'any', limit: q.limit ?? DEFAULT_LIMIT, place, dates };
  });
}
