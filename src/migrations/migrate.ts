import { CUBE_CELL_LABEL, CUBE_ROOT_LABEL } from '../analytics/dashboard/cubeLayout';
import { DOMAIN_LABELS, ENTITY_LABEL } from '../domain/labels';
import { INGESTION_SCHEMA } from '../ingestion/graph/ingestionSchema';
import type { Graph } from '../neo4j/createGraph';
import { SAVED_VIEW_LABEL } from '../views/savedViews';
import { WIDGET_COUNT_LABEL } from '../web/widgetCounts';
import { anything, array, decode, object, record, string } from '../neo4j/decode';
import { installWriteTriggers, type InstallOptions, type WriteAudit } from '../writes/installWriteTriggers';
import { REVISION_CLOCK_ID, REVISION_CLOCK_LABEL, REVISION_LABEL } from '../writes/revisionLayout';

/** The full-text index behind search: names, folded names, aliases and story titles of every label. */
export const SEARCH_INDEX = 'entitySearch';
const SEARCH_PROPERTIES = ['name', 'nameAscii', 'aliasesText', 'title'];
/** Lucene's standard analyzer plus ASCII folding: "Pai Lung" and "Dang" match "Pải Lủng" and "Đặng". */
const SEARCH_ANALYZER = 'standard-folding';

function statements(): string[] {
  const constraints = [ENTITY_LABEL, ...DOMAIN_LABELS].map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  const ranges = [
    'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
    'CREATE INDEX story_published IF NOT EXISTS FOR (n:Story) ON (n.publishedAt)',
    'CREATE INDEX award_form IF NOT EXISTS FOR (n:Award) ON (n.form)',
    'CREATE INDEX place_level IF NOT EXISTS FOR (n:Place) ON (n.level)',
    // The dashboard cube (analytics/dashboard/cubeLayout.ts): cells are read by scope.
    `CREATE INDEX dashboard_cell_scope IF NOT EXISTS FOR (n:${CUBE_CELL_LABEL}) ON (n.scope)`,
    `CREATE CONSTRAINT dashboard_cube_id_unique IF NOT EXISTS FOR (n:${CUBE_ROOT_LABEL}) REQUIRE n.id IS UNIQUE`,
    // The history (writes/revisionLayout.ts): read by entity, by the commit-ordered tx number (the
    // consumers' cursor) and by request (did this mutation change anything?).
    `CREATE CONSTRAINT revision_id_unique IF NOT EXISTS FOR (n:${REVISION_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE INDEX revision_entity IF NOT EXISTS FOR (n:${REVISION_LABEL}) ON (n.entityId, n.tx)`,
    `CREATE INDEX revision_tx IF NOT EXISTS FOR (n:${REVISION_LABEL}) ON (n.tx)`,
    `CREATE INDEX revision_request IF NOT EXISTS FOR (n:${REVISION_LABEL}) ON (n.requestId)`,
    `CREATE CONSTRAINT revision_clock_id_unique IF NOT EXISTS FOR (n:${REVISION_CLOCK_LABEL}) REQUIRE n.id IS UNIQUE`,
    // Ingestion's name index, stories' text versions and proposals (src/review/reviewSchema.ts).
    ...INGESTION_SCHEMA,
    // The explorer's saved views (views/savedViews.ts): found by id, merged by name.
    `CREATE CONSTRAINT saved_view_id_unique IF NOT EXISTS FOR (n:${SAVED_VIEW_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT saved_view_name_unique IF NOT EXISTS FOR (n:${SAVED_VIEW_LABEL}) REQUIRE n.name IS UNIQUE`,
    // The widget (web/widgetCounts.ts): a page finds its story by URL; counts are merged by their
    // key (day, source, story, position, kind) and read by source and day.
    'CREATE INDEX story_url IF NOT EXISTS FOR (n:Story) ON (n.url)',
    `CREATE CONSTRAINT widget_count_key_unique IF NOT EXISTS FOR (n:${WIDGET_COUNT_LABEL}) REQUIRE n.key IS UNIQUE`,
    `CREATE INDEX widget_count_source_day IF NOT EXISTS FOR (n:${WIDGET_COUNT_LABEL}) ON (n.source, n.day)`,
  ];
  const search =
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${DOMAIN_LABELS.join('|')}) ` +
    `ON EACH [${SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
    `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${SEARCH_ANALYZER}' } }`;
  return [...constraints, ...ranges, search];
}

const decodeIndex = object<{ labelsOrTypes: string[]; properties: string[]; options: { indexConfig: Record<string, unknown> } }>({
  labelsOrTypes: array(string),
  properties: array(string),
  options: object({ indexConfig: record(anything) }),
});

/** Drops the search index when an older definition (other labels, properties or analyzer) exists. */
async function dropStaleSearchIndex(graph: Graph): Promise<void> {
  const rows = await graph.read(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name RETURN labelsOrTypes, properties, options',
    { name: SEARCH_INDEX },
  );
  if (!rows[0]) return;
  const row = decode('show search index', rows[0], decodeIndex);
  const labels = [...row.labelsOrTypes].sort().join(',');
  const properties = [...row.properties].sort().join(',');
  const analyzer = row.options.indexConfig['fulltext.analyzer'];
  const current =
    labels === [...DOMAIN_LABELS].sort().join(',') &&
    properties === [...SEARCH_PROPERTIES].sort().join(',') &&
    analyzer === SEARCH_ANALYZER;
  if (!current) await graph.write(`DROP INDEX ${SEARCH_INDEX}`);
}

export interface MigrationReport {
  /** The idempotent schema statements run. */
  readonly statements: readonly string[];
  /** Whether the write triggers run (writes validated and recorded), and why not when they do not. */
  readonly writes: WriteAudit;
}

/** How long one migration statement may run. */
const MIGRATION_TIMEOUT_MS = 600_000;

/**
 * Creates the uniqueness constraints on `id` for every domain label (and the shared Entity label), the
 * range indexes and the diacritic-folding full-text index, the revision clock, and installs the
 * write triggers rendered from the domain model (writes/installWriteTriggers.ts); safe to run any
 * number of times. Waits until every index is online and the triggers run. Returns what it ran and
 * whether writes are audited.
 */
export async function migrate(given: Graph, options: InstallOptions = {}): Promise<MigrationReport> {
  // One-off statements at start-up: installing and planning the triggers took over 30 s on a
  // loaded machine, so they get minutes, not the per-request query timeout.
  const graph = given.withTimeout(MIGRATION_TIMEOUT_MS);
  await dropStaleSearchIndex(graph);
  const ran = statements();
  for (const statement of ran) await graph.write(statement);
  await graph.write('CALL db.awaitIndexes(300)');
  // Before the triggers: a MERGE that finds the clock never races to create it. Its epoch tells a
  // clock apart from one a wiped database had (readers cache by epoch and tx: readerContextCache.ts).
  await graph.write(
    `MERGE (c:${REVISION_CLOCK_LABEL} {id: $id}) ON CREATE SET c.tx = 0 SET c.epoch = coalesce(c.epoch, randomUUID())`,
    {
      id: REVISION_CLOCK_ID,
    },
  );
  const writes = await installWriteTriggers(graph, options);
  if (writes.active) await warmWriteTriggers(graph);
  // Without the triggers the clock never moves: no epoch, so nothing is cached against it.
  else await graph.write(`MATCH (c:${REVISION_CLOCK_LABEL} {id: $id}) REMOVE c.epoch`, { id: REVISION_CLOCK_ID });
  return { statements: ran, writes };
}

/**
 * Runs both triggers on throwaway system nodes (which they look at and leave alone), once with
 * nodes and a relationship created and once with them changed and deleted, so that Neo4j plans
 * them now for each shape of change and caches the plans, not on an editor's first write (a cold
 * server takes seconds to plan them). Leaves nothing behind.
 */
async function warmWriteTriggers(graph: Graph): Promise<void> {
  const ids = ['warm-up-a', 'warm-up-b'];
  await graph.write(
    `CREATE (a:${REVISION_CLOCK_LABEL} {id: $ids[0]})-[:WARM_UP {at: datetime()}]->(b:${REVISION_CLOCK_LABEL} {id: $ids[1]})`,
    { ids },
  );
  await graph.write(
    `MATCH (a:${REVISION_CLOCK_LABEL} {id: $ids[0]})-[r:WARM_UP]->(b:${REVISION_CLOCK_LABEL} {id: $ids[1]})
     SET a.at = datetime(), r.at = datetime() REMOVE b.id WITH a, b DETACH DELETE a, b`,
    { ids },
  );
}
