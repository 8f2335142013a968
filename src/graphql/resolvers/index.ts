import type { IResolvers } from '@graphql-tools/utils';
import {
  connectionPathResolver,
  fieldDashboardResolver,
  fieldDashboardUndatedResolver,
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
import {
  acceptProposalResolver,
  conferrableByResolver,
  conferralAuthorityResolver,
  ingestArticleResolver,
  mergeEntitiesResolver,
  proposalsResolver,
  rejectProposalResolver,
  storyForReviewResolver,
} from './reviewResolvers';
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
import { widgetStatsResolver } from './widgetResolvers';

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
    proposals: proposalsResolver,
    storyForReview: storyForReviewResolver,
    conferralAuthority: conferralAuthorityResolver,
    conferrableBy: conferrableByResolver,
    centralExemplars: centralExemplarsResolver,
    viewNetwork: viewNetworkResolver,
    views: viewsResolver,
    widgetStats: widgetStatsResolver,
  },
  Mutation: {
    revert: revertResolver,
    ingestArticle: ingestArticleResolver,
    acceptProposal: acceptProposalResolver,
    rejectProposal: rejectProposalResolver,
    mergeEntities: mergeEntitiesResolver,
    saveView: saveViewResolver,
    deleteView: deleteViewResolver,
  },
  InfluenceNode: influenceNodeFacetResolvers,
  FieldDashboard: { map: dashboardMap, undated: fieldDashboardUndatedResolver },
  Person: { relatedExemplars: exemplarRelatedExemplarsResolver },
  Collective: { relatedExemplars: exemplarRelatedExemplarsResolver },
  RelatedExemplar: { kind: kindResolver },
  SharedNode: { kind: kindResolver },
};
