import { DOMAIN_LABELS, ENTITY_LABEL, ID_PREFIX, SYSTEM_LABELS } from '../domain/labels';
import { DERIVED_PROPERTIES, NODE_PROPERTIES, relationshipPropertyRules } from '../domain/properties';
import { RELATIONSHIPS, RELATIONSHIP_TYPES } from '../domain/relationships';
import { REFUSAL_MARKER } from '../neo4j/triggerRefusal';
import { cypherFoldDiacritics } from '../text/foldDiacritics';
import { createHash } from 'node:crypto';
import { cypherPropertyProblem, rulesData, type RuleData } from './cypherPropertyChecks';
import { cypherString, cypherStrings } from './cypherText';

/** How many problems a refusal lists at most. */
const MAX_PROBLEMS = 20;

const DOMAIN = cypherStrings(DOMAIN_LABELS);
const DOMAIN_OR_ENTITY = cypherStrings([...DOMAIN_LABELS, ENTITY_LABEL]);
const SYSTEM = cypherStrings(SYSTEM_LABELS);
const DERIVED = cypherStrings(DERIVED_PROPERTIES);

/** Cypher, given a list expression of element ids: a map from each to true, so membership is one lookup, not a scan. */
export function cypherIdSet(ids: string): string {
  return `apoc.map.fromLists(${ids}, [x IN ${ids} | true])`;
}

/** Cypher, given the expressions of what a problem list is about: the list as the maps triggerRefusal.ts reads. */
function cypherProblemMaps(list: string, entity: string, owner: string): string {
  return `[p IN ${list} WHERE p IS NOT NULL | {entity: ${entity}, owner: ${owner}, property: p[0], value: p[1], why: p[2]}]`;
}

/** Cypher, given an expression of a node's labels: its domain labels (exactly one when valid). */
export function cypherDomainLabels(labels: string): string {
  return `[l IN ${labels} WHERE l IN ${DOMAIN}]`;
}

/** The rules the validation trigger reads, as its parameters ($nodeRules, $relationshipRules), rendered from src/domain. */
export interface ValidationRules {
  /** Label → property → rule. */
  readonly nodeRules: Readonly<Record<string, Record<string, RuleData>>>;
  /** Relationship type → its ends, whether they share a label, its property rules. */
  readonly relationshipRules: Readonly<
    Record<string, { from: readonly string[]; to: readonly string[]; sameLabel: boolean; properties: Record<string, RuleData> }>
  >;
}

/** Returns the domain model's rules as the validation trigger's parameters. */
export function validationRules(): ValidationRules {
  return {
    nodeRules: Object.fromEntries(DOMAIN_LABELS.map((label) => [label, rulesData(NODE_PROPERTIES[label], ID_PREFIX[label])])),
    relationshipRules: Object.fromEntries(
      RELATIONSHIP_TYPES.map((type) => {
        const rule = RELATIONSHIPS[type];
        return [
          type,
          { from: rule.from, to: rule.to, sameLabel: rule.sameLabel, properties: rulesData(relationshipPropertyRules(rule)) },
        ];
      }),
    ),
  };
}

const LABELS_WHY = `a domain node carries exactly one of ${DOMAIN_LABELS.join(', ')}, plus ${ENTITY_LABEL}, and no system label`;

/**
 * Cypher, given a node (or a map of its properties), an expression of its labels, a variable
 * holding its domain labels (cypherDomainLabels) and one holding cypherNodeRules(): the list of
 * its problems as triggerRefusal.ts reads them, empty when it is a valid fact. The trigger runs
 * it on nodes; the agreement test runs it on the seed records as maps, beside the importer's zod.
 */
export function cypherNodeProblems(n: string, labels: string, domain: string, rules: string): string {
  const own = `${rules}[coalesce(head(${domain}), '')]`;
  const labelsOk = `size(${domain}) = 1 AND ${cypherString(ENTITY_LABEL)} IN ${labels} AND none(l IN ${labels} WHERE l IN ${SYSTEM})`;
  const problem = cypherPropertyProblem('key', `${n}[key]`, `${own}[key]`, `head(${domain})`, DERIVED_PROPERTIES);
  const triples = `CASE WHEN ${labelsOk} THEN [] ELSE [['labels', ${labels}, ${cypherString(LABELS_WHY)}]] END
    + CASE WHEN ${own} IS NULL THEN [] ELSE [key IN apoc.coll.toSet(keys(${own}) + keys(${n})) | ${problem}] END`;
  return cypherProblemMaps(`(${triples})`, `toStringOrNull(${n}.id)`, `coalesce(head(${domain}), ${cypherString(ENTITY_LABEL)})`);
}

function nodeChecks(): string {
  return `CALL (nodes, nodeRules) {
  UNWIND nodes AS n
  WITH n, nodeRules, ${cypherDomainLabels('labels(n)')} AS domain
  WITH ${cypherNodeProblems('n', 'labels(n)', 'domain', 'nodeRules')} AS problems
  UNWIND problems AS p
  RETURN collect(p) AS nodeProblems
}`;
}

/** The variables a relationship's checks read (cypherRelationshipProblems). */
export interface RelationshipVariables {
  /** The relationship, or a map of its properties. */
  readonly r: string;
  /** An expression of its type. */
  readonly type: string;
  /** Its start and end nodes. */
  readonly a: string;
  readonly b: string;
  /** Variables holding the domain label of each end (null when it has none). */
  readonly fromLabel: string;
  readonly toLabel: string;
  /** A variable holding cypherRelationshipRules(). */
  readonly rules: string;
}

/**
 * Cypher, given the variables of a relationship: the list of its problems (a domain type, its
 * ends, one label at both ends where required, no loop, no second one of the type between the
 * same ends, its properties), empty when it is a valid fact.
 */
export function cypherRelationshipProblems(v: RelationshipVariables): string {
  const rule = `${v.rules}[${v.type}]`;
  const problem = cypherPropertyProblem('key', `${v.r}[key]`, `${rule}.properties[key]`, v.type, []);
  const triples = `CASE WHEN ${rule} IS NULL
      THEN [['type', ${v.type}, ${cypherString(`a domain node joins others only by ${RELATIONSHIP_TYPES.join(', ')}`)}]]
      ELSE [
        CASE WHEN NOT coalesce(${v.fromLabel} IN ${rule}.from, false) THEN ['from', ${v.fromLabel}, ${v.type} + ' starts at a ' + apoc.text.join(${rule}.from, ' or ')] END,
        CASE WHEN NOT coalesce(${v.toLabel} IN ${rule}.to, false) THEN ['to', ${v.toLabel}, ${v.type} + ' ends at a ' + apoc.text.join(${rule}.to, ' or ')] END,
        CASE WHEN ${rule}.sameLabel AND ${v.fromLabel} <> ${v.toLabel} THEN ['to', ${v.toLabel}, ${v.type} + ' joins two nodes of one label'] END,
        CASE WHEN ${v.a} = ${v.b} THEN ['to', ${v.b}.id, 'a relationship cannot loop to its own start'] END,
        CASE WHEN COUNT { (${v.a})-[same]->(${v.b}) WHERE type(same) = ${v.type} } > 1 THEN ['to', ${v.b}.id, 'there is already a ' + ${v.type} + ' between these two nodes'] END
      ] + [key IN apoc.coll.toSet(keys(${rule}.properties) + keys(${v.r})) | ${problem}]
    END`;
  const entity = `coalesce(toStringOrNull(${v.a}.id), '?') + ' -' + ${v.type} + '-> ' + coalesce(toStringOrNull(${v.b}.id), '?')`;
  return cypherProblemMaps(`(${triples})`, entity, v.type);
}

function relationshipChecks(): string {
  return `CALL (rels, relationshipRules) {
  UNWIND rels AS r
  WITH r, relationshipRules, startNode(r) AS a, endNode(r) AS b
  WHERE none(l IN labels(a) + labels(b) WHERE l IN ${SYSTEM})
    AND any(l IN labels(a) + labels(b) WHERE l IN ${DOMAIN_OR_ENTITY})
  WITH r, relationshipRules, a, b, type(r) AS type,
       head(${cypherDomainLabels('labels(a)')}) AS fromLabel, head(${cypherDomainLabels('labels(b)')}) AS toLabel
  WITH ${cypherRelationshipProblems({ r: 'r', type: 'type', a: 'a', b: 'b', fromLabel: 'fromLabel', toLabel: 'toLabel', rules: 'relationshipRules' })} AS problems
  UNWIND problems AS p
  RETURN collect(p) AS relationshipProblems
}`;
}

/**
 * Returns the statement of the validation trigger (phase `before`): for every node of a domain
 * label (or Entity) that the transaction created or changed (a fact property, or a label), the
 * label rule (one domain label, plus Entity, no system label) and its label's property rules
 * (domain/properties.ts: required, kind, enum, date, partial date, provenance, NFC text, no other
 * property); for every relationship it created or changed that touches a domain node and no
 * system node, the relationship rules (domain/relationships.ts: a domain type, its ends, one
 * label at both ends where required, no loop, no duplicate, its properties). Any problem fails
 * the commit through apoc.util.validate, with the problems in the message (neo4j/triggerRefusal.ts
 * reads them), and nothing is written. Otherwise it sets the derived search properties of each
 * touched node (nameAscii, aliasesText: text/foldDiacritics.ts's rule in Cypher), so every write
 * path leaves them right, the API's alias edits included. Changes to derived properties only
 * (whole-graph scores) and nodes of system labels are not looked at.
 */
export function renderValidationTrigger(): string {
  const fold = (text: string) => cypherFoldDiacritics(text);
  const version = createHash('sha256').update(JSON.stringify(validationRules())).digest('hex').slice(0, 16);
  return `// exemplar-graph write validation, rendered from src/domain by src/writes/renderValidationTrigger.ts
// Its rules come as parameters ($nodeRules, $relationshipRules: validationRules()), version ${version}.
WITH ${cypherIdSet('[x IN $deletedNodes | elementId(x)]')} AS deletedNodes,
     ${cypherIdSet('[x IN $deletedRelationships | elementId(x)]')} AS deletedRels
WITH deletedNodes, deletedRels,
     apoc.coll.flatten([k IN keys($assignedLabels) WHERE k IN ${DOMAIN_OR_ENTITY} | $assignedLabels[k]])
     + apoc.coll.flatten([k IN keys($removedLabels) WHERE k IN ${DOMAIN_OR_ENTITY} | $removedLabels[k]])
     + apoc.coll.flatten([k IN keys($assignedNodeProperties) WHERE NOT k IN ${DERIVED} | [e IN $assignedNodeProperties[k] | e.node]])
     + apoc.coll.flatten([k IN keys($removedNodeProperties) WHERE NOT k IN ${DERIVED} | [e IN $removedNodeProperties[k] | e.node]]) AS candidates,
     $createdRelationships
     + apoc.coll.flatten([k IN keys($assignedRelationshipProperties) | [e IN $assignedRelationshipProperties[k] | e.relationship]])
     + apoc.coll.flatten([k IN keys($removedRelationshipProperties) | [e IN $removedRelationshipProperties[k] | e.relationship]]) AS touchedRels
WITH apoc.coll.toSet([n IN candidates WHERE CASE WHEN deletedNodes[elementId(n)] THEN false
       ELSE any(l IN labels(n) WHERE l IN ${DOMAIN_OR_ENTITY}) END]) AS nodes,
     apoc.coll.toSet([r IN touchedRels WHERE deletedRels[elementId(r)] IS NULL]) AS rels,
     $nodeRules AS nodeRules, $relationshipRules AS relationshipRules
${nodeChecks()}
${relationshipChecks()}
WITH nodes, nodeProblems + relationshipProblems AS problems
CALL apoc.util.validate(size(problems) > 0, 'Write refused: %s, %s problem(s) [${REFUSAL_MARKER}:%s:]', [
  problems[0].owner + '.' + problems[0].property + ' ' + apoc.convert.toJson(problems[0].value) + ' ' + problems[0].why,
  size(problems), apoc.text.base64Encode(apoc.convert.toJson(problems[0..${MAX_PROBLEMS}]))])
UNWIND nodes AS n
WITH n, ${fold('n.name')} AS nameAscii,
     apoc.text.join(coalesce(n.aliases, []) + [a IN coalesce(n.aliases, []) | ${fold('a')}], ' | ') AS aliasesText
WHERE n.nameAscii IS NULL OR n.nameAscii <> nameAscii OR n.aliasesText IS NULL OR n.aliasesText <> aliasesText
SET n.nameAscii = nameAscii, n.aliasesText = aliasesText`;
}
