import { MOVEMENT_IMPACT_CYPHER } from '../../src/analytics/movement/movementImpact';
import { rootFieldDocument } from './autoDocument';
import type { BenchContext, BenchOperation, Target, Variables } from './operation';
import { exactSearches, typoSearches } from './searchVariables';

/** The targets (docs/ARCHITECTURE.md); the latency ones are stated for L (1M nodes, 5M relationships). */
const SEARCH: readonly Target[] = [{ kind: 'latency', stat: 'p99', connections: 1, maxMs: 30, size: 'L' }];
const RELATED: readonly Target[] = [
  { kind: 'latency', stat: 'p99', connections: 1, maxMs: 50, size: 'L' },
  { kind: 'throughput', connections: 8, minRps: 200, size: 'L' },
];

const SEARCH_DOCUMENT = `query Search($query: String!, $kinds: [EntityKind!], $limit: Int) {
  search(query: $query, kinds: $kinds, limit: $limit) { id kind name score matchedOn exact why }
}`;

/** Exemplars to relate: people, and some collectives. */
async function exemplarIds(context: BenchContext): Promise<Variables[]> {
  const ids = [
    ...(await context.randomIds('Person', 'person:', 30)),
    ...(await context.randomIds('Collective', 'collective:', 10)),
  ];
  return ids.map((id) => ({ id }));
}

/** Entities stories are related to: stories themselves, people and events. */
async function storyAnchors(context: BenchContext): Promise<Variables[]> {
  const ids = [
    ...(await context.randomIds('Story', 'story:', 20)),
    ...(await context.randomIds('Person', 'person:', 10)),
    ...(await context.randomIds('Event', 'event:', 10)),
  ];
  return ids.map((id) => ({ id }));
}

const RELATED_STORIES_DOCUMENT = `query RelatedStories($id: ID!) { relatedStories(id: $id, limit: 10) { id score } }`;
const widgetPath = (v: Variables) => `/widget/related-stories?entity=${encodeURIComponent(String(v.id))}&limit=5`;
/** A request for an answer computed now, not one the API kept (src/server/freshAnswer.ts). */
const FRESH = { 'cache-control': 'no-cache' } as const;

const PERIOD = { from: '2019-01-01', to: '2025-12-31' };
/** Fields that list the nodes behind a figure (traceability), left out of the analysis documents. */
const TRACE_LISTS = ['ids', 'nodeIds'];

/** Periods of whole months that cut years: a quarter, and 18 months. */
const MONTH_PERIODS = [
  { from: '2024-04-01', to: '2024-06-30' },
  { from: '2023-07-01', to: '2024-12-31' },
] as const;

/**
 * The dashboard document: a dashboard panel shows the figures; the ids behind them, and the list of
 * what has no usable date (`undated`, its own live statement), are fetched on drill-down only.
 */
function dashboardDocument(schema: Parameters<typeof rootFieldDocument>[0]): ReturnType<typeof rootFieldDocument> {
  return rootFieldDocument(schema, 'fieldDashboard', ['field', 'fieldId', 'place', 'placeId', 'from', 'to'], {
    omit: [...TRACE_LISTS, 'undated'],
  });
}

/** Given the bench context and a period per set, returns 12 sets: the 12 largest fields (hubs first), every other one with a random province. */
async function dashboardVariables(
  context: BenchContext,
  periodOf: (i: number) => { readonly from: string; readonly to: string },
): Promise<Variables[]> {
  const fields = await context.read(
    'MATCH (f:Field)<-[:ACTIVE_IN]-() RETURN f.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 12',
  );
  const provinces = await context.randomIds('Place', 'place:syn-p', 12);
  return fields.map((row, i) => ({
    field: row.id,
    fieldId: row.id,
    ...(i % 2 === 0 ? { place: provinces[i], placeId: provinces[i] } : {}),
    ...periodOf(i),
  }));
}

/**
 * Every operation the bench measures, in the order it runs them. To add one, add an entry: the
 * harness checks it is in the schema, builds the variables, captures the API's statements as the
 * raw-driver baseline, and holds it to its targets and to the common ones (API/raw p50 and round
 * trips).
 */
export const OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'search',
    what: 'full-text search: names with and without diacritics, half-marked, prefixes, title words; a third limited to PERSON',
    needs: { queryField: 'search' },
    document: SEARCH_DOCUMENT,
    prepare: exactSearches,
    targets: SEARCH,
  },
  {
    name: 'search (typo)',
    what: 'full-text search with one wrong letter in a word of four letters or more (fuzzy terms)',
    needs: { queryField: 'search' },
    document: SEARCH_DOCUMENT,
    prepare: typoSearches,
    targets: SEARCH,
  },
  {
    name: 'places (generated)',
    what: '@neo4j/graphql generated read: a province or district by id with 10 of its parts',
    needs: { queryField: 'places' },
    document: `query PlaceParts($id: ID!) { places(where: { id: { eq: $id } }) { name parts(limit: 10) { name } } }`,
    async prepare(context) {
      const ids = [
        ...(await context.randomIds('Place', 'place:syn-p', 10)),
        ...(await context.randomIds('Place', 'place:syn-d', 20)),
      ];
      return ids.map((id) => ({ id }));
    },
    targets: [],
  },
  {
    name: 'relatedExemplars',
    what: 'exemplars like a person or collective, with reasons (issue 3)',
    needs: { queryField: 'relatedExemplars' },
    document: `query Related($id: ID!) { relatedExemplars(id: $id, limit: 10) { id score reasons { relation } } }`,
    prepare: exemplarIds,
    targets: RELATED,
  },
  {
    name: 'relatedStories',
    what: 'stories related to a story, person or event (issue 3); answers kept for the graph version, as readers of an article ask again',
    needs: { queryField: 'relatedStories' },
    document: RELATED_STORIES_DOCUMENT,
    prepare: storyAnchors,
    targets: RELATED,
  },
  {
    name: 'relatedStories (computed)',
    what: 'the same, every answer computed (Cache-Control: no-cache): what a first reader or the first request after an edit costs',
    needs: { queryField: 'relatedStories' },
    document: RELATED_STORIES_DOCUMENT,
    headers: FRESH,
    prepare: storyAnchors,
    targets: RELATED,
  },
  {
    name: 'widget related-stories',
    what: 'the widget read endpoint, GET /widget/related-stories (issue 3); held to the relatedStories targets',
    needs: { route: '/widget/related-stories' },
    path: widgetPath,
    prepare: storyAnchors,
    targets: RELATED,
  },
  {
    name: 'widget related-stories (computed)',
    what: 'the same, every answer computed (Cache-Control: no-cache)',
    needs: { route: '/widget/related-stories' },
    path: widgetPath,
    headers: FRESH,
    prepare: storyAnchors,
    targets: RELATED,
  },
  {
    name: 'fieldDashboard',
    what: 'dashboard panels for a field (hubs included) and a province over a period (issue 4)',
    needs: { queryField: 'fieldDashboard' },
    document: dashboardDocument,
    prepare: (context) => dashboardVariables(context, () => PERIOD),
    // One round trip per panel is the design (issue 4), so no round-trip verdict here.
    maxRoundTrips: null,
    targets: [{ kind: 'latency', stat: 'p95', connections: 1, maxMs: 150, size: 'L' }],
  },
  {
    name: 'fieldDashboard (months)',
    what: 'the same dashboards over periods of whole months that cut years (a quarter, 18 months), read from the month cells (issue 4)',
    needs: { queryField: 'fieldDashboard' },
    document: dashboardDocument,
    prepare: (context) => dashboardVariables(context, (i) => (i % 4 < 2 ? MONTH_PERIODS[0] : MONTH_PERIODS[1])),
    maxRoundTrips: null,
    targets: [{ kind: 'latency', stat: 'p95', connections: 1, maxMs: 150, size: 'L' }],
  },
  {
    name: 'movementImpact',
    what: "a movement's impact over a period (issues 4, 12): 6 national and 14 provincial movements, answered from their kept bases (read once each before the phases), as a dashboard panel asks: the top 20 replications and top 50 places with their exact totals",
    needs: { queryField: 'movementImpact' },
    document: (schema) =>
      rootFieldDocument(schema, 'movementImpact', ['id', 'movementId', 'from', 'to', 'replicationFirst', 'placesFirst'], {
        omit: TRACE_LISTS,
      }),
    async prepare(context) {
      const ids = [
        ...(await context.randomIds('Movement', 'movement:syn-n', 6)),
        ...(await context.randomIds('Movement', 'movement:syn-p', 14)),
      ];
      return ids.map((id) => ({ id, movementId: id, ...PERIOD, replicationFirst: 20, placesFirst: 50 }));
    },
    // The API answers from bases kept in its process (one small round trip per request), so the
    // statements it sends are not the work; the baseline is the statement it ran for every request
    // before (the movement's facts for the period, read live), which a client of the raw database
    // would run, and which still leaves the summary to the client.
    baseline: {
      cypher: MOVEMENT_IMPACT_CYPHER,
      params: (v) => ({ id: v.id, from: v.from, to: v.to }),
    },
    maxRoundTrips: null,
    targets: [{ kind: 'latency', stat: 'p95', connections: 1, maxMs: 500, size: 'L' }],
  },
  {
    name: 'influenceNetwork',
    what: 'a bounded subgraph around an exemplar with centrality and communities (issue 4); no DESIGN latency target',
    needs: { queryField: 'influenceNetwork' },
    document: (schema) => rootFieldDocument(schema, 'influenceNetwork', ['ids', 'depth', 'limit']),
    async prepare(context) {
      return (await context.randomIds('Person', 'person:', 20)).map((id) => ({ ids: [id], depth: 2, limit: 200 }));
    },
    targets: [],
  },
];
