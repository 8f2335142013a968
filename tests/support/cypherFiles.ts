import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function walk(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.cypher') ? [full] : [];
  });
}

/** Every .cypher file under src/, sorted. */
export const CYPHER_FILES: readonly string[] = walk(SRC).sort();

/** Given a .cypher file's text, returns its `// :param name => expression` lines as name → expression. */
export function documentedParameters(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\/\/ :param (\w+) => (.+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Given a .cypher file's text, returns the statement without its comment lines. */
export function statementBody(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/** Given a statement, returns the names of the parameters it uses ($name), outside string literals. */
export function usedParameters(statement: string): Set<string> {
  const withoutStrings = statement.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  return new Set([...withoutStrings.matchAll(/\$(\w+)/g)].map((m) => m[1]!));
}
