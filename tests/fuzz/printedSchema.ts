import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** The API's schema as printed in src/generated/schema.graphql (codegen:check keeps it current): what the fuzzer generates from. */
export function printedSchema(): GraphQLSchema {
  return buildSchema(fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'generated', 'schema.graphql'), 'utf8'));
}
