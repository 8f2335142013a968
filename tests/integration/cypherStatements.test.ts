import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_CYPHER } from '../../src/analytics/search/search';
import { connectionPathCypher } from '../../src/analytics/path/connectionPath';
import { CENTRAL_EXEMPLARS_CYPHER } from '../../src/analytics/network/centralExemplars';
import { subgraphCypher } from '../../src/analytics/network/influenceSubgraph';
import { FACET_CAP, NODE_FACETS_CYPHER } from '../../src/analytics/network/nodeFacets';
import { VIEW_SUBGRAPH_CYPHER } from '../../src/analytics/network/viewNetwork';
import { RELATIONSHIP_TYPES } from '../../src/domain/relationships';
import { SEARCH_INDEX } from '../../src/migrations/migrate';
import type { Graph } from '../../src/neo4j/createGraph';
import { CYPHER_FILES, documentedParameters, statementBody } from '../support/cypherFiles';
import { writeTriggers } from '../../src/writes/installWriteTriggers';
import { testGraph } from '../support/testDatabase';

/**
 * Every .cypher file is planned by the real Neo4j (EXPLAIN: planned, not run) with the parameters
 * its header documents, evaluated by the database as Neo4j Browser's :param would; so is each
 * statement still built in TypeScript, at the sizes the API builds.
 */
let graph: Graph;
beforeAll(() => {
  graph = testGraph();
});
afterAll(() => graph.close());

/** Given `:param` lines (name → Cypher expression), returns their values as the database evaluates them. */
async function evaluate(params: Map<string, string>): Promise<Record<string, unknown>> {
  if (params.size === 0) return {};
  const map = [...params].map(([name, expression]) => `\`${name}\`: ${expression}`).join(', ');
  const [row] = await graph.read(`RETURN {${map}} AS params`);
  return row?.params as Record<string, unknown>;
}

describe('the .cypher statements', () => {
  it.each(CYPHER_FILES.map((file) => [path.relative(process.cwd(), file), file]))(
    '%s is planned by Neo4j',
    async (_name, file) => {
      const text = fs.readFileSync(file, 'utf8');
      const params = await evaluate(documentedParameters(text));
      // A write transaction, so a statement that writes (switchCube) is planned as it will run.
      await expect(graph.write(`EXPLAIN ${statementBody(text)}`, params)).resolves.toEqual([]);
    },
  );
});

describe('the statements built in TypeScript', () => {
  it.each([
    ['search', SEARCH_CYPHER, { index: SEARCH_INDEX, lucene: '+(pai^4)', kinds: null, limit: 10, fetch: 10 }],
    [
      'connectionPath (6 hops)',
      connectionPathCypher(6),
      { fromId: 'person:luu-minh-thuc', toId: 'event:pai-lung-sinkhole-rescue-2023', viaStories: false },
    ],
    [
      'influenceSubgraph (depth 3)',
      subgraphCypher(3),
      {
        ids: ['person:luu-minh-thuc'],
        field: null,
        place: null,
        types: RELATIONSHIP_TYPES,
        fanout: 50,
        limit: 200,
        levelCap: 600,
      },
    ],
    ['viewNetwork', VIEW_SUBGRAPH_CYPHER, { ids: ['person:luu-minh-thuc'], types: RELATIONSHIP_TYPES }],
    ['nodeFacets', NODE_FACETS_CYPHER, { ids: ['event:pai-lung-sinkhole-rescue-2023'], cap: FACET_CAP }],
    ['centralExemplars', CENTRAL_EXEMPLARS_CYPHER, { types: RELATIONSHIP_TYPES, limit: 8 }],
  ])('%s is planned by Neo4j', async (_name, statement, params) => {
    await expect(graph.read(`EXPLAIN ${statement}`, params)).resolves.toEqual([]);
  });
});

describe('the write triggers (src/writes)', () => {
  const empty = { createdNodes: [], createdRelationships: [], deletedNodes: [], deletedRelationships: [] };
  const maps = {
    assignedLabels: {},
    removedLabels: {},
    assignedNodeProperties: {},
    removedNodeProperties: {},
    assignedRelationshipProperties: {},
    removedRelationshipProperties: {},
    metaData: {},
  };
  it.each(writeTriggers().map((t) => [t.name, t]))(
    '%s, and the statement it runs, are planned by Neo4j',
    async (_name, trigger) => {
      const { statement: inner, ...rules } = trigger.params;
      await expect(graph.write(`EXPLAIN ${String(inner)}`, { tx: { ...empty, ...maps }, ...rules })).resolves.toEqual([]);
      await expect(graph.write(`EXPLAIN ${trigger.statement}`, { ...empty, ...maps, ...trigger.params })).resolves.toEqual([]);
    },
  );
});
