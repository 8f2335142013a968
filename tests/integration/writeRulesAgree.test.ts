import { ENTITY_LABEL, type Label } from '../../src/domain/labels';
import { isPartialDate, cypherIsPartialDate } from '../../src/domain/partialDate';
import { importDataset, nodeProperties } from '../../src/importer/importDataset';
import { SEED_DIR } from '../../src/importer/loadSeeds';
import { readSeedDirectory } from '../../src/importer/readSeedDirectory';
import { NODE_SCHEMAS, RelationshipSchema } from '../../src/importer/seedSchema';
import { validateDataset, SEED_FILES, type RawFile } from '../../src/importer/validateDataset';
import { cypherFoldDiacritics, foldDiacritics } from '../../src/text/foldDiacritics';
import { BadInputError } from '../../src/errors/domainErrors';
import { DATE_PROPERTIES } from '../../src/domain/relationships';
import { toNeo4jDate } from '../../src/neo4j/values';
import {
  cypherDomainLabels,
  cypherNodeProblems,
  cypherRelationshipProblems,
  validationRules,
} from '../../src/writes/renderValidationTrigger';
import { testGraph } from '../support/testDatabase';

/**
 * The importer's zod schemas and the database's write trigger are both rendered from
 * src/domain/properties.ts; this checks they say the same thing: every seed record passes both,
 * and each record of a labelled bad set (one broken rule each, the reason beside it) is refused
 * by both, on the same property. The trigger's checks run here on the records as maps, exactly
 * the expressions the trigger runs on nodes.
 */
const graph = testGraph();
afterAll(() => graph.close());

const dataset = readSeedDirectory(SEED_DIR);
const RULES = validationRules();

const NODE_CHECK = `WITH $nodeRules AS rules
UNWIND $rows AS row
WITH rules, row.key AS key, row.props AS n, row.labels AS labels
WITH rules, key, n, labels, ${cypherDomainLabels('labels')} AS domain
RETURN key, [p IN ${cypherNodeProblems('n', 'labels', 'domain', 'rules')} | p.owner + '.' + p.property] AS problems`;

const RELATIONSHIP_CHECK = `WITH $relationshipRules AS rules
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
WITH rules, row.key AS key, row.props AS r, row.type AS type, a, b
WITH rules, key, r, type, a, b, head(${cypherDomainLabels('labels(a)')}) AS fromLabel, head(${cypherDomainLabels('labels(b)')}) AS toLabel
RETURN key, [p IN ${cypherRelationshipProblems({ r: 'r', type: 'type', a: 'a', b: 'b', fromLabel: 'fromLabel', toLabel: 'toLabel', rules: 'rules' })} | p.owner + '.' + p.property] AS problems`;

/** Given a record as the seed files write it, returns it as stored: dates as Neo4j Dates (the importer's conversion). */
function asStored(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      DATE_PROPERTIES.has(k) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDay(v) ? toNeo4jDate(v) : v,
    ]),
  );
}
function isRealDay(day: string): boolean {
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

async function triggerProblems(
  rows: { key: string; label: Label; record: Record<string, unknown> }[],
): Promise<Map<string, string[]>> {
  const result = await graph.read(NODE_CHECK, {
    nodeRules: RULES.nodeRules,
    rows: rows.map((r) => ({ key: r.key, labels: [r.label, ENTITY_LABEL], props: asStored(r.record) })),
  });
  return new Map(result.map((row) => [String(row.key), row.problems as string[]]));
}

describe('the importer (zod) and the write trigger (Cypher)', () => {
  it('accept every seed node record', async () => {
    for (const node of dataset.nodes) {
      expect({ id: node.record.id, ok: NODE_SCHEMAS[node.label].safeParse(node.record).success }).toEqual({
        id: node.record.id,
        ok: true,
      });
    }
    const problems = await triggerProblems(
      dataset.nodes.map((n) => ({ key: n.record.id, label: n.label, record: nodeProperties(n) })),
    );
    expect(problems.size).toBe(dataset.nodes.length);
    expect([...problems].filter(([, list]) => list.length > 0)).toEqual([]);
  });

  it('accept every seed relationship', async () => {
    for (const rel of dataset.relationships) expect(RelationshipSchema.safeParse(rel).success).toBe(true);
    const rows = dataset.relationships.map((r, i) => {
      const { type, from, to, ...props } = r;
      return { key: String(i), type, from, to, props: asStored(props) };
    });
    const result = await graph.read(RELATIONSHIP_CHECK, { rows, relationshipRules: RULES.relationshipRules });
    expect(result).toHaveLength(rows.length);
    expect(result.filter((row) => (row.problems as string[]).length > 0)).toEqual([]);
  });

  /** Each record breaks one rule, named by the property both must refuse. */
  const place = {
    id: 'place:test-agree',
    name: 'xã Thử',
    level: 'COMMUNE',
    sources: ['story:seed-article'],
    confidence: 'CONFIRMED',
  };
  const story = {
    id: 'story:test-agree',
    name: 'Bài thử',
    title: 'Bài thử',
    channel: 'NEWS',
    sources: ['https://example.org/a'],
    confidence: 'SINGLE_SOURCE',
  };
  const person = { id: 'person:test-agree', name: 'Người thử', sources: ['story:seed-article'], confidence: 'UNVERIFIED' };
  const award = {
    id: 'award:test-agree',
    name: 'Bằng khen thử',
    form: 'BANG_KHEN',
    category: 'STATE',
    recipientsResolved: true,
    sources: ['story:seed-article'],
    confidence: 'CONFIRMED',
  };
  const event = {
    id: 'event:test-agree',
    name: 'Sự kiện thử',
    kind: 'RESCUE',
    sources: ['story:seed-article'],
    confidence: 'CONFIRMED',
  };
  const BAD: { why: string; label: Label; record: Record<string, unknown>; property: string }[] = [
    {
      why: 'month 13 does not exist',
      label: 'Story',
      record: { ...story, publishedPeriod: '2023-13' },
      property: 'publishedPeriod',
    },
    {
      why: '30 February does not exist',
      label: 'Story',
      record: { ...story, publishedPeriod: '2023-02-30' },
      property: 'publishedPeriod',
    },
    {
      why: 'a Person id needs the person: prefix',
      label: 'Person',
      record: { ...person, id: 'agency:test-agree' },
      property: 'id',
    },
    { why: 'ids are kebab slugs', label: 'Person', record: { ...person, id: 'person:Test Agree' }, property: 'id' },
    { why: 'HAMLET is not a PlaceLevel', label: 'Place', record: { ...place, level: 'HAMLET' }, property: 'level' },
    { why: 'a fact needs a source', label: 'Place', record: { ...place, sources: [] }, property: 'sources' },
    {
      why: 'a source is a story id or an http(s) URL',
      label: 'Place',
      record: { ...place, sources: ['somewhere'] },
      property: 'sources',
    },
    { why: 'PROBABLY is not a Confidence', label: 'Place', record: { ...place, confidence: 'PROBABLY' }, property: 'confidence' },
    { why: 'names are stored NFC', label: 'Place', record: { ...place, name: 'xã Pải Lủng'.normalize('NFD') }, property: 'name' },
    { why: 'a blank name is no name', label: 'Place', record: { ...place, name: '   ' }, property: 'name' },
    { why: 'an Event needs its kind', label: 'Event', record: { ...event, kind: undefined }, property: 'kind' },
    { why: 'an award year before 1900 is out of range', label: 'Award', record: { ...award, year: 1800 }, property: 'year' },
    { why: 'unknown properties are refused', label: 'Place', record: { ...place, colour: 'red' }, property: 'colour' },
    { why: 'a URL is http(s)', label: 'Story', record: { ...story, url: 'ftp://example.org/a' }, property: 'url' },
    {
      why: 'a Collective needs its kind',
      label: 'Collective',
      record: { id: 'collective:test-agree', name: 'Tổ thử', sources: ['story:seed-article'], confidence: 'CONFIRMED' },
      property: 'kind',
    },
  ];

  it.each(BAD)('both refuse a record where $why', async ({ label, record, property }) => {
    const clean = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
    const parsed = NODE_SCHEMAS[label].safeParse(clean);
    expect(parsed.success).toBe(false);
    const zodPaths = parsed.success
      ? []
      : parsed.error.issues.map((i) => (i.path.length > 0 ? String(i.path[0]) : String((i as { keys?: string[] }).keys?.[0])));
    expect(zodPaths).toContain(property);
    const problems = await triggerProblems([{ key: 'bad', label, record: clean }]);
    expect(problems.get('bad')).toContain(`${label}.${property}`);
  });

  it('both refuse relationships of the wrong ends, properties or provenance', async () => {
    const cases = [
      {
        type: 'OCCURRED_IN',
        from: 'place:xa-pai-lung',
        to: 'event:pai-lung-sinkhole-rescue-2023',
        props: { sources: ['story:seed-article'], confidence: 'CONFIRMED' },
        property: 'from',
      },
      {
        type: 'PART_OF',
        from: 'place:xa-pai-lung',
        to: 'agency:pc07-ha-giang',
        props: { sources: ['story:seed-article'], confidence: 'CONFIRMED' },
        property: 'to',
      },
      {
        type: 'SUCCEEDED_BY',
        from: 'place:xa-pai-lung',
        to: 'place:xa-pai-lung',
        props: { sources: ['story:seed-article'], confidence: 'CONFIRMED' },
        property: 'date',
      },
      {
        type: 'FEATURES',
        from: 'story:seed-article',
        to: 'place:xa-pai-lung',
        props: { sources: [], confidence: 'CONFIRMED', role: 'x' },
        property: 'sources',
      },
    ];
    const files: RawFile[] = Object.entries(SEED_FILES).map(([label, file]) => ({
      file,
      label: label as RawFile['label'],
      content: label === 'relationships' ? [] : dataset.nodes.filter((n) => n.label === label).map((n) => n.record),
    }));
    for (const c of cases) {
      const relationships = files.find((f) => f.label === 'relationships')!;
      const withCase = files.map((f) =>
        f === relationships ? { ...f, content: [{ type: c.type, from: c.from, to: c.to, ...c.props }] } : f,
      );
      expect(() => validateDataset(withCase)).toThrow(new RegExp(`\\[0\\]\\.${c.property}`));
      const result = await graph.read(RELATIONSHIP_CHECK, {
        relationshipRules: RULES.relationshipRules,
        rows: [{ key: 'bad', type: c.type, from: c.from, to: c.to, props: c.props }],
      });
      expect(result[0]?.problems).toContain(`${c.type}.${c.property}`);
    }
  });

  it('fold every seed name and alias the same way (nameAscii, aliasesText)', async () => {
    const texts = [
      ...new Set(dataset.nodes.flatMap((n) => [String(n.record.name), ...((n.record.aliases as string[] | undefined) ?? [])])),
    ];
    const rows = await graph.read(`UNWIND $texts AS t RETURN t, ${cypherFoldDiacritics('t')} AS folded`, { texts });
    const differ = rows.filter((row) => row.folded !== foldDiacritics(String(row.t)));
    expect(differ).toEqual([]);
    expect(rows).toHaveLength(texts.length);
  });

  it('read partial dates by one rule', async () => {
    const values = [
      '2023',
      '2023-04',
      '2023-04-03',
      '2024-02-29',
      '2023-02-29',
      '2023-13',
      '2023-00',
      '2023-4',
      '20230',
      'spring 2020',
      '1900-02-29',
      '2000-02-29',
    ];
    const rows = await graph.read(`UNWIND $values AS v RETURN v, ${cypherIsPartialDate('v')} AS ok`, { values });
    expect(rows.map((r) => [r.v, r.ok])).toEqual(values.map((v) => [v, isPartialDate(v)]));
    expect(values.filter(isPartialDate)).toEqual(['2023', '2023-04', '2023-04-03', '2024-02-29', '2000-02-29']);
  });
});

describe('the trigger on the importer path', () => {
  it('refuses a seed record zod would refuse even when zod is skipped, naming the field', async () => {
    const bad = {
      label: 'Story' as const,
      record: {
        ...{
          id: 'story:test-agree-direct',
          name: 'Bài',
          title: 'Bài',
          channel: 'NEWS',
          sources: ['https://example.org/a'],
          confidence: 'SINGLE_SOURCE',
        },
        publishedPeriod: '2023-13',
      },
    };
    const write = importDataset(
      graph,
      { nodes: [bad], relationships: [] },
      { metadata: { actor: 'tests', operation: 'test:import' } },
    );
    await expect(write).rejects.toBeInstanceOf(BadInputError);
    await expect(write).rejects.toMatchObject({ argument: 'Story.publishedPeriod', value: '2023-13' });
  });
});
