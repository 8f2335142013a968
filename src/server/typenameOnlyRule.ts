import { GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';

/** Parents whose object fields @neo4j/graphql projects from the database: connections, their edges and aggregates. */
const PROJECTED_PARENT = /(Connection|Edge|Relationship|Aggregate)$/;

/** Whether a selection set asks for nothing but __typename (inline fragments included; named fragments are left alone). */
function onlyTypename(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every((selection) =>
    selection.kind === Kind.FIELD
      ? selection.name.value === '__typename'
      : selection.kind === Kind.INLINE_FRAGMENT && onlyTypename(selection.selectionSet),
  );
}

/**
 * @neo4j/graphql cannot project a connection's `edges`, an edge's `node` or `properties`, or an
 * aggregate's `node` when nothing but `__typename` is selected in it: it answers null for a
 * non-null field (an internal error) or drops the edges. Such a selection is refused at
 * validation (GRAPHQL_VALIDATION_FAILED, 400), saying what to add; found by the fuzz suite.
 */
export const TypenameOnlyRule: ValidationRule = (context) => ({
  Field(node) {
    const parent = context.getParentType();
    if (!node.selectionSet || !parent || !PROJECTED_PARENT.test(parent.name) || node.name.value === 'pageInfo') return;
    if (onlyTypename(node.selectionSet)) {
      context.reportError(
        new GraphQLError(`Select at least one field besides __typename in ${parent.name}.${node.name.value}`, { nodes: node }),
      );
    }
  },
});
