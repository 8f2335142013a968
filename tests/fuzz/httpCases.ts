import type { Rng } from '../../bench/synthetic/prng';

/** One raw HTTP request the fuzzer sends. */
export interface HttpCase {
  readonly what: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const okBody = JSON.stringify({ query: '{ places(limit: 1) { id } }' });

/** Malformed HTTP: bodies, content types, sizes, methods and paths a client or a scanner sends. */
const CASES: readonly (() => HttpCase)[] = [
  () => ({ what: 'bad JSON', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query": "{ places { id } }"' }),
  () => ({ what: 'JSON null', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: 'null' }),
  () => ({ what: 'a JSON number', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '42' }),
  () => ({ what: 'a JSON string', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '"{ places { id } }"' }),
  () => ({ what: 'a batch', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: `[${okBody},${okBody}]` }),
  () => ({ what: 'query not a string', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query": {"a": 1}}' }),
  () => ({
    what: 'variables a string',
    method: 'POST',
    path: '/graphql',
    headers: JSON_TYPE,
    body: '{"query": "{ places(limit: 1) { id } }", "variables": "x"}',
  }),
  () => ({
    what: 'extensions a string',
    method: 'POST',
    path: '/graphql',
    headers: JSON_TYPE,
    body: '{"query": "{ places(limit: 1) { id } }", "extensions": "x"}',
  }),
  () => ({ what: 'an empty body', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '' }),
  () => ({ what: 'text/plain', method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: okBody }),
  () => ({
    what: 'a form',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=%7B%7D',
  }),
  () => ({
    what: 'multipart',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x--',
  }),
  () => ({ what: 'no content type', method: 'POST', path: '/graphql', headers: {}, body: okBody }),
  () => ({
    what: 'an unknown charset',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json; charset=klingon' },
    body: okBody,
  }),
  () => ({
    what: 'gzip it is not',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    body: okBody,
  }),
  () => ({
    what: 'a 200 kB body',
    method: 'POST',
    path: '/graphql',
    headers: JSON_TYPE,
    body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` }),
  }),
  () => ({
    what: 'a 2 MB body',
    method: 'POST',
    path: '/graphql',
    headers: JSON_TYPE,
    body: JSON.stringify({ variables: { x: 'y'.repeat(2_000_000) } }),
  }),
  () => ({ what: 'PUT', method: 'PUT', path: '/graphql', headers: JSON_TYPE, body: okBody }),
  () => ({ what: 'DELETE', method: 'DELETE', path: '/graphql', headers: {} }),
  () => ({ what: 'PATCH', method: 'PATCH', path: '/graphql', headers: JSON_TYPE, body: okBody }),
  () => ({
    what: 'OPTIONS',
    method: 'OPTIONS',
    path: '/graphql',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  }),
  () => ({ what: 'GET without a query', method: 'GET', path: '/graphql', headers: {} }),
  () => ({
    what: 'GET a mutation',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation { deleteFields { nodesDeleted } }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  }),
  () => ({
    what: 'GET with bad variables',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ places { id } }')}&variables=%7Bbad`,
    headers: { 'apollo-require-preflight': 'true' },
  }),
  () => ({
    what: 'GET with a bad document id',
    method: 'GET',
    path: '/graphql?documentId=sha256:zz',
    headers: { 'apollo-require-preflight': 'true' },
  }),
  () => ({
    what: 'GET without the preflight header',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ places(limit: 1) { id } }')}`,
    headers: {},
  }),
  () => ({
    what: 'a bearer that is not a JWT',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE, authorization: 'Bearer not.a.jwt' },
    body: okBody,
  }),
  () => ({
    what: 'an alg:none token',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE, authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJlZGl0b3IiXSwiZXhwIjo5OTk5OTk5OTk5fQ.' },
    body: okBody,
  }),
  () => ({
    what: 'Basic auth',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE, authorization: 'Basic YTpi' },
    body: okBody,
  }),
  // The widget's counts: what a scanner or a broken page posts.
  () => ({
    what: 'events: bad JSON',
    method: 'POST',
    path: '/widget/events',
    headers: { 'content-type': 'text/plain' },
    body: '{"source"',
  }),
  () => ({ what: 'events: JSON null', method: 'POST', path: '/widget/events', headers: JSON_TYPE, body: 'null' }),
  () => ({ what: 'events: no content type', method: 'POST', path: '/widget/events', headers: {}, body: '{}' }),
  () => ({
    what: 'events: a prototype key',
    method: 'POST',
    path: '/widget/events',
    headers: JSON_TYPE,
    body: '{"__proto__": {"source": "event:x"}, "events": [{"storyId": "story:x", "position": 1, "kind": "CLICK"}]}',
  }),
  () => ({
    what: 'events: a body over the limit',
    method: 'POST',
    path: '/widget/events',
    headers: { 'content-type': 'text/plain' },
    body: 'x'.repeat(20_000),
  }),
];

const PATHS: readonly string[] = [
  '/vendor/toString',
  '/vendor/constructor',
  '/vendor/__proto__',
  '/vendor/..%2f..%2fpackage.json',
  '/vendor/echarts.min.js%00',
  '/assets/../package.json',
  '/assets/..%2f..%2f..%2fetc%2fpasswd',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/__proto__',
  '/constructor',
  '/%00',
  '/%',
  '/%E0%A4%A',
  `/${'a'.repeat(5_000)}`,
  '/graphql/../readyz',
  '/widget/related-stories',
  '/widget/related-stories?entity=&limit=5',
  '/widget/related-stories?entity=event:pai-lung-sinkhole-rescue-2023&limit=0',
  '/widget/related-stories?entity=event:pai-lung-sinkhole-rescue-2023&limit=999',
  '/widget/related-stories?entity=event:pai-lung-sinkhole-rescue-2023&limit=abc',
  '/widget/related-stories?entity[]=a&entity[]=b',
  '/widget/related-stories?entity[toString]=x',
  `/widget/related-stories?entity=${'x'.repeat(300)}`,
  '/widget/related-stories?entity=person:nobody',
  '/widget/related-stories?entity=%F0%9F%9A%92',
  '/widget/related-stories?url=',
  '/widget/related-stories?url[]=a&url[]=b',
  '/widget/related-stories?url=javascript:alert(1)',
  `/widget/related-stories?url=https://a.vn/${'x'.repeat(3_000)}`,
  '/widget/events',
  '/dashboard?field=%3Cscript%3E',
  '/explore?x=../../',
  '/metrics',
  '/readyz?x=1',
  '/livez/../../',
  '/graphql-documents.json',
];

/** Given a random source, returns one malformed HTTP request: a broken body, a wrong method, or an odd path. */
export function httpCase(rng: Rng): HttpCase {
  if (rng.chance(0.45)) {
    const path = rng.pick(PATHS);
    return {
      what: `GET ${path.slice(0, 60)}`,
      method: rng.chance(0.85) ? 'GET' : rng.pick(['POST', 'HEAD', 'DELETE']),
      path,
      headers: {},
    };
  }
  return rng.pick(CASES)();
}
