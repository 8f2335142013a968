import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from '../support/startTestApi';

/**
 * Editor tokens are verified by the server and their claims checked by a schema (issue 10, item
 * 6): `roles` must be an array of known roles (a string "editor" counted as an editor before),
 * `exp` is required, `iss` and `aud` are checked when configured; and tokens signed by an
 * identity provider's keys (JWT_JWKS_URL) are accepted beside the shared secret. The JWKS is
 * served by this test on a loopback port, its keys made here with jose.
 */
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'exemplar-graph';
const FIELD_ID = 'field:test-identity';
const CREATE = `mutation($id: ID!) { createFields(input: [{ id: $id, name: "Thử danh tính", sources: ["https://example.org/test"], confidence: UNVERIFIED }]) { fields { id } } }`;

let api: TestApi;
let jwks: http.Server;
let providerKey: KeyLike;
let strangerKey: KeyLike;

async function sign(claims: JWTPayload, key: KeyLike | Uint8Array, header: { alg: string; kid?: string }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}
const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const hour = () => Math.floor(Date.now() / 1000) + 3600;

/** Creates the test field with the token, reports the code (or 'written'), and removes the field again. */
async function tryWrite(token: string): Promise<string> {
  const { body } = await api.graphql(CREATE, { id: FIELD_ID }, token);
  const rows = await api.graph.read('MATCH (f:Field {id: $id}) RETURN count(f) AS n', { id: FIELD_ID });
  await api.graph.write('MATCH (f:Field {id: $id}) DETACH DELETE f', { id: FIELD_ID });
  if (body.errors) {
    expect(rows[0]?.n).toBe(0);
    return String(body.errors[0]?.extensions?.code);
  }
  expect(rows[0]?.n).toBe(1);
  return 'written';
}

beforeAll(async () => {
  const provider = await generateKeyPair('RS256');
  providerKey = provider.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'provider-1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  api = await startTestApi({
    env: {
      JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
    },
    // The writes here are not about the cube; it is rebuilt once at the end.
    cubeBuilder: () => Promise.resolve('not rebuilt by this test'),
  });
});
afterAll(async () => {
  await buildDashboardCube(api.graph);
  await api?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

const good = { roles: ['editor'], iss: ISSUER, aud: AUDIENCE, sub: 'editor-1' };

describe('an editor token', () => {
  it('signed with the shared secret, with every claim right, may write', async () => {
    expect(await tryWrite(await sign({ ...good, exp: hour() }, secret, { alg: 'HS256' }))).toBe('written');
  });

  it('signed by the identity provider (JWKS), may write', async () => {
    expect(await tryWrite(await sign({ ...good, exp: hour() }, providerKey, { alg: 'RS256', kid: 'provider-1' }))).toBe(
      'written',
    );
  });

  it('whose roles is the string "editor" is not an editor', async () => {
    expect(await tryWrite(await sign({ ...good, roles: 'editor', exp: hour() }, secret, { alg: 'HS256' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('naming a role nobody defined is refused', async () => {
    expect(await tryWrite(await sign({ ...good, roles: ['editor', 'admin'], exp: hour() }, secret, { alg: 'HS256' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('without an expiry is refused, and so is an expired one', async () => {
    expect(await tryWrite(await sign({ ...good }, secret, { alg: 'HS256' }))).toBe('UNAUTHENTICATED');
    const expired = Math.floor(Date.now() / 1000) - 3600;
    expect(await tryWrite(await sign({ ...good, exp: expired }, secret, { alg: 'HS256' }))).toBe('UNAUTHENTICATED');
  });

  it('from another issuer or for another audience is refused', async () => {
    expect(await tryWrite(await sign({ ...good, iss: 'https://evil.test/', exp: hour() }, secret, { alg: 'HS256' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await tryWrite(await sign({ ...good, aud: 'another-api', exp: hour() }, secret, { alg: 'HS256' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('signed by a key the provider does not publish is refused', async () => {
    expect(await tryWrite(await sign({ ...good, exp: hour() }, strangerKey, { alg: 'RS256', kid: 'provider-1' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('with the reader role only is forbidden to write, and reads like anyone', async () => {
    const reader = await sign({ ...good, roles: ['reader'], exp: hour() }, secret, { alg: 'HS256' });
    expect(await tryWrite(reader)).toBe('FORBIDDEN');
    const { body } = await api.graphql('{ fields(limit: 1) { id } }', {}, reader);
    expect(body.data?.fields).toHaveLength(1);
  });
});
