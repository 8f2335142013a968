import { DOMAIN_LABELS, type Label } from './labels';

/**
 * The relationship types of the domain: which labels each may join, in which direction, and which
 * properties it carries besides its provenance (sources, confidence, note, which every
 * relationship has). The importer validates against these, the analytics walk only these types,
 * and tests/unit/domainModel.test.ts checks the SDL's @relationship directives against them.
 */
export interface RelationshipDefinition {
  readonly from: readonly Label[];
  readonly to: readonly Label[];
  /** Properties allowed besides PROVENANCE_PROPERTIES. */
  readonly properties: readonly string[];
  /** Properties it must have. */
  readonly required: readonly string[];
  /** True when both ends must carry the same label (a place is part of a place, never of an agency). */
  readonly sameLabel: boolean;
  /** The SDL @relationshipProperties type that carries its properties (schema/common.graphql). */
  readonly sdlProperties: 'Provenance' | 'Membership' | 'Participation' | 'Validity' | 'Succession';
}

/** What every relationship carries: where it comes from and how sure we are. */
export const PROVENANCE_PROPERTIES = ['sources', 'confidence', 'note'] as const;

const EXEMPLAR_ENDS: readonly Label[] = ['Person', 'Collective'];

function rule(from: readonly Label[], to: readonly Label[], extra: Partial<RelationshipDefinition> = {}): RelationshipDefinition {
  return { from, to, properties: [], required: [], sameLabel: false, sdlProperties: 'Provenance', ...extra };
}

const VALIDITY = { properties: ['validFrom', 'validTo'], sdlProperties: 'Validity' } as const;

export const RELATIONSHIPS = {
  MEMBER_OF: rule(['Person'], ['Agency', 'Collective'], { properties: ['role', 'since', 'until'], sdlProperties: 'Membership' }),
  ACTIVE_IN: rule(EXEMPLAR_ENDS, ['Field']),
  TOOK_PART_IN: rule(['Person', 'Collective', 'Agency'], ['Event'], { properties: ['role'], sdlProperties: 'Participation' }),
  OCCURRED_IN: rule(['Event'], ['Place']),
  RECEIVED: rule(['Person', 'Collective', 'Agency'], ['Award']),
  CONFERRED_BY: rule(['Award'], ['Agency']),
  FOR_EVENT: rule(['Award'], ['Event']),
  UNDER_MOVEMENT: rule(['Award', 'Event'], ['Movement']),
  EXEMPLAR_OF: rule(EXEMPLAR_ENDS, ['Movement']),
  LAUNCHED_BY: rule(['Movement'], ['Agency']),
  FEATURES: rule(['Story'], DOMAIN_LABELS),
  PUBLISHED_BY: rule(['Story'], ['Agency']),
  PART_OF: rule(['Place', 'Agency', 'Field'], ['Place', 'Agency', 'Field'], { ...VALIDITY, sameLabel: true }),
  LOCATED_IN: rule(['Agency', 'Person', 'Place'], ['Place'], VALIDITY),
  SUCCEEDED_BY: rule(['Place', 'Agency'], ['Place', 'Agency'], {
    properties: ['date', 'instrument'],
    required: ['date'],
    sameLabel: true,
    sdlProperties: 'Succession',
  }),
  FLOWS_THROUGH: rule(['Place'], ['Place']),
} as const satisfies Record<string, RelationshipDefinition>;

export type RelationshipType = keyof typeof RELATIONSHIPS;

/** Every domain relationship type; the analyses walk only these. */
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

/** Given any text, returns whether it is a domain relationship type. */
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(RELATIONSHIPS, value);
}

/** Given relationship types, returns them as a Cypher type alternation (`A|B|C`); they come from this closed list, never from input. */
export function cypherTypes(types: readonly RelationshipType[]): string {
  return types.join('|');
}

/** Properties of nodes and relationships that are calendar dates (stored as Neo4j Date). */
export const DATE_PROPERTIES: ReadonlySet<string> = new Set([
  'validFrom',
  'validTo',
  'rankAsOf',
  'diedOn',
  'date',
  'launchedOn',
  'publishedAt',
  'since',
  'until',
]);
