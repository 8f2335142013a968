import { cypherIsPartialDate } from '../domain/partialDate';
import { SOURCE_PATTERN, URL_PATTERN, describeKind, idPattern, type PropertyRule } from '../domain/properties';
import { cypherStrings } from './cypherText';

/**
 * The domain's property rules (domain/properties.ts) for the validation trigger. The rules become
 * data (kind, required, allowed values, pattern, bounds, the message), passed to the trigger as
 * parameters, and one generic check reads them: a statement of a few kilobytes that Neo4j plans
 * in about a second, where an expression spelled out per property (68 kB) took 2 s warm and
 * 18 s cold to plan. The check never throws, whatever was stored (a number where text belongs, a
 * list where a date belongs): it either holds or names the problem.
 */

/** A property rule as data for the trigger's generic check: its kind, whether required, its message, and what the kind needs. */
export interface RuleData {
  readonly kind: PropertyRule['kind'];
  readonly required: boolean;
  readonly why: string;
  readonly pattern?: string;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

/** Given a rule (and the id prefix of its label, for ids), returns it as data for the trigger. */
export function ruleData(rule: PropertyRule, idPrefix?: string): RuleData {
  const base = { kind: rule.kind, required: rule.required, why: describeKind(rule, idPrefix) };
  switch (rule.kind) {
    case 'id':
      return { ...base, pattern: idPattern(idPrefix ?? '') };
    case 'sources':
      return { ...base, pattern: SOURCE_PATTERN };
    case 'url':
      return { ...base, pattern: URL_PATTERN };
    case 'digits':
      return { ...base, pattern: '[0-9]+' };
    case 'enum':
      return { ...base, values: rule.values };
    case 'int':
      return { ...base, min: rule.min, max: rule.max };
    case 'text':
    case 'textList':
    case 'date':
    case 'partialDate':
    case 'boolean':
      // The generic check needs nothing but the kind.
      return base;
  }
}

/** Given property rules, returns them as data: each property's name to its rule. */
export function rulesData(rules: Readonly<Record<string, PropertyRule>>, idPrefix?: string): Record<string, RuleData> {
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, ruleData(rule, idPrefix)]));
}

/** Cypher, given a variable holding a value and one holding its rule (cypherRule): whether the value keeps the rule, true or false. */
export function cypherKeepsRule(v: string, r: string): string {
  const nfc = (s: string) => `(trim(${s}) <> '' AND ${s} = normalize(${s}, NFC))`;
  return `(CASE ${r}.kind
      WHEN 'text' THEN CASE WHEN ${v} IS :: STRING NOT NULL THEN ${nfc(v)} ELSE false END
      WHEN 'textList' THEN CASE WHEN ${v} IS :: LIST<STRING NOT NULL> NOT NULL THEN all(s IN ${v} WHERE ${nfc('s')}) ELSE false END
      WHEN 'sources' THEN CASE WHEN ${v} IS :: LIST<STRING NOT NULL> NOT NULL THEN size(${v}) > 0 AND all(s IN ${v} WHERE s =~ ${r}.pattern) ELSE false END
      WHEN 'date' THEN ${v} IS :: DATE NOT NULL
      WHEN 'partialDate' THEN ${cypherIsPartialDate(v)}
      WHEN 'enum' THEN CASE WHEN ${v} IS :: STRING NOT NULL THEN ${v} IN ${r}.values ELSE false END
      WHEN 'int' THEN CASE WHEN ${v} IS :: INTEGER NOT NULL THEN ${v} >= ${r}.min AND ${v} <= ${r}.max ELSE false END
      WHEN 'boolean' THEN ${v} IS :: BOOLEAN NOT NULL
      ELSE CASE WHEN ${v} IS :: STRING NOT NULL THEN ${v} =~ ${r}.pattern ELSE false END
    END)`;
}

/**
 * Cypher, given the expressions of a property's name, its value and its rule (null when the
 * owner has no such property), the owner's name (label or type) and the properties every owner
 * may carry besides its rules (derived ones): the problem as a triple [property, value, why], or
 * null when there is none.
 */
export function cypherPropertyProblem(key: string, v: string, r: string, owner: string, alsoAllowed: readonly string[]): string {
  return `CASE
      WHEN ${r} IS NULL THEN CASE WHEN ${key} IN ${cypherStrings(alsoAllowed)} THEN null
        ELSE [${key}, ${v}, 'is not a property of ' + ${owner} + ' (src/domain/properties.ts)'] END
      WHEN ${v} IS NULL THEN CASE WHEN ${r}.required THEN [${key}, null, 'is required'] END
      WHEN NOT ${cypherKeepsRule(v, r)} THEN [${key}, ${v}, ${r}.why]
    END`;
}
