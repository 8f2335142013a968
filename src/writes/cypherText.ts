/**
 * Literals for the Cypher the write triggers are rendered into. Every value comes from the
 * domain model (labels, property names, enum values, patterns), never from input; escaping keeps
 * a pattern's backslashes and any quote intact all the same.
 */

/** Given text, returns it as a single-quoted Cypher string literal. */
export function cypherString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Given texts, returns them as a Cypher list literal of strings. */
export function cypherStrings(texts: readonly string[]): string {
  return `[${texts.map(cypherString).join(', ')}]`;
}
