import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode } from 'graphql';
import { refreshNameKeys } from '../ingestion/graph/refreshNameKeys';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';

/** Mutations that keep the name index themselves, in their own transaction. */
const INDEXING_MUTATIONS: ReadonlySet<string> = new Set(['ingestArticle', 'acceptProposal', 'rejectProposal', 'mergeEntities']);

/**
 * Keeps ingestion's name index (src/ingestion/graph/nameKeys.ts) in step after the generated
 * mutations, which create, rename and delete entities without it: after any mutation that
 * answered with data and has a root field other than ingestion's own, one sweep
 * (refreshNameKeys) runs in the background, debounced over a burst and never two at a time. Until
 * it has run, a renamed entity is found under its old names only (the matcher checks every name
 * against the text, so a stale key costs recall, never a wrong link).
 */
export function nameKeysRefreshPlugin(graph: Graph, logger: Logger, delayMs = 1_000): ApolloServerPlugin {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

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
    timer = setTimeout(sweep, delayMs);
  };

  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ operation, response }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return Promise.resolve();
          if (response.body.kind === 'single' && !response.body.singleResult.data) return Promise.resolve();
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          if (fields.every((name) => INDEXING_MUTATIONS.has(name))) return Promise.resolve();
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
          await running;
        },
      });
    },
  };
}
