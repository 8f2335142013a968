import { isIsoDay, isPartialDate } from '../../src/domain/partialDate';
import { BadInputError } from '../../src/errors/domainErrors';
import { fromTriggerRefusal, REFUSAL_MARKER } from '../../src/neo4j/triggerRefusal';
import { fromDriverError } from '../../src/neo4j/driverErrors';
import { planRevert, type CurrentEntity } from '../../src/writes/planRevert';
import { renderRevisionTrigger } from '../../src/writes/renderRevisionTrigger';
import { renderValidationTrigger, validationRules } from '../../src/writes/renderValidationTrigger';
import { writeTriggers } from '../../src/writes/installWriteTriggers';
import type { Revision } from '../../src/writes/revisionLayout';
import { revisionForApi } from '../../src/writes/revisionForApi';
import { DOMAIN_LABELS } from '../../src/domain/labels';
import { RELATIONSHIP_TYPES } from '../../src/domain/relationships';

describe('partial dates (domain/partialDate.ts)', () => {
  it.each<[string, boolean, string?]>([
    ['2023', true],
    ['2023-04', true],
    ['2023-04-03', true],
    ['2024-02-29', true, 'a leap day'],
    ['2000-02-29', true, '2000 is a leap year'],
    ['1900-02-29', false, '1900 is not'],
    ['2023-02-29', false, 'not a leap year'],
    ['2023-13', false, 'month 13'],
    ['2023-00', false, 'month 0'],
    ['2023-4', false, 'one-digit month'],
    ['2023-04-31', false, 'April has 30 days'],
    ['spring 2020', false, 'words'],
  ])('%s is a partial date: %s', (value, expected) => {
    expect(isPartialDate(value)).toBe(expected);
  });

  it('tells calendar days apart from other text', () => {
    expect(isIsoDay('2023-04-03')).toBe(true);
    expect(isIsoDay('2023-04')).toBe(false);
    expect(isIsoDay(20230403)).toBe(false);
  });
});

describe('a refusal by the write trigger', () => {
  const problems = [
    {
      entity: 'story:x',
      owner: 'Story',
      property: 'publishedPeriod',
      value: '2023-13',
      why: 'must be YYYY, YYYY-MM or YYYY-MM-DD',
    },
    { entity: 'story:x', owner: 'Story', property: 'colour', value: 'red', why: 'is not a property of Story' },
  ];
  const encoded = Buffer.from(JSON.stringify(problems)).toString('base64');
  const driverError = Object.assign(
    new Error(`Error executing triggers {exemplar_validate=Failed: Write refused: … [${REFUSAL_MARKER}:${encoded}:]}`),
    {
      code: 'Neo.ClientError.Transaction.TransactionHookFailed',
    },
  );

  it('becomes BAD_USER_INPUT naming the first field and its value, listing the others', () => {
    const error = fromTriggerRefusal(driverError);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error?.details).toEqual({ argumentName: 'Story.publishedPeriod', value: '2023-13' });
    expect(error?.message).toMatch(/nothing was written\. Also: Story\.colour of story:x "red": is not a property of Story/);
    expect(fromDriverError(driverError)).toBeInstanceOf(BadInputError);
  });

  it('is told apart from other hook failures and other errors', () => {
    expect(
      fromTriggerRefusal(Object.assign(new Error('Error executing triggers {x=boom}'), { code: driverError.code })),
    ).toBeUndefined();
    expect(
      fromTriggerRefusal(Object.assign(new Error(driverError.message), { code: 'Neo.ClientError.Statement.SyntaxError' })),
    ).toBeUndefined();
    expect(fromTriggerRefusal(new Error(driverError.message))).toBeUndefined();
  });
});

describe('the write triggers', () => {
  it('are rendered from the domain model: the rules of every label and relationship type, stable from run to run', () => {
    const rules = validationRules();
    expect(Object.keys(rules.nodeRules)).toEqual([...DOMAIN_LABELS]);
    expect(Object.keys(rules.relationshipRules)).toEqual(RELATIONSHIP_TYPES);
    expect(rules.nodeRules.Story?.publishedPeriod).toEqual({
      kind: 'partialDate',
      required: false,
      why: expect.stringMatching(/YYYY-MM/),
    });
    expect(rules.nodeRules.Person?.id).toMatchObject({ kind: 'id', required: true, pattern: 'person:[a-z0-9]+(-[a-z0-9]+)*' });
    expect(renderValidationTrigger()).toBe(renderValidationTrigger());
    expect(renderRevisionTrigger()).toBe(renderRevisionTrigger());
  });

  it('are installed as a short call passing the changes in one map, naming a version of what they run', () => {
    const [validate, revisions] = writeTriggers();
    for (const trigger of [validate!, revisions!]) {
      expect(trigger.statement).toMatch(/^\/\/ exemplar-graph write trigger exemplar_\w+ [0-9a-f]{16}:/);
      expect(trigger.statement).toContain('CALL apoc.cypher.doIt($statement, {tx: {createdNodes: $createdNodes');
      expect(String(trigger.params.statement)).not.toMatch(/\$(createdNodes|metaData)\b/);
      expect(String(trigger.params.statement)).toContain('$tx.assignedLabels');
    }
    expect(validate!.params.nodeRules).toEqual(validationRules().nodeRules);
  });

  it('skip only a bench-only bulk load and the cube job’s system writes, before running anything', () => {
    for (const trigger of writeTriggers()) {
      expect(trigger.statement).toContain(
        'WHERE NOT coalesce(meta.benchBulkLoad = true OR meta.systemWrite = true, false)\nCALL apoc.cypher.doIt',
      );
    }
  });
});

const base: Revision = {
  id: 'revision:1',
  tx: 7,
  at: '2026-01-01T00:00:00Z',
  actor: 'editor-a',
  operation: 'graphql:updateFields',
  source: null,
  requestId: 'r1',
  revertOf: null,
  entityId: 'field:x',
  entityLabel: 'Field',
  change: 'UPDATE',
  before: { name: 'Cũ', note: null },
  after: { name: 'Mới', note: 'ghi chú' },
  relationships: [],
};
const now = (properties: Record<string, unknown> | null, extra: Partial<CurrentEntity> = {}): CurrentEntity => ({
  properties,
  degree: 0,
  relationships: [],
  existingOthers: [],
  ...extra,
});

describe('planRevert', () => {
  it('sets back every property an update changed, removing those it added', () => {
    expect(planRevert(base, now({ id: 'field:x', name: 'Mới', note: 'ghi chú' }))).toEqual({
      ok: true,
      steps: [{ kind: 'setProperties', properties: { name: 'Cũ', note: null } }],
    });
  });

  it('refuses when one of those properties changed since, naming it, its value now and the one the revision left', () => {
    const plan = planRevert(base, now({ id: 'field:x', name: 'Khác', note: 'ghi chú' }));
    expect(plan).toEqual({
      ok: false,
      conflicts: ['Field.name changed after this revision (it is "Khác", the revision left "Mới")'],
    });
  });

  it('ignores changes since to other properties', () => {
    expect(planRevert(base, now({ id: 'field:x', name: 'Mới', note: 'ghi chú', summary: 'khác' })).ok).toBe(true);
  });

  it('removes a relationship the revision added, and refuses when it was removed or changed since', () => {
    const added: Revision = {
      ...base,
      before: {},
      after: {},
      relationships: [
        {
          change: 'ADDED',
          type: 'PART_OF',
          outgoing: true,
          otherId: 'field:y',
          before: null,
          after: { sources: ['story:a'], confidence: 'CONFIRMED' },
        },
      ],
    };
    const present = {
      type: 'PART_OF' as const,
      outgoing: true,
      otherId: 'field:y',
      properties: { sources: ['story:a'], confidence: 'CONFIRMED' },
    };
    expect(planRevert(added, now({ id: 'field:x' }, { relationships: [present] }))).toEqual({
      ok: true,
      steps: [{ kind: 'deleteRelationship', type: 'PART_OF', outgoing: true, otherId: 'field:y' }],
    });
    expect(planRevert(added, now({ id: 'field:x' })).ok).toBe(false);
    const changed = { ...present, properties: { ...present.properties, confidence: 'UNVERIFIED' } };
    expect(planRevert(added, now({ id: 'field:x' }, { relationships: [changed] }))).toMatchObject({
      ok: false,
      conflicts: [expect.stringMatching(/^PART_OF\.confidence of field:x -PART_OF-> field:y changed after this revision/)],
    });
  });

  it('recreates a deleted entity with its relationships whose other ends still exist', () => {
    const deleted: Revision = {
      ...base,
      change: 'DELETE',
      before: { id: 'field:x', name: 'Cũ' },
      after: null,
      relationships: [
        {
          change: 'REMOVED',
          type: 'PART_OF',
          outgoing: true,
          otherId: 'field:y',
          before: { sources: ['story:a'], confidence: 'CONFIRMED' },
          after: null,
        },
      ],
    };
    expect(planRevert(deleted, now(null, { existingOthers: ['field:y'] }))).toEqual({
      ok: true,
      steps: [
        { kind: 'createNode', properties: { id: 'field:x', name: 'Cũ' } },
        {
          kind: 'createRelationship',
          type: 'PART_OF',
          outgoing: true,
          otherId: 'field:y',
          properties: { sources: ['story:a'], confidence: 'CONFIRMED' },
        },
      ],
    });
    expect(planRevert(deleted, now(null)).ok).toBe(false);
    expect(planRevert(deleted, now({ id: 'field:x', name: 'Mới' }, { existingOthers: ['field:y'] }))).toMatchObject({
      ok: false,
      conflicts: ['a Field with the id field:x exists again'],
    });
  });

  it('deletes a created entity only when nothing was added to it since', () => {
    const created: Revision = { ...base, change: 'CREATE', before: null, after: { id: 'field:x', name: 'Mới' } };
    expect(planRevert(created, now({ id: 'field:x', name: 'Mới' }))).toEqual({ ok: true, steps: [{ kind: 'deleteNode' }] });
    expect(planRevert(created, now({ id: 'field:x', name: 'Mới' }, { degree: 1 })).ok).toBe(false);
    expect(planRevert(created, now({ id: 'field:x', name: 'Mới', note: 'thêm' })).ok).toBe(false);
  });
});

describe('a revision as the API answers it', () => {
  it('gives values as JSON text, properties by name, and the actor to editors only', () => {
    const api = revisionForApi(base, false);
    expect(api).toMatchObject({ transaction: '7', actor: null, entityKind: 'FIELD' });
    expect(api.properties).toEqual([
      { property: 'name', before: '"Cũ"', after: '"Mới"' },
      { property: 'note', before: null, after: '"ghi chú"' },
    ]);
    expect(revisionForApi(base, true).actor).toBe('editor-a');
  });
});
