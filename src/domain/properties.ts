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
  EVENT_RECURRENCE,
  LEGAL_BASIS,
  MOVEMENT_KIND,
  MOVEMENT_SCOPE,
  PLACE_LEVEL,
  STORY_CHANNEL,
  STORY_LANGUAGE,
} from './enums';
import type { Label } from './labels';
import type { PROVENANCE_PROPERTIES } from './relationships';

/**
 * The properties of every label and relationship, and what each value may be: the one statement
 * of "a valid fact" that every write path checks. The importer's zod schemas
 * (importer/seedSchema.ts) and the database's write trigger (writes/renderValidationTrigger.ts)
 * are rendered from it; tests/unit/domainModel.test.ts checks the SDL's fields against it.
 */
export type PropertyKind =
  /** The node's id: its label's prefix, a colon and a kebab slug (`person:luu-minh-thuc`). */
  | { readonly kind: 'id' }
  /** Text as written: NFC, not empty or blank. */
  | { readonly kind: 'text' }
  /** A list of such texts. */
  | { readonly kind: 'textList' }
  /** Provenance: at least one `story:` id or http(s) URL. */
  | { readonly kind: 'sources' }
  /** A calendar day, stored as a Neo4j Date (YYYY-MM-DD in seed files). */
  | { readonly kind: 'date' }
  /** A partial date as text: YYYY, YYYY-MM or YYYY-MM-DD (domain/partialDate.ts). */
  | { readonly kind: 'partialDate' }
  /** One of a closed list; `sdlEnum` names the SDL enum that carries it, when the API has one. */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly sdlEnum?: string }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'boolean' }
  /** An http(s) address. */
  | { readonly kind: 'url' }
  /** Text of digits only (an administrative code). */
  | { readonly kind: 'digits' };

export type PropertyRule = PropertyKind & { readonly required: boolean };

const required = (kind: PropertyKind): PropertyRule => ({ ...kind, required: true });
const optional = (kind: PropertyKind): PropertyRule => ({ ...kind, required: false });
const TEXT = { kind: 'text' } as const;
const DATE = { kind: 'date' } as const;
const PARTIAL_DATE = { kind: 'partialDate' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const oneOf = (values: readonly string[], sdlEnum?: string): PropertyKind => ({
  kind: 'enum',
  values,
  ...(sdlEnum ? { sdlEnum } : {}),
});

/** What every relationship and every node carries: where it comes from and how sure we are. */
const PROVENANCE = {
  sources: required({ kind: 'sources' }),
  confidence: required(oneOf(CONFIDENCE, 'Confidence')),
  note: optional(TEXT),
} as const satisfies Record<(typeof PROVENANCE_PROPERTIES)[number], PropertyRule>;

/** What every node has (the SDL's Entity interface). */
const ENTITY = {
  id: required({ kind: 'id' }),
  name: required(TEXT),
  nameEn: optional(TEXT),
  aliases: optional({ kind: 'textList' }),
  summary: optional(TEXT),
  ...PROVENANCE,
};

/** Each label's properties, besides those every node has. */
export const NODE_PROPERTIES: Readonly<Record<Label, Readonly<Record<string, PropertyRule>>>> = {
  Place: {
    ...ENTITY,
    level: required(oneOf(PLACE_LEVEL, 'PlaceLevel')),
    unitType: optional(TEXT),
    code: optional({ kind: 'digits' }),
    validFrom: optional(DATE),
    validTo: optional(DATE),
  },
  Agency: {
    ...ENTITY,
    level: required(oneOf(AGENCY_LEVEL, 'AgencyLevel')),
    kind: required(oneOf(AGENCY_KIND, 'AgencyKind')),
    validFrom: optional(DATE),
    validTo: optional(DATE),
  },
  Field: { ...ENTITY },
  Person: {
    ...ENTITY,
    honorific: optional(TEXT),
    rank: optional(TEXT),
    rankAsOf: optional(DATE),
    rankAsInSource: optional(TEXT),
    posthumous: optional(BOOLEAN),
    ethnicity: optional(TEXT),
    birthYear: optional({ kind: 'int', min: 1800, max: 2100 }),
    diedOn: optional(DATE),
  },
  Collective: { ...ENTITY, kind: required(oneOf(COLLECTIVE_KIND, 'CollectiveKind')) },
  Event: {
    ...ENTITY,
    kind: required(oneOf(EVENT_KIND, 'EventKind')),
    date: optional(DATE),
    period: optional(PARTIAL_DATE),
    placeAsWritten: optional(TEXT),
    recurrence: optional(oneOf(EVENT_RECURRENCE)),
  },
  Award: {
    ...ENTITY,
    form: required(oneOf(AWARD_FORM, 'AwardForm')),
    title: optional(TEXT),
    category: required(oneOf(AWARD_CATEGORY, 'AwardCategory')),
    level: optional(oneOf(AWARD_LEVEL, 'AwardLevel')),
    kind: optional(oneOf(AWARD_KIND, 'AwardKind')),
    decisionNo: optional(TEXT),
    date: optional(DATE),
    year: optional({ kind: 'int', min: 1900, max: 2100 }),
    issuerRole: optional(TEXT),
    issuerAsWritten: optional(TEXT),
    legalBasis: optional(oneOf(LEGAL_BASIS, 'LegalBasis')),
    posthumous: optional(BOOLEAN),
    recipientsResolved: required(BOOLEAN),
    recipientsAsWritten: optional(TEXT),
  },
  Movement: {
    ...ENTITY,
    kind: required(oneOf(MOVEMENT_KIND, 'MovementKind')),
    scope: required(oneOf(MOVEMENT_SCOPE, 'MovementScope')),
    launchedOn: optional(DATE),
    periodFrom: optional(PARTIAL_DATE),
    periodTo: optional(PARTIAL_DATE),
    launchedByAsWritten: optional(TEXT),
    legalBasis: optional({ kind: 'textList' }),
  },
  Story: {
    ...ENTITY,
    title: required(TEXT),
    url: optional({ kind: 'url' }),
    publisher: optional(TEXT),
    publishedAt: optional(DATE),
    publishedPeriod: optional(PARTIAL_DATE),
    channel: required(oneOf(STORY_CHANNEL, 'StoryChannel')),
    language: optional(oneOf(STORY_LANGUAGE)),
  },
};

/**
 * Properties the system derives or computes on domain nodes, never facts an editor states: the
 * search forms of the name and aliases (set by the write trigger on every write,
 * writes/renderValidationTrigger.ts), the whole-graph scores (jobs/scores) and the bench's
 * marker on synthetic nodes. They are not validated as facts and not recorded in revisions.
 */
export const DERIVED_PROPERTIES = ['nameAscii', 'aliasesText', 'pagerank', 'community', 'synthetic'] as const;

/** The properties a relationship may carry besides provenance, and what each value may be (relationships.ts names which type has which). */
export const RELATIONSHIP_PROPERTY_KINDS: Readonly<Record<string, PropertyKind>> = {
  role: TEXT,
  since: DATE,
  until: DATE,
  validFrom: DATE,
  validTo: DATE,
  date: DATE,
  instrument: TEXT,
};

/** Given a relationship's own properties (relationships.ts) and which are required, returns every property rule it has, provenance first. */
export function relationshipPropertyRules(definition: {
  readonly properties: readonly string[];
  readonly required: readonly string[];
}): Readonly<Record<string, PropertyRule>> {
  const rules: Record<string, PropertyRule> = { ...PROVENANCE };
  for (const name of definition.properties) {
    const kind = RELATIONSHIP_PROPERTY_KINDS[name];
    if (!kind) throw new Error(`relationships.ts names a property ${name} that RELATIONSHIP_PROPERTY_KINDS does not describe`);
    rules[name] = { ...kind, required: definition.required.includes(name) };
  }
  return rules;
}

/** A source of provenance: a `story:` id or an http(s) URL (the same pattern in zod and in the trigger). */
export const SOURCE_PATTERN = '(story:[a-z0-9]+(-[a-z0-9]+)*|https?://\\S+)';
/** An http(s) address. */
export const URL_PATTERN = 'https?://\\S+';
/** A node id's slug after its label's prefix and colon. */
export const SLUG_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';

/** Given a label and its id prefix, returns the full pattern of its ids (no anchors: Cypher's =~ and zod's regex both match whole). */
export function idPattern(prefix: string): string {
  return `${prefix}:${SLUG_PATTERN}`;
}

/** What each kind of value must be, in words, for the messages of both validations. */
export function describeKind(kind: PropertyKind, prefix?: string): string {
  switch (kind.kind) {
    case 'id':
      return `must look like ${prefix ?? 'label'}:kebab-slug`;
    case 'text':
      return 'must be NFC text, not empty';
    case 'textList':
      return 'must be a list of NFC texts, none empty';
    case 'sources':
      return 'must be a non-empty list of story: ids or http(s) URLs';
    case 'date':
      return 'must be a calendar date';
    case 'partialDate':
      return 'must be YYYY, YYYY-MM or YYYY-MM-DD (a real month or day)';
    case 'enum':
      return `must be one of ${kind.values.join(', ')}`;
    case 'int':
      return `must be an integer from ${kind.min} to ${kind.max}`;
    case 'boolean':
      return 'must be true or false';
    case 'url':
      return 'must be an http(s) URL';
    case 'digits':
      return 'must be digits';
  }
}
