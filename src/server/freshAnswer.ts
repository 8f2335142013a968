import type { IncomingHttpHeaders } from 'node:http';

/**
 * Given a request's headers, returns whether the client asks for an answer computed now rather than
 * one kept from earlier (RFC 9111 §5.2.1: `Cache-Control: no-cache` or `no-store`, or HTTP/1.0's
 * `Pragma: no-cache`), as a browser's hard reload or a benchmark of the computed path does.
 */
export function asksForFreshAnswer(headers: IncomingHttpHeaders): boolean {
  const directives = `${headers['cache-control'] ?? ''},${headers.pragma ?? ''}`.toLowerCase().split(',');
  return directives.some((d) => d.trim() === 'no-cache' || d.trim() === 'no-store');
}
