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
import { dashboardMap } from '../../dashboard/dashboardMap';
import {
  centralExemplarsResolver,
  deleteViewResolver,
  influenceNodeFacetResolvers,
  saveViewResolver,
  viewNetworkResolver,
  viewsResolver,
} from './exploreResolvers';
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
    centralExemplars: centralExemplarsResolver,
    viewNetwork: viewNetworkResolver,
    views: viewsResolver,
  },
  Mutation: {
    saveView: saveViewResolver,
    deleteView: deleteViewResolver,
  },
  InfluenceNode: influenceNodeFacetResolvers,
  FieldDashboard: { map: dashboardMap },
  Person: { relatedExemplars: exemplarRelatedExemplarsResolver },
  Collective: { relatedExemplars: exemplarRelatedExemplarsResolver },
  RelatedExemplar: { kind: kindResolver },
  SharedNode: { kind: kindResolver },
};
