import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import { WritesUnavailableError } from '../errors/domainErrors';
import type { Context } from '../server/context';
import type { WriteAudit } from './installWriteTriggers';

/**
 * For every mutation: names the operation in the request's write scope (`graphql:createStories`),
 * which the transaction metadata carries into each revision; and, when the database does not run
 * the write triggers, refuses it before anything runs (503, DATABASE_UNAVAILABLE, reason
 * WRITE_TRIGGERS_INACTIVE), so no write goes unvalidated and unrecorded. Reads are untouched.
 */
export function writePathPlugin(audit: WriteAudit): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return Promise.resolve();
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          contextValue.writes.operation = `graphql:${fields.join(',') || 'mutation'}`;
          if (!audit.active) {
            const refused = new WritesUnavailableError(audit.reason);
            throw new GraphQLError(refused.message, { originalError: refused, extensions: { http: { status: 503 } } });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
