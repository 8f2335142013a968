import path from 'node:path';
import { SEED_DIR } from '../../src/importer/loadSeeds';
import { revisionsSince } from '../../src/writes/revisionsSince';
import { seedRecords } from '../support/seedFacts';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

/**
 * Issue 9, item 5: every write, whatever its path, records who, when, what changed (before and
 * after) and on what source; history(id) answers it for any node, deleted ones included, and
 * revert(revisionId) undoes one change as a new, recorded write.
 */
const FIELD = 'field:test-history';
const PARENT = 'field:rescue';
const SOURCES = ['https://example.org/test-history'];

const HISTORY = `query($id: ID!, $limit: Int, $after: String) {
  history(id: $id, limit: $limit, after: $after) {
    revisions { id transaction at actor operation source requestId revertOf entityId entityKind change
      properties { property before after }
      relationships { change type outgoing otherId before after } }
    nextCursor
  }
}`;
const REVERT = `mutation($id: ID!) { revert(revisionId: $id) { reverted { id } revision { change operation revertOf actor properties { property before after } relationships { change type otherId } } } }`;

interface ApiRevision {
  id: string;
  transaction: string;
  actor: string | null;
  operation: string;
  source: string | null;
  requestId: string | null;
  revertOf: string | null;
  entityId: string;
  entityKind: string;
  change: string;
  properties: { property: string; before: string | null; after: string | null }[];
  relationships: {
    change: string;
    type: string;
    outgoing: boolean;
    otherId: string;
    before: string | null;
    after: string | null;
  }[];
}

let api: TestApi;
let editor: string;

async function history(id: string, token?: string, limit = 20): Promise<ApiRevision[]> {
  const { body } = await api.graphql(HISTORY, { id, limit }, token);
  expect(body.errors).toBeUndefined();
  return body.data?.history.revisions as ApiRevision[];
}

async function cleanUp(): Promise<void> {
  await api.graph.write(
    'MATCH (n:Entity {id: $id}) DETACH DELETE n',
    { id: FIELD },
    { actor: 'tests', operation: 'test:cleanup' },
  );
}

beforeAll(async () => {
  api = await startTestApi();
  editor = await signToken(['editor']);
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await api.close();
});

describe('history', () => {
  it('records a create, an update, a connect and a delete through the generated mutations, newest first', async () => {
    const create = await api.graphql(
      `mutation($input: [FieldCreateInput!]!) { createFields(input: $input) { fields { id } } }`,
      { input: [{ id: FIELD, name: 'Lĩnh vực thử', sources: SOURCES, confidence: 'UNVERIFIED' }] },
      editor,
    );
    expect(create.body.errors).toBeUndefined();
    const update = await api.graphql(
      `mutation { updateFields(where: { id: { eq: "${FIELD}" } }, update: { name: { set: "Lĩnh vực đổi tên" } }) { fields { id } } }`,
      {},
      editor,
    );
    expect(update.body.errors).toBeUndefined();
    const connect = await api.graphql(
      `mutation($sources: [String!]!) { updateFields(where: { id: { eq: "${FIELD}" } }, update: { parent: [{ connect: [{ where: { node: { id: { eq: "${PARENT}" } } }, edge: { sources: $sources, confidence: UNVERIFIED } }] }] }) { fields { id } } }`,
      { sources: SOURCES },
      editor,
    );
    expect(connect.body.errors).toBeUndefined();

    const revisions = await history(FIELD, editor);
    expect(revisions.map((r) => [r.change, r.operation])).toEqual([
      ['UPDATE', 'graphql:updateFields'],
      ['UPDATE', 'graphql:updateFields'],
      ['CREATE', 'graphql:createFields'],
    ]);
    expect(revisions.every((r) => r.actor === 'test-editor' && r.entityKind === 'FIELD' && r.requestId !== null)).toBe(true);
    const [connected, renamed, created] = revisions;
    expect(created?.properties).toContainEqual({ property: 'name', before: null, after: JSON.stringify('Lĩnh vực thử') });
    expect(created?.properties.map((p) => p.property)).not.toContain('nameAscii');
    expect(renamed?.properties).toEqual([
      { property: 'name', before: JSON.stringify('Lĩnh vực thử'), after: JSON.stringify('Lĩnh vực đổi tên') },
    ]);
    expect(connected?.relationships).toEqual([
      {
        change: 'ADDED',
        type: 'PART_OF',
        outgoing: true,
        otherId: PARENT,
        before: null,
        after: JSON.stringify({ sources: SOURCES, confidence: 'UNVERIFIED' }),
      },
    ]);
    // The other end's history shows the same relationship, from its side, in the same transaction.
    const parentSide = (await history(PARENT, editor))[0];
    expect(parentSide).toMatchObject({ transaction: connected?.transaction, change: 'UPDATE' });
    expect(parentSide?.relationships).toEqual([
      expect.objectContaining({ change: 'ADDED', type: 'PART_OF', outgoing: false, otherId: FIELD }),
    ]);

    const del = await api.graphql(`mutation { deleteFields(where: { id: { eq: "${FIELD}" } }) { nodesDeleted } }`, {}, editor);
    expect(del.body.data?.deleteFields.nodesDeleted).toBe(1);
    const afterDelete = await history(FIELD, editor);
    expect(afterDelete[0]).toMatchObject({ change: 'DELETE', operation: 'graphql:deleteFields', entityId: FIELD });
    expect(afterDelete[0]?.properties).toContainEqual({
      property: 'name',
      before: JSON.stringify('Lĩnh vực đổi tên'),
      after: null,
    });
    expect(afterDelete[0]?.relationships).toEqual([
      expect.objectContaining({ change: 'REMOVED', type: 'PART_OF', otherId: PARENT }),
    ]);
  });

  it('shows who changed what to editors only', async () => {
    const anonymous = await history(FIELD);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((r) => r.actor === null)).toBe(true);
    const reader = await history(FIELD, await signToken(['reader']));
    expect(reader.every((r) => r.actor === null)).toBe(true);
  });

  it('pages with nextCursor, newest first', async () => {
    const { body } = await api.graphql(HISTORY, { id: FIELD, limit: 2 }, editor);
    const first = body.data?.history;
    expect(first.revisions).toHaveLength(2);
    expect(first.nextCursor).toBe(first.revisions[1].transaction);
    const next = await api.graphql(HISTORY, { id: FIELD, limit: 2, after: first.nextCursor }, editor);
    expect(next.body.data?.history.revisions.map((r: ApiRevision) => r.change)).toEqual(['UPDATE', 'CREATE']);
    const bad = await api.graphql(HISTORY, { id: FIELD, after: 'x' }, editor);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('records the importer with its actor, operation and folder', async () => {
    const revisions = await history('person:luu-minh-thuc', editor, 100);
    const imported = revisions.at(-1);
    expect(imported).toMatchObject({ change: 'CREATE', actor: 'importer', operation: 'import', source: path.resolve(SEED_DIR) });
    expect(imported?.relationships.length).toBeGreaterThan(0);
  });

  it('records a raw write with its metadata, and one without as unknown', async () => {
    await api.graph.write(
      'MATCH (f:Field {id: $id}) SET f.note = $note',
      { id: PARENT, note: 'ghi chú thử' },
      { actor: 'shell-user', operation: 'fix:note', source: 'https://example.org/fix' },
    );
    await api.graph.write('MATCH (f:Field {id: $id}) REMOVE f.note', { id: PARENT });
    const [removed, added] = await history(PARENT, editor);
    expect(added).toMatchObject({ actor: 'shell-user', operation: 'fix:note', source: 'https://example.org/fix' });
    expect(added?.properties).toEqual([{ property: 'note', before: null, after: JSON.stringify('ghi chú thử') }]);
    expect(removed).toMatchObject({ actor: 'unknown', operation: 'unknown' });
    expect(removed?.properties).toEqual([{ property: 'note', before: JSON.stringify('ghi chú thử'), after: null }]);
  });

  it('gives consumers every change after a cursor, whole transactions in commit order', async () => {
    const start = await revisionsSince(api.graph, 0, 1_000_000);
    await api.graph.write(
      'MATCH (f:Field {id: $id}) SET f.summary = $s',
      { id: PARENT, s: 'Tóm tắt thử' },
      { actor: 'tests', operation: 'test:cursor' },
    );
    const next = await revisionsSince(api.graph, start.cursor);
    expect(next.revisions.map((r) => [r.entityId, r.operation])).toEqual([[PARENT, 'test:cursor']]);
    expect(next.cursor).toBeGreaterThan(start.cursor);
    expect((await revisionsSince(api.graph, next.cursor)).revisions).toEqual([]);
    await api.graph.write(
      'MATCH (f:Field {id: $id}) REMOVE f.summary',
      { id: PARENT },
      { actor: 'tests', operation: 'test:cleanup' },
    );
  });
});

describe('revert', () => {
  it('undoes an update as a new write, recorded with operation revert', async () => {
    await api.graph.write(
      'MATCH (f:Field {id: $id}) SET f.nameEn = $v',
      { id: PARENT, v: 'Rescue (test)' },
      { actor: 'tests', operation: 'test:setup' },
    );
    const [changed] = await history(PARENT, editor);
    const { body } = await api.graphql(REVERT, { id: changed!.id }, editor);
    expect(body.errors).toBeUndefined();
    expect(body.data?.revert.revision).toMatchObject({
      change: 'UPDATE',
      operation: 'revert',
      revertOf: changed!.id,
      actor: 'test-editor',
      properties: [{ property: 'nameEn', before: JSON.stringify('Rescue (test)'), after: changed!.properties[0]!.before }],
    });
    const [row] = await api.graph.read('MATCH (f:Field {id: $id}) RETURN f.nameEn AS nameEn', { id: PARENT });
    expect(row?.nameEn ?? null).toBe(changed!.properties[0]!.before === null ? null : JSON.parse(changed!.properties[0]!.before));
  });

  it('undoes a relationship creation', async () => {
    const person = 'person:luu-minh-thuc';
    const connect = await api.graphql(
      `mutation($sources: [String!]!) { updatePeople(where: { id: { eq: "${person}" } }, update: { activeIn: [{ connect: [{ where: { node: { id: { eq: "field:lifesaving" } } }, edge: { sources: $sources, confidence: UNVERIFIED } }] }] }) { people { id } } }`,
      { sources: SOURCES },
      editor,
    );
    expect(connect.body.errors).toBeUndefined();
    const count = async () =>
      Number(
        (
          await api.graph.read('MATCH (:Person {id: $p})-[r:ACTIVE_IN]->(:Field {id: "field:lifesaving"}) RETURN count(r) AS n', {
            p: person,
          })
        )[0]?.n,
      );
    const before = await count();
    const [added] = await history(person, editor);
    expect(added?.relationships).toEqual([
      expect.objectContaining({ change: 'ADDED', type: 'ACTIVE_IN', otherId: 'field:lifesaving' }),
    ]);
    const { body } = await api.graphql(REVERT, { id: added!.id }, editor);
    expect(body.errors).toBeUndefined();
    expect(body.data?.revert.revision.relationships).toEqual([
      { change: 'REMOVED', type: 'ACTIVE_IN', otherId: 'field:lifesaving' },
    ]);
    expect(await count()).toBe(before - 1);
  });

  it('refuses, naming the property, when the same property changed after the revision; nothing is written', async () => {
    await api.graph.write(
      'MATCH (f:Field {id: $id}) SET f.nameEn = $v',
      { id: PARENT, v: 'First (test)' },
      { actor: 'tests', operation: 'test:setup' },
    );
    const [first] = await history(PARENT, editor);
    await api.graph.write(
      'MATCH (f:Field {id: $id}) SET f.nameEn = $v',
      { id: PARENT, v: 'Second (test)' },
      { actor: 'tests', operation: 'test:setup' },
    );
    const { body } = await api.graphql(REVERT, { id: first!.id }, editor);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'revisionId', value: first!.id });
    expect(body.errors?.[0]?.message).toMatch(/Field\.nameEn changed after this revision/);
    const [row] = await api.graph.read('MATCH (f:Field {id: $id}) RETURN f.nameEn AS nameEn', { id: PARENT });
    expect(row?.nameEn).toBe('Second (test)');
    const seeded = seedRecords('fields.json').find((f) => f.id === PARENT)?.nameEn as string;
    await api.graph.write(
      'MATCH (f:Field {id: $id}) SET f.nameEn = $v',
      { id: PARENT, v: seeded },
      { actor: 'tests', operation: 'test:cleanup' },
    );
  });

  it('is for editors only, and answers NOT_FOUND for an unknown revision', async () => {
    const [any] = await history(PARENT, editor);
    expect((await api.graphql(REVERT, { id: any!.id })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.graphql(REVERT, { id: any!.id }, await signToken(['reader']))).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.graphql(REVERT, { id: 'revision:none' }, editor)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
