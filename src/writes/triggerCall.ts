import { createHash } from 'node:crypto';

/**
 * How a write trigger's statement is run. Neo4j caches a plan per statement and per size class
 * of each list parameter (1, up to 10, up to 100, …), and APOC hands a trigger the transaction's
 * changes as lists: a statement of ten kilobytes would be planned again (one to three seconds)
 * the first time a transaction of each new size commits (measured, bench/writeTriggerCost.ts).
 * So the installed trigger is a two-line call that passes the changes on in one map parameter,
 * `$tx`, whose size Neo4j does not class, to the real statement run by apoc.cypher.doIt in the
 * same transaction: the real statement is planned once, the call in a few milliseconds.
 *
 * What remains per transaction is APOC's own: it converts every change of the transaction into
 * the trigger's parameters before any statement runs, even for a transaction the call then skips
 * (about 10-40 ms per 500 new DashboardCells on the shared 2-core machine).
 */

/** The transaction data APOC gives a trigger (apoc.trigger docs), passed on as $tx.<name>. */
const TRANSACTION_DATA = [
  'createdNodes',
  'createdRelationships',
  'deletedNodes',
  'deletedRelationships',
  'assignedLabels',
  'removedLabels',
  'assignedNodeProperties',
  'removedNodeProperties',
  'assignedRelationshipProperties',
  'removedRelationshipProperties',
  'metaData',
] as const;

/**
 * The metadata flags with which a transaction skips both triggers (WriteMetadata): a bench-only
 * synthetic load, and the dashboard cube's writes of system nodes only.
 */
export const SKIP_KEYS = ['benchBulkLoad', 'systemWrite'] as const;

/** Given a statement written against APOC's trigger parameters ($createdNodes, …), returns it reading them from $tx. */
export function readingTransactionMap(statement: string): string {
  return statement.replace(new RegExp(`\\$(${TRANSACTION_DATA.join('|')})\\b`, 'g'), '$$tx.$1');
}

/**
 * Given the trigger's name, its statement (as readingTransactionMap returns it) and the names of
 * the other parameters it reads (installed with the trigger), returns the statement to install:
 * the call, naming a hash of everything it runs, so a changed statement or parameter is seen by
 * comparing installed statements.
 */
export function renderTriggerCall(name: string, statement: string, params: Readonly<Record<string, unknown>>): string {
  const version = createHash('sha256').update(statement).update(JSON.stringify(params)).digest('hex').slice(0, 16);
  const passed = [
    `tx: {${TRANSACTION_DATA.map((key) => `${key}: $${key}`).join(', ')}}`,
    ...Object.keys(params).map((key) => `${key}: $${key}`),
  ];
  return `// exemplar-graph write trigger ${name} ${version}: runs $statement (src/writes) with the changes in one map
WITH $metaData AS meta
WHERE NOT coalesce(${SKIP_KEYS.map((key) => `meta.${key} = true`).join(' OR ')}, false)
CALL apoc.cypher.doIt($statement, {${passed.join(', ')}}) YIELD value
RETURN count(value) AS done`;
}
