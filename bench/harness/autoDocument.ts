import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { BuiltDocument, Variables } from './operation';

/** Given a type, returns a selection of its scalar and enum fields, and of object fields down to depth. */
function selection(type: GraphQLNamedType, depth: number, omit: ReadonlySet<string>): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (omit.has(field.name)) continue;
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth > 0) {
      const inner = selection(named, depth - 1, omit);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : '';
}

/** Given an argument type and a prepared value, returns the value in that type's shape (list or not, year for Int dates). */
function coerce(type: GraphQLInputType, value: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return Array.isArray(value) ? value : [value];
  const one = Array.isArray(value) ? (value as unknown[])[0] : value;
  const named = getNamedType(inner).name;
  if (named === 'Int' && typeof one === 'string' && /^\d{4}/.test(one)) return Number(one.slice(0, 4));
  if (named === 'DateTime' && typeof one === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(one)) return `${one}T00:00:00Z`;
  return one;
}

/**
 * Given the schema, a root Query field name, the argument names the bench can fill, a depth and
 * field names to leave out, returns a document selecting every scalar of the answer down to that
 * depth, using those arguments the field declares; or a pending reason when the field is missing
 * or needs an argument the bench cannot fill. Lets the bench run an analysis field whose exact
 * shape is still being designed, as soon as it lands.
 */
export function rootFieldDocument(
  schema: GraphQLSchema,
  fieldName: string,
  fillable: readonly string[],
  options: { depth?: number; omit?: readonly string[] } = {},
): BuiltDocument | { pending: string } {
  const field: GraphQLField<unknown, unknown> | undefined = schema.getQueryType()?.getFields()[fieldName];
  if (!field) return { pending: `Query.${fieldName} is not in the schema yet` };
  const used = field.args.filter((arg) => fillable.includes(arg.name));
  const missing = field.args.filter(
    (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && !fillable.includes(arg.name),
  );
  if (missing.length > 0) {
    return {
      pending: `Query.${fieldName} needs ${missing.map((a) => a.name).join(', ')}, which the bench entry does not fill yet`,
    };
  }
  const declared = used.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = used.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const body = selection(getNamedType(field.type), options.depth ?? 2, new Set(options.omit ?? []));
  const document = `query Bench${declared ? `(${declared})` : ''} { ${fieldName}${passed ? `(${passed})` : ''} ${body} }`;
  return {
    document,
    variables: (prepared: Variables) =>
      Object.fromEntries(
        used.filter((arg) => prepared[arg.name] !== undefined).map((arg) => [arg.name, coerce(arg.type, prepared[arg.name])]),
      ),
  };
}
