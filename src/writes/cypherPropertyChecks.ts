import { cypherIsPartialDate } from '../domain/partialDate';
import { SOURCE_PATTERN, URL_PATTERN, describeKind, idPattern, type PropertyKind, type PropertyRule } from '../domain/properties';
import { cypherString, cypherStrings } from './cypherText';

/**
 * The Cypher rendering of the domain's property rules (domain/properties.ts), for the validation
 * trigger. Each check is an expression that never throws, whatever was stored (a number where
 * text belongs, a list where a date belongs): it either holds or names the problem.
 */

const NFC_TEXT = (v: string) => `(trim(${v}) <> '' AND ${v} = normalize(${v}, NFC))`;

/** Cypher, given a value expression and its kind: whether the value is of that kind (true or false, never null). */
export function cypherValueIsValid(v: string, kind: PropertyKind, idPrefix?: string): string {
  switch (kind.kind) {
    case 'id':
      return `(${v} IS :: STRING NOT NULL AND ${v} =~ ${cypherString(idPattern(idPrefix ?? ''))})`;
    case 'text':
      return `(CASE WHEN ${v} IS :: STRING NOT NULL THEN ${NFC_TEXT(v)} ELSE false END)`;
    case 'textList':
      return `(CASE WHEN ${v} IS :: LIST<STRING NOT NULL> NOT NULL THEN all(s IN ${v} WHERE ${NFC_TEXT('s')}) ELSE false END)`;
    case 'sources':
      return `(CASE WHEN ${v} IS :: LIST<STRING NOT NULL> NOT NULL THEN size(${v}) > 0 AND all(s IN ${v} WHERE s =~ ${cypherString(SOURCE_PATTERN)}) ELSE false END)`;
    case 'date':
      return `(${v} IS :: DATE NOT NULL)`;
    case 'partialDate':
      return cypherIsPartialDate(v);
    case 'enum':
      return `(${v} IS :: STRING NOT NULL AND ${v} IN ${cypherStrings(kind.values)})`;
    case 'int':
      return `(CASE WHEN ${v} IS :: INTEGER NOT NULL THEN ${v} >= ${kind.min} AND ${v} <= ${kind.max} ELSE false END)`;
    case 'boolean':
      return `(${v} IS :: BOOLEAN NOT NULL)`;
    case 'url':
      return `(${v} IS :: STRING NOT NULL AND ${v} =~ ${cypherString(URL_PATTERN)})`;
    case 'digits':
      return `(${v} IS :: STRING NOT NULL AND ${v} =~ '[0-9]+')`;
  }
}

/**
 * Cypher, given a property's name, the expression of its value and why it is wrong: the problem
 * as a triple [property, value, why]; the trigger adds which node or relationship it is about.
 */
export function cypherProblem(property: string, value: string, why: string): string {
  return `[${cypherString(property)}, ${value}, ${cypherString(why)}]`;
}

/** Cypher, given a property's name, the expression holding it and its rule: the problem triple when it breaks the rule, else null. */
export function cypherPropertyProblem(property: string, v: string, rule: PropertyRule, idPrefix?: string): string {
  const missing = rule.required ? cypherProblem(property, 'null', 'is required') : 'null';
  const bad = cypherProblem(property, v, describeKind(rule, idPrefix));
  return `CASE WHEN ${v} IS NULL THEN ${missing} WHEN NOT ${cypherValueIsValid(v, rule, idPrefix)} THEN ${bad} END`;
}

/**
 * Cypher, given the variable of a node or relationship, the property names it may carry and what
 * it is (for the message): one problem triple per other property it holds.
 */
export function cypherUnknownProperties(variable: string, allowed: readonly string[], owner: string): string {
  return `[k IN keys(${variable}) WHERE NOT k IN ${cypherStrings(allowed)} | [k, ${variable}[k], ${cypherString(`is not a property of ${owner} (src/domain/properties.ts)`)}]]`;
}
