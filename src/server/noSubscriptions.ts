import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * The API has no subscriptions (the schema declares none, and the server speaks no WebSocket):
 * a subscription operation is refused at validation (GRAPHQL_VALIDATION_FAILED, 400) instead of
 * failing at execution as an internal error.
 */
export const NoSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.SUBSCRIPTION) {
      context.reportError(new GraphQLError('This API has no subscriptions; use a query', { nodes: node }));
    }
  },
});
