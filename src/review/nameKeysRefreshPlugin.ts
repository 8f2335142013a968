import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode, visit, type DocumentNode } from 'graphql';
import { labelOfId } from '../domain/labels';
import { refreshNameKeys } from '../ingestion/graph/refreshNameKeys';
import { writeNameKeys } from '../ingestion/graph/writeNameKeys';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';

/** Mutations that keep the name index themselves, in their own transaction. */
const INDEXING_MUTATIONS: ReadonlySet<string> = new Set(['ingestArticle', 'acceptProposal', 'rejectProposal', 'mergeEntities']);

/** Given a mutation's document and variables, returns every string in them that is an entity id (`person:…`). */
export function entityIdsIn(document: DocumentNode, variables: unknown): string[] {
  const ids = new Set<string>();
  const take = (value: unknown): void => {
    if (typeof value === 'string') {
      if (labelOfId(value) !== undefined) ids.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(take);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(take);
    }
  };
  visit(document, {
    StringValue(node) {
      take(node.value);
    },
  });
  take(variables);
  return [...ids];
}

/**
 * Keeps ingestion's name index (src/ingestion/graph/nameKeys.ts) in step after the generated
 * mutations, which create, rename and delete entities without it. After a mutation that answered
 * with data and has a root field other than ingestion's own: the entities whose ids the operation
 * names (its literals and variables: the ids it creates, the `where: { id }` it updates or
 * deletes) are re-keyed at once, in the background; and a full sweep (refreshNameKeys) follows
 * once edits have paused for `sweepDelayMs`, for what a filter other than an id touched. Until
 * then a renamed entity is found under its old names only (the matcher checks every name against
 * the text, so a stale key costs recall, never a wrong link).
 */
export function nameKeysRefreshPlugin(graph: Graph, logger: Logger, options: { sweepDelayMs?: number } = {}): ApolloServerPlugin {
  const sweepDelayMs = options.sweepDelayMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const pending = new Set<Promise<void>>();

  const sweep = (): void => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = refreshNameKeys(graph)
      .then((report) => {
        if (report.indexed + report.removed > 0) {
          logger.info(
            `Name index refreshed: ${report.indexed} entities re-keyed, ${report.removed} removed in ${report.millis} ms`,
          );
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, 'Name index refresh failed; the next mutation retries it'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(sweep, sweepDelayMs);
  };
  const rekey = (ids: readonly string[]): void => {
    if (ids.length === 0 || stopped) return;
    const work: Promise<void> = graph
      .writeTransaction((tx) => writeNameKeys(tx, ids))
      .catch((error: unknown) => logger.error({ err: error }, 'Re-keying edited entities failed; the sweep will'))
      .finally(() => pending.delete(work));
    pending.add(work);
  };

  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ operation, document, request, response }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return Promise.resolve();
          if (response.body.kind === 'single' && !response.body.singleResult.data) return Promise.resolve();
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          if (fields.every((name) => INDEXING_MUTATIONS.has(name))) return Promise.resolve();
          if (document) rekey(entityIdsIn(document, request.variables));
          schedule();
          return Promise.resolve();
        },
      });
    },
    serverWillStart() {
      return Promise.resolve({
        async serverWillStop() {
          stopped = true;
          clearTimeout(timer);
          await Promise.all([running, ...pending]);
        },
      });
    },
  };
}
