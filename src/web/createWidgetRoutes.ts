import path from 'node:path';
import cors from 'cors';
import express, { type Request, type Response, type Router } from 'express';
import type { RelatedStory } from '../analytics/related/relatedStories';
import { BadInputError } from '../errors/domainErrors';
import { toApiError } from '../errors/toApiError';
import { normalizeArticleUrl } from '../review/articleInput';
import { asksForFreshAnswer } from '../server/freshAnswer';
import { scopeOf } from '../server/requestScope';
import { readWidgetEvents, type WidgetEventBatch } from './widgetEvents';

/** One story as the widget shows it: the related story's own fields and why it is related. */
export type WidgetStory = Pick<
  RelatedStory,
  'id' | 'title' | 'url' | 'publisher' | 'publishedAt' | 'publishedPeriod' | 'channel'
> & {
  /** Why it is related, in one sentence. */
  readonly why: string;
};

export interface WidgetDependencies {
  /** Origins allowed to embed the widget (CORS allow-list). */
  readonly corsOrigins: readonly string[];
  /**
   * Given an entity id, a limit and whether the client asked for a fresh answer (no kept one),
   * returns the related stories, or throws (NotFoundError for an unknown id).
   */
  readonly relatedStories: (id: string, limit: number, options: { fresh: boolean }) => Promise<WidgetStory[]>;
  /** Given a URL normalised as ingestion stores it, returns the id of the story ingested from it, or null. */
  readonly storyIdByUrl: (url: string) => Promise<string | null>;
  /** Given checked events, adds them to the day's anonymous counts, or throws BadInputError for an unknown id. */
  readonly recordEvents: (batch: WidgetEventBatch) => Promise<void>;
  /** Seconds a widget answer may be cached by browsers and CDNs. */
  readonly widgetMaxAge?: number;
  /** Whether an unexpected error's message is hidden from the client (outside development). */
  readonly maskUnexpected: boolean;
}

const ASSETS = path.join(__dirname, 'assets');
/** The largest events body read: 40 events of about 80 bytes. */
const EVENTS_BODY_LIMIT = '8kb';
const MAX_URL_LENGTH = 2_000;

const queryText = (req: Request, name: string): string | undefined =>
  typeof req.query[name] === 'string' ? req.query[name] : undefined;

/** The same policy as GraphQL's formatError: one code, status and message for any error, never cached. */
function answerError(req: Request, res: Response, error: unknown, maskUnexpected: boolean): void {
  const api = toApiError(error, { maskUnexpected });
  const { log, requestId } = scopeOf(res);
  if (api.unexpected) log.error({ err: error, route: req.path }, 'unexpected error in the widget route');
  res.set('Cache-Control', 'no-store');
  res.status(api.httpStatus).json({ code: api.code, message: api.message, ...api.extensions, requestId });
}

/**
 * Given the widget's data sources, returns its routes: the script; the cacheable JSON read, by
 * `entity` or by the page's `url` (the story ingested from it; an unknown URL answers no stories,
 * the widget's quiet empty state); and POST /widget/events, the anonymous impression and click
 * counts (a text/plain or JSON body, so a page of another origin sends it without a preflight and
 * without cookies). The per-client rate limit is mounted in front of both by createApp.
 */
export function createWidgetRoutes(deps: WidgetDependencies): Router {
  const router = express.Router();
  const maxAge = deps.widgetMaxAge ?? 300;
  const origin = deps.corsOrigins.length > 0 ? [...deps.corsOrigins] : false;
  const readCors = cors({ origin, methods: ['GET'] });
  const eventsCors = cors({ origin, methods: ['POST'] });

  router.get('/widget/related-stories.js', readCors, (_req, res) => {
    res.set('Cache-Control', `public, max-age=${maxAge}`);
    res.sendFile(path.join(ASSETS, 'related-stories.js'));
  });

  // A plain GET, outside Apollo's CSRF rules: it reads, never writes, and is cacheable by ETag.
  router.get('/widget/related-stories', readCors, async (req, res) => {
    try {
      const entityParam = queryText(req, 'entity');
      const urlParam = queryText(req, 'url');
      const rawLimit = queryText(req, 'limit') ?? '5';
      const limit = Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
        throw new BadInputError('limit', rawLimit, 'must be an integer from 1 to 20');
      }
      let entity: string | null;
      let url: string | undefined;
      if (entityParam === undefined && urlParam !== undefined) {
        if (urlParam.length > MAX_URL_LENGTH) throw new BadInputError('url', `${urlParam.slice(0, 60)}…`, 'is too long');
        url = normalizeArticleUrl(urlParam);
        entity = await deps.storyIdByUrl(url);
      } else {
        entity = entityParam ?? '';
        if (entity.length === 0 || entity.length > 200) throw new BadInputError('entity', entity, 'must be a node id');
      }
      const stories = entity === null ? [] : await deps.relatedStories(entity, limit, { fresh: asksForFreshAnswer(req.headers) });
      res.set('Cache-Control', `public, max-age=${maxAge}`);
      res.json({ entity, ...(url === undefined ? {} : { url }), stories });
    } catch (error) {
      answerError(req, res, error, deps.maskUnexpected);
    }
  });

  router.options('/widget/events', eventsCors);
  router.post(
    '/widget/events',
    eventsCors,
    express.text({ type: ['text/plain', 'application/json'], limit: EVENTS_BODY_LIMIT }),
    async (req, res) => {
      res.set('Cache-Control', 'no-store');
      try {
        const raw: unknown = req.body;
        if (typeof raw !== 'string') throw new BadInputError('body', null, 'must be JSON sent as text/plain or application/json');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          throw new BadInputError('body', raw.length > 60 ? `${raw.slice(0, 60)}…` : raw, 'must be JSON');
        }
        await deps.recordEvents(readWidgetEvents(body));
        res.status(204).end();
      } catch (error) {
        answerError(req, res, error, deps.maskUnexpected);
      }
    },
  );
  return router;
}
