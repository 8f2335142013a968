import { randomBytes } from 'node:crypto';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { foldDiacritics } from '../text/foldDiacritics';
import { loadTypeDefs } from './loadTypeDefs';
import { resolvers } from './resolvers';

export interface SchemaOptions {
  /** The driver; may be omitted when printing the schema, or when every request's context carries it (`executionContext`). */
  readonly driver?: Driver;
  /** HS256 key for editor tokens. Without one, a random key no caller knows: every mutation is refused. */
  readonly jwtSecret?: string | undefined;
}

/** populatedBy callback: nameAscii follows name on create, and on update when name is set. */
function nameAscii(parent: Record<string, unknown> | undefined): string | undefined {
  const name = parent?.name;
  if (typeof name === 'string') return foldDiacritics(name);
  const set = (name as { set?: unknown } | undefined)?.set;
  return typeof set === 'string' ? foldDiacritics(set) : undefined;
}

/**
 * Given the driver and the JWT key, returns the one Neo4jGraphQL instance that owns the whole
 * schema: generated types from schema/*.graphql plus the custom resolvers, with deprecated v7
 * fields left out.
 */
export function createNeo4jGraphQL(options: SchemaOptions = {}): Neo4jGraphQL {
  return new Neo4jGraphQL({
    typeDefs: loadTypeDefs(),
    resolvers,
    ...(options.driver ? { driver: options.driver } : {}),
    features: {
      authorization: { key: options.jwtSecret ?? randomBytes(48).toString('hex') },
      populatedBy: { callbacks: { nameAscii } },
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
}
