import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLSchema,
  type FieldNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { computedFilterKeys, FILTER_BUDGET, measure, type FilterSize } from './filterSize';

/** Arguments that count or skip items: a negative one reaches the database as an invalid LIMIT or SKIP. */
const COUNTS = new Set(['limit', 'offset', 'first']);

function refuse(argumentName: string, value: unknown, why: string): never {
  throw new GraphQLError(`Invalid ${argumentName} ${JSON.stringify(value)}: ${why}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName, value, http: { status: 400 } },
  });
}

/** Given a value node and the request's variables, returns the value it stands for (literals other than ints and lists are not needed here). */
function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values;
    case Kind.FLOAT:
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.NULL:
    case Kind.ENUM:
    case Kind.OBJECT:
      return undefined;
  }
}

/** Every field of an operation, through fragments (each fragment once). */
function* fieldsOf(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      yield selection;
      if (selection.selectionSet) yield* fieldsOf(selection.selectionSet, document, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* fieldsOf(selection.selectionSet, document, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) yield* fieldsOf(fragment.selectionSet, document, seen);
    }
  }
}

/**
 * Refuses, before anything runs, the arguments the generated API takes but cannot execute,
 * naming the argument and its value (BAD_USER_INPUT, HTTP 400) instead of letting them fail deep
 * in @neo4j/graphql or Neo4j as internal errors: a negative `limit`, `offset` or `first` on any
 * field, an empty `input` list on a mutation (`createAwards(input: [])`, which translates to no
 * statement at all), filters past FILTER_BUDGET (which would keep the database planning), and a
 * filter on a computed list (a @cypher field) nested in another, for which @neo4j/graphql writes
 * invalid Cypher (found by the fuzz suite).
 */
export function argumentGuardPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const computed = computedFilterKeys(schema);
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request }) {
          if (!operation) return Promise.resolve();
          const variables = request.variables ?? {};
          const filters: FilterSize = { conditions: 0, quantifiers: 0, nestedComputed: undefined };
          for (const field of fieldsOf(operation.selectionSet, document)) {
            const where = field.arguments?.find((a) => a.name.value === 'where');
            if (where) measure(where.value, variables, filters, computed);
            for (const argument of field.arguments ?? []) {
              const name = argument.name.value;
              const value = valueOf(argument.value, variables);
              if (COUNTS.has(name) && typeof value === 'number' && value < 0) {
                refuse(name, value, 'must not be negative');
              }
            }
          }
          if (filters.nestedComputed !== undefined) {
            refuse('where', filters.nestedComputed, 'a filter on a computed list cannot hold another filter on a computed list');
          }
          if (filters.conditions > FILTER_BUDGET.conditions || filters.quantifiers > FILTER_BUDGET.quantifiers) {
            refuse(
              'where',
              { conditions: filters.conditions, quantifiers: filters.quantifiers },
              `filters may hold at most ${FILTER_BUDGET.conditions} conditions and ${FILTER_BUDGET.quantifiers} relationship quantifiers (all, none, single, some) per operation`,
            );
          }
          if (operation.operation === OperationTypeNode.MUTATION) {
            for (const selection of operation.selectionSet.selections) {
              if (selection.kind !== Kind.FIELD) continue;
              const input = selection.arguments?.find((a) => a.name.value === 'input');
              const value = input ? valueOf(input.value, variables) : undefined;
              if (Array.isArray(value) && value.length === 0) refuse('input', [], 'must name at least one item');
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}
