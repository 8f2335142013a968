import {
  AGENCY_KIND,
  AGENCY_LEVEL,
  AWARD_CATEGORY,
  AWARD_FORM,
  AWARD_KIND,
  AWARD_LEVEL,
  COLLECTIVE_KIND,
  CONFIDENCE,
  EVENT_KIND,
  LEGAL_BASIS,
  MOVEMENT_KIND,
  MOVEMENT_SCOPE,
  MOVEMENT_STAGE,
  PLACE_LEVEL,
  STORY_CHANNEL,
} from './enums';
import { ISSUER_KINDS, RECIPIENT_KINDS } from './conferralAuthority';
import { EXEMPLAR_LABELS, EXEMPLAR_QUALIFYING } from './exemplar';
import { DOMAIN_LABELS, ENTITY_KINDS, ENTITY_LABEL, ID_PREFIX, SYSTEM_LABELS } from './labels';
import { RELATIONSHIP_TYPES, RELATIONSHIPS } from './relationships';

/**
 * The domain model as one typed value (after neo4j/graphql's schema-model): labels, id prefixes,
 * relationship types with their ends and properties, enumerations by their SDL name, and the
 * exemplar rule. Every stage reads the modules it is made of; this value is what checks and
 * documents read whole (the SDL check in tests/unit/domainModel.test.ts).
 */
export const DOMAIN_MODEL = {
  entityLabel: ENTITY_LABEL,
  labels: DOMAIN_LABELS,
  systemLabels: SYSTEM_LABELS,
  idPrefix: ID_PREFIX,
  relationships: RELATIONSHIPS,
  exemplar: { labels: EXEMPLAR_LABELS, qualifying: EXEMPLAR_QUALIFYING },
  /** Every enumeration, under the name of its SDL enum. */
  enums: {
    Confidence: CONFIDENCE,
    PlaceLevel: PLACE_LEVEL,
    AgencyLevel: AGENCY_LEVEL,
    AgencyKind: AGENCY_KIND,
    CollectiveKind: COLLECTIVE_KIND,
    EventKind: EVENT_KIND,
    AwardForm: AWARD_FORM,
    AwardCategory: AWARD_CATEGORY,
    AwardLevel: AWARD_LEVEL,
    AwardKind: AWARD_KIND,
    LegalBasis: LEGAL_BASIS,
    MovementKind: MOVEMENT_KIND,
    MovementScope: MOVEMENT_SCOPE,
    MovementStage: MOVEMENT_STAGE,
    StoryChannel: STORY_CHANNEL,
    EntityKind: ENTITY_KINDS,
    RelationshipType: RELATIONSHIP_TYPES,
    IssuerKind: ISSUER_KINDS,
    RecipientKind: RECIPIENT_KINDS,
  } satisfies Record<string, readonly string[]>,
} as const;
