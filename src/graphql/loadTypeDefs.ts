import fs from 'node:fs';
import path from 'node:path';

/** The schema/ folder: one SDL file per domain. */
export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

/** Shared definitions go first: @neo4j/graphql checks an interface's @limit only if it is seen first. */
const FIRST = ['common.graphql', 'entity.graphql'];

/** Returns the SDL of every schema/*.graphql file: the shared files, then the rest by name. */
export function loadTypeDefs(directory: string = SCHEMA_DIR): string[] {
  const rest = fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.graphql') && !FIRST.includes(file))
    .sort();
  return [...FIRST, ...rest].map((file) => fs.readFileSync(path.join(directory, file), 'utf8'));
}
