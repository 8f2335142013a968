import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Rng } from '../../bench/synthetic/prng';
import { scalarValue, wrongValue } from './fuzzValues';

/** One GraphQL request the fuzzer sends: the document, its variables, and what it tries. */
export interface GraphqlCase {
  readonly what: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

/** How deep input objects (filters within filters) and selections go. */
const MAX_INPUT_DEPTH = 4;
const MAX_SELECTION_DEPTH = 4;

/** Builds one operation: arguments as literals or variables, selections from the field's type. */
class OperationBuilder {
  private readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};

  constructor(
    private readonly rng: Rng,
    private readonly schema: GraphQLSchema,
  ) {}

  /** Given an input type, returns a JavaScript value for it (possibly hostile within its type). */
  value(type: GraphQLInputType, depth: number): unknown {
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type)) {
      const roll = this.rng.next();
      const length = roll < 0.15 ? 0 : roll < 0.9 ? this.rng.between(1, 3) : this.rng.between(200, 1_500);
      return Array.from({ length }, () => this.value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues();
      return this.rng.chance(0.9) && values.length > 0 ? { enum: this.rng.pick(values).name } : { enum: 'NOT_A_VALUE' };
    }
    if (isScalarType(type)) return scalarValue(this.rng, type.name);
    if (isInputObjectType(type)) {
      if (depth >= MAX_INPUT_DEPTH) return {};
      const fields = Object.values(type.getFields());
      const chosen = fields.filter((f) => isNonNullType(f.type) || this.rng.chance(Math.min(0.5, 2 / fields.length)));
      return Object.fromEntries(chosen.map((f) => [f.name, this.value(f.type, depth + 1)]));
    }
    return null;
  }

  /** Given a value from value(), returns it as a GraphQL literal. */
  literal(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return `[${value.map((v) => this.literal(v)).join(', ')}]`;
    if (typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object.enum === 'string' && Object.keys(object).length === 1) return object.enum;
      return `{ ${Object.entries(object)
        .map(([k, v]) => `${k}: ${this.literal(v)}`)
        .join(', ')} }`;
    }
    return JSON.stringify(value);
  }

  /** Given a value from value(), returns it as JSON for the variables (enums as their names). */
  json(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object.enum === 'string' && Object.keys(object).length === 1) return object.enum;
      return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, this.json(v)]));
    }
    return value;
  }

  /** Given an argument, returns `name: value`, the value inline or as a new variable. */
  argument(argument: GraphQLArgument): string {
    const value = this.value(argument.type, 0);
    if (this.rng.chance(0.5)) return `${argument.name}: ${this.literal(value)}`;
    const name = `v${this.declarations.length}`;
    this.declarations.push(`$${name}: ${String(argument.type)}`);
    // Now and then a value of the wrong kind, which variable coercion must refuse with a code.
    this.variables[name] = this.rng.chance(0.1) ? wrongValue(this.rng) : this.json(value);
    return `${argument.name}: $${name}`;
  }

  /** Given a field, returns it with some of its arguments (every required one) and a selection of its type. */
  field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((a) => isNonNullType(a.type) || this.rng.chance(0.5)).map((a) => this.argument(a));
    const head = args.length > 0 ? `${field.name}(${args.join(', ')})` : field.name;
    const type = getNamedType(field.type);
    return isLeafType(type) ? head : `${head} ${this.selection(type, depth + 1)}`;
  }

  /** Given a composite type, returns a selection set: some leaf fields, sometimes nested ones, fragments on abstract types. */
  selection(type: GraphQLNamedType, depth: number): string {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const parts = ['__typename'];
      if (isInterfaceType(type) && this.rng.chance(0.5)) parts.push(this.fieldsOf(type, depth));
      if (possible.length > 0) {
        parts.push(`... on ${this.rng.pick(possible).name} ${this.selection(this.rng.pick(possible), depth)}`);
      }
      return `{ ${parts.filter((p) => p.length > 0).join(' ')} }`;
    }
    if (isObjectType(type)) return `{ ${this.fieldsOf(type, depth) || '__typename'} }`;
    return '';
  }

  private fieldsOf(type: GraphQLObjectType | Parameters<GraphQLSchema['getPossibleTypes']>[0], depth: number): string {
    const fields = Object.values((type as GraphQLObjectType).getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
    const nested = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const chosen = leaves.filter(() => this.rng.chance(0.4)).slice(0, 6);
    if (chosen.length === 0 && leaves.length > 0) chosen.push(this.rng.pick(leaves));
    const parts = chosen.map((f) => f.name);
    if (depth < MAX_SELECTION_DEPTH && nested.length > 0 && this.rng.chance(0.5)) {
      parts.push(this.field(this.rng.pick(nested), depth));
    }
    return parts.join(' ');
  }

  /** Given the operation keyword and its body, returns the document with its variable declarations. */
  operation(keyword: 'query' | 'mutation', name: string, body: string): string {
    const variables = this.declarations.length > 0 ? `(${this.declarations.join(', ')})` : '';
    return `${keyword} ${name}${variables} { ${body} }`;
  }
}

/** Given a random source and the schema, returns one well-formed operation over a random root field (mostly queries). */
export function schemaCase(rng: Rng, schema: GraphQLSchema): GraphqlCase {
  const mutation = schema.getMutationType();
  const useMutation = mutation !== null && mutation !== undefined && rng.chance(0.15);
  const root = useMutation ? mutation : schema.getQueryType()!;
  const field = rng.pick(Object.values(root.getFields()));
  const builder = new OperationBuilder(rng, schema);
  const body = field.name.startsWith('__') ? '__typename' : builder.field(field, 0);
  const name = `Fuzz_${field.name}`;
  return {
    what: `${useMutation ? 'mutation' : 'query'} ${field.name}`,
    query: builder.operation(useMutation ? 'mutation' : 'query', name, body),
    variables: builder.variables,
    operationName: name,
  };
}

/** Given a random source and a well-formed case, returns a broken or abusive variant of it. */
export function malformedCase(rng: Rng, base: GraphqlCase): GraphqlCase {
  const variants: (() => GraphqlCase)[] = [
    () => ({
      ...base,
      what: 'truncated document',
      query: base.query.slice(0, rng.between(1, Math.max(1, base.query.length - 1))),
    }),
    () => {
      const at = rng.int(base.query.length);
      const junk = rng.pick(['{', '}', '(', ')', '$', '@', '"', '...', '#', '\u0000', '¿', ':', '!']);
      return { ...base, what: 'a stray character', query: `${base.query.slice(0, at)}${junk}${base.query.slice(at)}` };
    },
    () => ({
      ...base,
      what: 'deep nesting',
      query: `{ ${'events { awards { recipients { ... on Person { events { '.repeat(6)} id ${'} } } }'.repeat(6)} }`,
    }),
    () => ({
      ...base,
      what: 'too many aliases',
      query: `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: places(limit: 1) { id }`).join(' ')} }`,
    }),
    () => ({ ...base, what: 'too many directives', query: `{ places(limit: 1) { id ${'@skip(if: false) '.repeat(40)} } }` }),
    () => ({ ...base, what: 'past the token limit', query: `{ ${'places(limit: 1) { id } '.repeat(700)} }` }),
    () => ({ ...base, what: 'an unknown field', query: '{ peple(limit: 1) { id nam } }' }),
    () => ({ ...base, what: 'an unknown argument', query: '{ people(limt: 1) { id } }' }),
    () => ({ ...base, what: 'a wrong operationName', operationName: 'NotThere' }),
    () => ({
      ...base,
      what: 'two anonymous operations',
      query: '{ places(limit: 1) { id } } { fields(limit: 1) { id } }',
      operationName: undefined,
    }),
    () => ({ ...base, what: 'introspection in production', query: '{ __schema { types { name } } }', operationName: undefined }),
    () => ({ ...base, what: 'a subscription', query: 'subscription { people { id } }', operationName: undefined }),
    () => ({
      ...base,
      what: 'an undeclared variable',
      query: 'query($x: Int) { people(limit: $y) { id } }',
      operationName: undefined,
    }),
    () => ({
      ...base,
      what: 'a fragment cycle',
      query: '{ events { ...A } } fragment A on Event { awards { ...B } } fragment B on Award { events { ...A } }',
      operationName: undefined,
    }),
  ];
  return rng.pick(variants)();
}
