import type { IResolvers } from '@graphql-tools/utils';
import { searchResolver } from './searchResolver';

/** Custom root-field resolvers, merged into the generated schema by @neo4j/graphql. */
export const resolvers: IResolvers = {
  Query: {
    search: searchResolver,
  },
};
