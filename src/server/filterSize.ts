import { isInputObjectType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';

/** Relationship quantifiers of the generated filters: each becomes a subquery the planner must weigh. */
const QUANTIFIERS = new Set(['all', 'none', 'single', 'some']);
/**
 * A filter's budget per operation. Neo4j plans each new shape of generated Cypher anew, and a
 * filter of five nested relationship quantifiers took 10 s to plan on this machine (the fuzz
 * suite found it): a client could keep the database planning with ever new shapes. The pages'
 * filters use one or two conditions.
 */
export const FILTER_BUDGET = { conditions: 40, quantifiers: 4 } as const;

export interface FilterSize {
  conditions: number;
  quantifiers: number;
  /** A filter on a computed list (a @cypher field) inside another: @neo4j/graphql writes invalid Cypher for it. */
  nestedComputed: string | undefined;
}

/**
 * Given the schema, returns the filter keys of computed lists (@cypher fields such as
 * Place.currentUnits): those whose where type also offers the `_ALL` form.
 */
export function computedFilterKeys(schema: GraphQLSchema): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || !type.name.endsWith('Where')) continue;
    for (const name of Object.keys(type.getFields())) {
      if (!name.endsWith('_ALL')) continue;
      const base = name.slice(0, -'_ALL'.length);
      for (const key of [base, `${base}_ALL`, `${base}_NONE`, `${base}_SINGLE`, `${base}_SOME`]) keys.add(key);
    }
  }
  return keys;
}

/**
 * Adds the conditions and quantifiers of a filter (an AST literal, possibly with variables
 * inside, or a variable's JSON value) to size, and notes a computed-list filter inside another.
 */
export function measure(
  value: unknown,
  variables: Readonly<Record<string, unknown>>,
  size: FilterSize,
  computed: ReadonlySet<string>,
  insideComputed: string | undefined = undefined,
): void {
  const entry = (key: string, inner: unknown) => {
    size.conditions += 1;
    if (QUANTIFIERS.has(key)) size.quantifiers += 1;
    if (computed.has(key) && insideComputed !== undefined) size.nestedComputed ??= `${insideComputed} › ${key}`;
    measure(inner, variables, size, computed, computed.has(key) ? key : insideComputed);
  };
  const node = value as { kind?: unknown } | null;
  if (node !== null && typeof node === 'object' && typeof node.kind === 'string') {
    const ast = value as ValueNode;
    if (ast.kind === Kind.VARIABLE) measure(variables[ast.name.value], variables, size, computed, insideComputed);
    else if (ast.kind === Kind.LIST) for (const item of ast.values) measure(item, variables, size, computed, insideComputed);
    else if (ast.kind === Kind.OBJECT) for (const field of ast.fields) entry(field.name.value, field.value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) measure(item, variables, size, computed, insideComputed);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) entry(key, inner);
  }
}
