import cors from 'cors';
import express, { type Request, type Response, type Router } from 'express';
import { BadInputError, NotFoundError } from '../errors/domainErrors';
import { toApiError } from '../errors/toApiError';
import { foldKey } from '../ingestion/foldKey';
import { createGraphGazetteer } from '../ingestion/graph/createGraphGazetteer';
import type { Graph } from '../neo4j/createGraph';
import { scopeOf } from '../server/requestScope';
import { reconcileManifest } from './manifest';
import { previewEntity } from './previewEntity';
import { readQueries } from './readQueries';
import { reconcileBatch } from './reconcileBatch';
import { RECONCILE_PROPERTIES, RECONCILE_TYPES, reconcileType } from './reconcileVocabulary';
import { suggestEntities } from './suggestEntities';

export interface ReconcileDependencies {
  readonly graph: Graph;
  /** Whether an unexpected error's message is hidden from the client (outside development). */
  readonly maskUnexpected: boolean;
}

const SUGGEST_LIMIT = 10;

const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
const param = (req: Request, name: string) => (typeof req.query[name] === 'string' ? req.query[name] : undefined);

/** The same error policy as GraphQL and the widget: one code, status and message. */
function answerError(req: Request, res: Response, error: unknown, mask: boolean): void {
  const api = toApiError(error, { maskUnexpected: mask });
  const { log, requestId } = scopeOf(res);
  if (api.unexpected) log.error({ err: error, route: req.path }, 'unexpected error in the reconciliation service');
  res.status(api.httpStatus).json({ code: api.code, message: api.message, ...api.extensions, requestId });
}

function prefixOf(req: Request): string {
  const prefix = param(req, 'prefix') ?? '';
  if (prefix.length > 200) throw new BadInputError('prefix', `${prefix.slice(0, 40)}…`, 'must be at most 200 characters');
  return prefix;
}

function cursorOf(req: Request): number {
  const raw = param(req, 'cursor') ?? '0';
  const cursor = Number(raw);
  if (!Number.isInteger(cursor) || cursor < 0 || cursor > 1_000) {
    throw new BadInputError('cursor', raw, 'must be an integer from 0 to 1000');
  }
  return cursor;
}

/**
 * Given the graph, returns the W3C Entity Reconciliation Service (API v0.2, the community
 * group's final report of 2023-04-10) at /reconcile: the manifest (GET without queries), query
 * batches by GET `?queries=` or by POST form field `queries`, suggest for entities, properties and
 * types, an HTML preview and view of each entity, with CORS open to any origin (the data is
 * public, and OpenRefine's pages call it from their own origin). It matches with ingestion's
 * matcher over the graph's name index.
 */
export function createReconcileRoutes(deps: ReconcileDependencies): Router {
  const router = express.Router();
  router.use('/reconcile', cors({ origin: '*', methods: ['GET', 'POST'] }));
  const form = express.urlencoded({ extended: false, limit: '1mb' });

  const reconcile = async (res: Response, queriesText: unknown) => {
    const queries = readQueries(queriesText);
    res.json(await reconcileBatch(createGraphGazetteer(deps.graph), queries));
  };

  router.get('/reconcile', async (req, res) => {
    try {
      const queries = param(req, 'queries');
      if (queries === undefined) res.json(reconcileManifest(originOf(req)));
      else await reconcile(res, queries);
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  });

  router.post('/reconcile', form, async (req, res) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      await reconcile(res, body.queries);
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  });

  router.get('/reconcile/suggest/entity', async (req, res) => {
    try {
      const type = param(req, 'type') ?? null;
      if (type !== null && !reconcileType(type)) {
        throw new BadInputError('type', type, `must be one of ${RECONCILE_TYPES.map((t) => t.id).join(', ')}`);
      }
      const cursor = cursorOf(req);
      const found = await suggestEntities(deps.graph, prefixOf(req), type, cursor + SUGGEST_LIMIT);
      res.json({ result: found.slice(cursor) });
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  });

  router.get('/reconcile/suggest/property', (req, res) => {
    try {
      const prefix = foldKey(prefixOf(req));
      const result = RECONCILE_PROPERTIES.filter((p) => p.id.startsWith(prefix) || foldKey(p.name).startsWith(prefix)).map(
        ({ id, name, description }) => ({ id, name, description }),
      );
      res.json({ result: result.slice(cursorOf(req)) });
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  });

  router.get('/reconcile/suggest/type', (req, res) => {
    try {
      const prefix = foldKey(prefixOf(req));
      const result = RECONCILE_TYPES.filter(
        (t) =>
          foldKey(t.id).startsWith(prefix) ||
          foldKey(t.name)
            .split(' ')
            .some((w) => w.startsWith(prefix)),
      );
      res.json({ result: result.slice(cursorOf(req)).map(({ id, name, description }) => ({ id, name, description })) });
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  });

  const page = (full: boolean) => async (req: Request, res: Response) => {
    try {
      const id = full ? String(req.params.id ?? '') : (param(req, 'id') ?? '');
      if (id === '' || id.length > 200) throw new BadInputError('id', id, 'must be an entity id');
      const html = await previewEntity(deps.graph, id, full);
      if (html === undefined) throw new NotFoundError('entity', id);
      res.type('html').send(html);
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  };
  router.get('/reconcile/preview', page(false));
  router.get('/reconcile/entity/:id', page(true));
  return router;
}
