import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';

/** The manifest of registered documents: `npm run documents` writes it from the pages' operations, `npm run documents:check` says when it is stale. */
export const TRUSTED_DOCUMENTS_FILE = path.resolve(__dirname, '..', 'generated', 'trusted-documents.json');

/** Registered documents by id (`sha256:<hex>`), as the GraphQL-over-HTTP persisted-documents appendix names them. */
export type TrustedDocuments = ReadonlyMap<string, string>;

const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

/** Given a document's exact text, returns its id: `sha256:` and the hex SHA-256 of its UTF-8 bytes. */
export function documentIdOf(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Given the manifest file, returns its documents, each checked against its id. */
export function loadTrustedDocuments(file: string = TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(raw)) {
    if (typeof text !== 'string' || documentIdOf(text) !== id) throw new Error(`${file}: ${id} does not match its document`);
    documents.set(id, text);
  }
  return documents;
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The documentId of a GET (query string) or POST (JSON body) request, if any. */
function documentIdIn(req: Request): unknown {
  if (req.method === 'GET') return new URL(req.url, 'http://localhost').searchParams.get('documentId') ?? undefined;
  const body = req.body as Record<string, unknown> | undefined;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? body.documentId : undefined;
}

/**
 * Given the registered documents and the mode, returns the middleware in front of Apollo that
 * runs persisted documents: a request naming `documentId` (GET query string or POST body) runs
 * the registered text (an unknown or malformed id is refused, 400 PERSISTED_QUERY_NOT_FOUND); in
 * `only` mode, a request that sends its own `query`, an APQ hash or a batch is refused (400
 * TRUSTED_DOCUMENT_REQUIRED), so only the operations the pages and the widget send can run. By
 * GET, a registered document is a plain cacheable URL.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments, mode: 'off' | 'only'): RequestHandler {
  return (req, res, next) => {
    const id = documentIdIn(req);
    if (id === undefined || id === null) {
      if (mode === 'only' && (req.method === 'GET' || req.method === 'POST')) {
        refuse(res, 400, 'TRUSTED_DOCUMENT_REQUIRED', 'This server runs registered documents only: send documentId');
        return;
      }
      next();
      return;
    }
    const text = typeof id === 'string' && DOCUMENT_ID.test(id) ? documents.get(id) : undefined;
    if (text === undefined) {
      refuse(
        res,
        400,
        'PERSISTED_QUERY_NOT_FOUND',
        `No registered document has id ${JSON.stringify(typeof id === 'string' ? id.slice(0, 80) : id)}`,
      );
      return;
    }
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://localhost');
      url.searchParams.delete('documentId');
      if (url.searchParams.has('query') || url.searchParams.has('extensions')) {
        refuse(res, 400, 'BAD_REQUEST', 'Send documentId or query, not both');
        return;
      }
      url.searchParams.set('query', text);
      req.url = `${url.pathname}${url.search}`;
    } else {
      const { documentId: _id, query, extensions, ...rest } = req.body as Record<string, unknown>;
      if (query !== undefined || extensions !== undefined) {
        refuse(res, 400, 'BAD_REQUEST', 'Send documentId or query, not both');
        return;
      }
      req.body = { ...rest, query: text };
    }
    next();
  };
}

/**
 * Given the registered documents and the mode, returns GET /graphql-documents.json for the
 * pages' GraphQL helper (src/web/assets/graphql-client.js): the mode and, in `only` mode, the id
 * of each registered text, so pages send ids by GET instead of their text.
 */
export function trustedDocumentsSettings(documents: TrustedDocuments, mode: 'off' | 'only'): RequestHandler {
  const body = JSON.stringify(
    mode === 'only' ? { mode, ids: Object.fromEntries([...documents].map(([id, text]) => [text, id])) } : { mode },
  );
  return (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').type('application/json').send(body);
  };
}
