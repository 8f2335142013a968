import path from 'node:path';
import cors from 'cors';
import express, { type Router } from 'express';
import { BadInputError } from '../errors/domainErrors';
import { toApiError } from '../errors/toApiError';
import { scopeOf } from '../server/requestScope';
import type { RelatedStory } from '../analytics/related/relatedStories';

/** One story as the widget shows it: the related story's own fields and why it is related. */
export type WidgetStory = Pick<
  RelatedStory,
  'id' | 'title' | 'url' | 'publisher' | 'publishedAt' | 'publishedPeriod' | 'channel'
> & {
  /** Why it is related, in one sentence. */
  readonly why: string;
};

export interface WebDependencies {
  /** Origins allowed to embed the widget (CORS allow-list). */
  readonly corsOrigins: readonly string[];
  /** Given an entity id and a limit, returns the related stories, or throws (NotFoundError for an unknown id). */
  readonly relatedStories: (id: string, limit: number) => Promise<WidgetStory[]>;
  /** Seconds a widget answer may be cached by browsers and CDNs. */
  readonly widgetMaxAge?: number;
  /** Whether an unexpected error's message is hidden from the client (outside development). */
  readonly maskUnexpected: boolean;
}

const ASSETS = path.join(__dirname, 'assets');
const nodeModules = path.resolve(__dirname, '..', '..', 'node_modules');
const VENDOR: Readonly<Record<string, string>> = {
  'echarts.min.js': path.join(nodeModules, 'echarts', 'dist', 'echarts.min.js'),
  'cytoscape.min.js': path.join(nodeModules, 'cytoscape', 'dist', 'cytoscape.min.js'),
  'cytoscape-svg.js': path.join(nodeModules, 'cytoscape-svg', 'cytoscape-svg.js'),
  'lz-string.min.js': path.join(nodeModules, 'lz-string', 'libs', 'lz-string.min.js'),
};

/**
 * Given the widget's data source and CORS allow-list, returns the router for everything that is
 * not /graphql: the embeddable widget script and its cacheable JSON read, the demo page, the
 * analyst and dashboard pages, and the chart and graph libraries they load (no build step).
 */
export function createWebRoutes(deps: WebDependencies): Router {
  const router = express.Router();
  const maxAge = deps.widgetMaxAge ?? 300;
  const widgetCors = cors({ origin: deps.corsOrigins.length > 0 ? [...deps.corsOrigins] : false, methods: ['GET'] });

  router.get('/widget/related-stories.js', widgetCors, (_req, res) => {
    res.set('Cache-Control', `public, max-age=${maxAge}`);
    res.sendFile(path.join(ASSETS, 'related-stories.js'));
  });

  // A plain GET, outside Apollo's CSRF rules: it reads, never writes, and is cacheable by ETag.
  router.get('/widget/related-stories', widgetCors, async (req, res) => {
    try {
      const entity = typeof req.query.entity === 'string' ? req.query.entity : '';
      const rawLimit = typeof req.query.limit === 'string' ? req.query.limit : '5';
      const limit = Number(rawLimit);
      if (entity.length === 0 || entity.length > 200) throw new BadInputError('entity', entity, 'must be a node id');
      if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
        throw new BadInputError('limit', rawLimit, 'must be an integer from 1 to 20');
      }
      const stories = await deps.relatedStories(entity, limit);
      res.set('Cache-Control', `public, max-age=${maxAge}`);
      res.json({ entity, stories });
    } catch (error) {
      // The same policy as GraphQL's formatError: one code, status and message for any error.
      const api = toApiError(error, { maskUnexpected: deps.maskUnexpected });
      const { log, requestId } = scopeOf(res);
      if (api.unexpected) log.error({ err: error, route: req.path }, 'unexpected error in the widget route');
      res.set('Cache-Control', 'no-store');
      res.status(api.httpStatus).json({ code: api.code, message: api.message, ...api.extensions, requestId });
    }
  });

  router.get('/vendor/:file', (req, res) => {
    // Own keys only: `toString`, `constructor` or `__proto__` must not reach Object.prototype.
    const file = Object.hasOwn(VENDOR, req.params.file) ? VENDOR[req.params.file] : undefined;
    if (!file) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', 'public, max-age=86400');
    res.sendFile(file);
  });

  for (const page of ['demo', 'dashboard', 'explore', 'review']) {
    router.get(`/${page}`, (_req, res) => {
      res.sendFile(path.join(ASSETS, `${page}.html`));
    });
  }
  router.use('/assets', express.static(ASSETS, { maxAge: '1h', index: false }));
  return router;
}
