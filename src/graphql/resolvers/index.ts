import type { IResolvers } from '@graphql-tools/utils';
import {
  connectionPathResolver,
  fieldDashboardResolver,
  influenceNetworkResolver,
  movementImpactResolver,
} from './analysisResolvers';
import {
  exemplarRelatedExemplarsResolver,
  kindResolver,
  relatedExemplarsResolver,
  relatedStoriesResolver,
} from './relatedResolvers';
import { historyResolver, revertResolver } from './historyResolvers';
import { searchResolver } from './searchResolver';

/** Custom root-field resolvers, merged into the generated schema by @neo4j/graphql. */
export const resolvers: IResolvers = {
  Query: {
    search: searchResolver,
    movementImpact: movementImpactResolver,
    influenceNetwork: influenceNetworkResolver,
    connectionPath: connectionPathResolver,
    fieldDashboard: fieldDashboardResolver,
    relatedExemplars: relatedExemplarsResolver,
    relatedStories: relatedStoriesResolver,
    history: historyResolver,
  },
  Mutation: {
    revert: revertResolver,
  },
  Person: { relatedExemplars: exemplarRelatedExemplarsResolver },
  Collective: { relatedExemplars: exemplarRelatedExemplarsResolver },
  RelatedExemplar: { kind: kindResolver },
  SharedNode: { kind: kindResolver },
};
