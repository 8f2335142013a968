import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import { RELATION_WEIGHTS } from '../../src/analytics/related/relatedExemplars';
import { LINK_WEIGHTS } from '../../src/analytics/related/relatedStories';
import { PATH_WEIGHTS } from '../../src/analytics/related/relatedStoryPaths';
import { DOMAIN_MODEL } from '../../src/domain/domainModel';
import { EXEMPLAR_LABELS, cypherQualifiesAsExemplar } from '../../src/domain/exemplar';
import { DOMAIN_LABELS, ENTITY_LABEL, SYSTEM_LABELS, isDomainLabel, type Label } from '../../src/domain/labels';
import { PROVENANCE_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIPS, isRelationshipType } from '../../src/domain/relationships';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { DERIVED_PROPERTIES, NODE_PROPERTIES, relationshipPropertyRules, type PropertyRule } from '../../src/domain/properties';
import { REVISION_CHANGES } from '../../src/writes/revisionLayout';

/**
 * The SDL (schema/*.graphql) is written by hand beside the domain model (src/domain/); nothing
 * but this test keeps them saying the same thing. Each check names what disagrees.
 */
const sdl: DocumentNode = parse(loadTypeDefs().join('\n'));

/** SDL enums that are the API's own vocabulary, not domain data; each is checked where it is backed by code. */
const API_ENUMS = [
  'CacheControlScope',
  'GraphEngine',
  'ScoreSource',
  'StepDirection',
  'FigureSource',
  'ExemplarRelation',
  'StoryLink',
  'SearchMatch',
  'RevisionChange',
  'RelationshipChangeKind',
  // Ingestion and review (schema/ingestion.graphql).
  'ProposalKind',
  'ProposalStatus',
  'ProposalFlagCode',
  'ProposalEndKind',
  'ArticleSource',
  'WrittenFactKind',
  'RuleConfidence',
  'CentralityMeasure',
  'ProvinceMapId',
  'PlaceReading',
];

const enums = new Map(
  sdl.definitions.flatMap((d) =>
    d.kind === Kind.ENUM_TYPE_DEFINITION ? [[d.name.value, (d.values ?? []).map((v) => v.name.value)] as const] : [],
  ),
);
const objects = sdl.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
const entityTypes = objects.filter((o) => (o.interfaces ?? []).some((i) => i.name.value === ENTITY_LABEL));

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
function argument(directive: ConstDirectiveNode, name: string): string | readonly string[] | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  if (value.kind === Kind.LIST) return value.values.map((v) => (v.kind === Kind.STRING || v.kind === Kind.ENUM ? v.value : '?'));
  return undefined;
}
function directive(node: { directives?: readonly ConstDirectiveNode[] }, name: string): ConstDirectiveNode | undefined {
  return node.directives?.find((d) => d.name.value === name);
}
const sorted = (values: readonly string[]) => [...values].sort();

/** Every @relationship in the SDL: on which type, which field, its type, direction, properties and target labels. */
const relationships = entityTypes.flatMap((owner) =>
  (owner.fields ?? []).flatMap((field: FieldDefinitionNode) => {
    const rel = directive(field, 'relationship');
    if (!rel) return [];
    const target = namedType(field.type);
    return [
      {
        at: `${owner.name.value}.${field.name.value}`,
        owner: owner.name.value,
        type: String(argument(rel, 'type')),
        direction: String(argument(rel, 'direction')),
        properties: String(argument(rel, 'properties')),
        // A field typed by the Entity interface reaches every domain label.
        targets: target === ENTITY_LABEL ? [...DOMAIN_LABELS] : [target],
      },
    ];
  }),
);

describe('the domain model and the SDL', () => {
  it('agree on the values of every domain enum', () => {
    for (const [name, values] of Object.entries(DOMAIN_MODEL.enums)) {
      expect({ enum: name, values: sorted(enums.get(name) ?? []) }).toEqual({ enum: name, values: sorted(values) });
    }
  });

  it('know every SDL enum: a domain enum, or one of the API’s own', () => {
    const unknown = [...enums.keys()].filter((name) => !(name in DOMAIN_MODEL.enums) && !API_ENUMS.includes(name));
    expect(unknown).toEqual([]);
  });

  it('agree on the API enums backed by the analytics (relation and link weights)', () => {
    expect(sorted(enums.get('ExemplarRelation') ?? [])).toEqual(sorted(Object.keys(RELATION_WEIGHTS)));
    expect(sorted(enums.get('StoryLink') ?? [])).toEqual(sorted([...Object.keys(LINK_WEIGHTS), ...Object.keys(PATH_WEIGHTS)]));
  });

  it('have one type implementing Entity per domain label, stored under that label and Entity', () => {
    expect(sorted(entityTypes.map((t) => t.name.value))).toEqual(sorted(DOMAIN_LABELS));
    for (const type of entityTypes) {
      const node = directive(type, 'node');
      expect({ type: type.name.value, labels: node && argument(node, 'labels') }).toEqual({
        type: type.name.value,
        labels: [type.name.value, ENTITY_LABEL],
      });
    }
  });

  it('never give a system label a GraphQL node type (a plain result type may share its name, as Proposal does)', () => {
    const nodeLabels = new Set(
      objects.flatMap((o) => {
        const node = directive(o, 'node');
        if (!node) return [];
        const labels = argument(node, 'labels');
        return typeof labels === 'string' ? [labels] : (labels ?? [o.name.value]);
      }),
    );
    expect(SYSTEM_LABELS.filter((label) => nodeLabels.has(label))).toEqual([]);
  });

  it('only use domain relationship types in @relationship directives, between the ends the domain allows', () => {
    const problems: string[] = [];
    for (const r of relationships) {
      if (!isRelationshipType(r.type)) {
        problems.push(`${r.at}: ${r.type} is not a domain relationship type`);
        continue;
      }
      const rule = RELATIONSHIPS[r.type];
      const [own, far] = r.direction === 'OUT' ? [rule.from, rule.to] : [rule.to, rule.from];
      if (!(own as readonly string[]).includes(r.owner)) {
        problems.push(`${r.at}: ${r.type} ${r.direction} cannot be on a ${r.owner}`);
      }
      for (const target of r.targets) {
        if (!(far as readonly string[]).includes(target)) {
          problems.push(`${r.at}: ${r.type} ${r.direction} cannot reach a ${target}`);
        }
        if (rule.sameLabel && target !== r.owner) problems.push(`${r.at}: ${r.type} joins two nodes of one label`);
      }
      if (r.properties !== rule.sdlProperties) {
        problems.push(`${r.at}: ${r.type} carries ${rule.sdlProperties}, not ${r.properties}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('expose every domain relationship type somewhere in the SDL', () => {
    const used = new Set(relationships.map((r) => r.type));
    expect(RELATIONSHIP_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });

  it('agree on each relationship’s properties and which are required', () => {
    const propertyTypes = new Map(
      objects.filter((o) => directive(o, 'relationshipProperties')).map((o) => [o.name.value, o.fields ?? []]),
    );
    for (const type of RELATIONSHIP_TYPES) {
      const rule = RELATIONSHIPS[type];
      const fields = (propertyTypes.get(rule.sdlProperties) ?? []).filter(
        (f) => !(PROVENANCE_PROPERTIES as readonly string[]).includes(f.name.value),
      );
      expect({ type, properties: sorted(fields.map((f) => f.name.value)) }).toEqual({
        type,
        properties: sorted(rule.properties),
      });
      const required = fields.filter((f) => f.type.kind === Kind.NON_NULL_TYPE).map((f) => f.name.value);
      expect({ type, required: sorted(required) }).toEqual({ type, required: sorted(rule.required) });
    }
  });

  /** The SDL type a property of this rule must have: `String!`, `[String!]`, `AwardForm`… */
  function sdlTypeOf(rule: PropertyRule): string {
    const base = ((): string => {
      switch (rule.kind) {
        case 'id':
          return 'ID';
        case 'textList':
        case 'sources':
          return '[String!]';
        case 'date':
          return 'Date';
        case 'int':
          return 'Int';
        case 'boolean':
          return 'Boolean';
        case 'enum':
          return rule.sdlEnum ?? 'String';
        case 'text':
        case 'url':
        case 'digits':
        case 'partialDate':
          return 'String';
      }
    })();
    return rule.required ? `${base}!` : base;
  }
  function printType(type: TypeNode): string {
    if (type.kind === Kind.NON_NULL_TYPE) return `${printType(type.type)}!`;
    if (type.kind === Kind.LIST_TYPE) return `[${printType(type.type)}]`;
    return type.name.value;
  }

  it('agree on every property of every label, its type and whether it is required (the rules both validations are rendered from)', () => {
    for (const type of entityTypes) {
      const label = type.name.value as Label;
      const stored = (type.fields ?? []).filter(
        (f) =>
          !directive(f, 'relationship') &&
          !directive(f, 'cypher') &&
          !directive(f, 'customResolver') &&
          !(DERIVED_PROPERTIES as readonly string[]).includes(f.name.value),
      );
      expect({ label, fields: sorted(stored.map((f) => f.name.value)) }).toEqual({
        label,
        fields: sorted(Object.keys(NODE_PROPERTIES[label])),
      });
      for (const field of stored) {
        const rule = NODE_PROPERTIES[label][field.name.value];
        if (rule) {
          expect({ at: `${label}.${field.name.value}`, type: printType(field.type) }).toEqual({
            at: `${label}.${field.name.value}`,
            type: sdlTypeOf(rule),
          });
        }
      }
    }
  });

  it('agree on the type of every relationship property', () => {
    const propertyTypes = new Map(
      objects.filter((o) => directive(o, 'relationshipProperties')).map((o) => [o.name.value, o.fields ?? []]),
    );
    for (const type of RELATIONSHIP_TYPES) {
      const rules = relationshipPropertyRules(RELATIONSHIPS[type]);
      for (const field of propertyTypes.get(RELATIONSHIPS[type].sdlProperties) ?? []) {
        const rule = rules[field.name.value];
        expect({ at: `${type}.${field.name.value}`, type: printType(field.type) }).toEqual({
          at: `${type}.${field.name.value}`,
          type: rule ? sdlTypeOf(rule) : 'no such property in the model',
        });
      }
    }
  });

  it('agree on the history’s enums (writes/revisionLayout.ts)', () => {
    expect(sorted(enums.get('RevisionChange') ?? [])).toEqual(sorted(REVISION_CHANGES));
    expect(sorted(enums.get('RelationshipChangeKind') ?? [])).toEqual(['ADDED', 'CHANGED', 'REMOVED']);
  });

  it('state the exemplar rule once: isExemplar on exactly the exemplar labels, with the domain’s Cypher', () => {
    const owners = entityTypes.filter((t) => (t.fields ?? []).some((f) => f.name.value === 'isExemplar'));
    expect(sorted(owners.map((t) => t.name.value))).toEqual(sorted(EXEMPLAR_LABELS));
    for (const owner of owners) {
      const field = owner.fields!.find((f) => f.name.value === 'isExemplar')!;
      const cypher = directive(field, 'cypher');
      expect(cypher && argument(cypher, 'statement')).toBe(`RETURN ${cypherQualifiesAsExemplar('this')} AS isExemplar`);
    }
  });

  it('name labels the model knows', () => {
    expect(DOMAIN_LABELS.every((label: Label) => isDomainLabel(label))).toBe(true);
    expect(isDomainLabel('DashboardCell')).toBe(false);
  });
});
