import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode } from 'graphql';
import ts from 'typescript';
import { documentIdOf, TRUSTED_DOCUMENTS_FILE } from '../src/server/trustedDocuments';

/**
 * `npm run documents`: writes src/generated/trusted-documents.json, the registered documents
 * TRUSTED_DOCUMENTS=only runs, from the GraphQL operations the pages and the widget send: every
 * text a string or template in src/web/assets/*.js (not the string tables) or in the inline
 * scripts of src/web/assets/*.html can take (see stringValues) that parses as a GraphQL operation. Each must validate against
 * the printed schema. `npm run documents:check` (part of `npm test`) fails when the committed file
 * differs from what the pages send now.
 */
const ASSETS = path.resolve(__dirname, '..', 'src', 'web', 'assets');
const SCHEMA = path.resolve(__dirname, '..', 'src', 'generated', 'schema.graphql');

/** At most this many texts from one expression: a choice inside a choice multiplies them. */
const MAX_VARIANTS = 64;

/**
 * Given JavaScript source, returns every text its string literals and templates can take. A
 * template's substitutions are resolved when each is a constant of the same source (a `const`
 * bound once to a string or template), a choice `c ? 'a' : 'b'` between such values, or a `+` of
 * them; one expression then gives each combination (`fields ${withIds ? 'ids' : ''}` gives both
 * documents). A substitution of anything else (a variable, a call) leaves that template out: it is
 * not a document the pages send as written.
 */
export function stringValues(source: string): string[] {
  const file = ts.createSourceFile('page.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const constants = new Map<string, ts.Expression | null>();
  const visitDeclarations = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const name = declaration.name.text;
        // A name bound twice (in two scopes) is not one constant.
        constants.set(name, constants.has(name) ? null : declaration.initializer);
      }
    }
    ts.forEachChild(node, visitDeclarations);
  };
  visitDeclarations(file);

  const resolving = new Set<string>();
  const valuesOf = (node: ts.Expression): string[] | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isParenthesizedExpression(node)) return valuesOf(node.expression);
    if (ts.isConditionalExpression(node)) {
      const [a, b] = [valuesOf(node.whenTrue), valuesOf(node.whenFalse)];
      return a && b ? [...new Set([...a, ...b])] : undefined;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return combine([valuesOf(node.left), valuesOf(node.right)]);
    }
    if (ts.isTemplateExpression(node)) {
      const parts: (string[] | undefined)[] = [[node.head.text]];
      for (const span of node.templateSpans) parts.push(valuesOf(span.expression), [span.literal.text]);
      return combine(parts);
    }
    if (ts.isIdentifier(node)) {
      const initializer = constants.get(node.text);
      if (!initializer || resolving.has(node.text)) return undefined;
      resolving.add(node.text);
      try {
        return valuesOf(initializer);
      } finally {
        resolving.delete(node.text);
      }
    }
    return undefined;
  };

  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isSum = (n: ts.Node) => ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node) ||
      (isSum(node) && !isSum(node.parent))
    ) {
      found.push(...(valuesOf(node as ts.Expression) ?? []));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Given the possible texts of each part, returns every concatenation, or undefined when a part is unknown or there are too many. */
function combine(parts: readonly (readonly string[] | undefined)[]): string[] | undefined {
  let texts = [''];
  for (const part of parts) {
    if (!part) return undefined;
    texts = texts.flatMap((text) => part.map((value) => text + value));
    if (texts.length > MAX_VARIANTS) return undefined;
  }
  return [...new Set(texts)];
}

/** Given an HTML page, returns the text of its inline scripts. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
}

function asOperation(text: string): DocumentNode | undefined {
  try {
    const document = parse(text);
    return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION) ? document : undefined;
  } catch {
    return undefined;
  }
}

/** Returns the manifest the pages need now: id → document text, sorted by id. */
function collectDocuments(): Record<string, string> {
  const schema = buildSchema(fs.readFileSync(SCHEMA, 'utf8'));
  const documents = new Map<string, string>();
  const problems: string[] = [];
  // A page's string table (<page>.strings.js) holds words with {placeholders}, never an operation.
  const pages = fs
    .readdirSync(ASSETS)
    .filter((file) => (file.endsWith('.js') && !file.endsWith('.strings.js')) || file.endsWith('.html'));
  for (const file of pages.sort()) {
    const source = fs.readFileSync(path.join(ASSETS, file), 'utf8');
    const scripts = file.endsWith('.js') ? [source] : inlineScripts(source);
    for (const text of scripts.flatMap(stringValues)) {
      const document = asOperation(text);
      if (!document) continue;
      const errors = validate(schema, document);
      if (errors.length > 0) problems.push(`${file}: ${errors.map((e) => e.message).join('; ')}\n  in ${text.slice(0, 120)}`);
      documents.set(documentIdOf(text), text);
    }
  }
  if (problems.length > 0) throw new Error(`operations in the pages do not validate against the schema:\n${problems.join('\n')}`);
  return Object.fromEntries([...documents].sort(([a], [b]) => a.localeCompare(b)));
}

function main(check: boolean): void {
  const text = `${JSON.stringify(collectDocuments(), null, 2)}\n`;
  const current = fs.existsSync(TRUSTED_DOCUMENTS_FILE) ? fs.readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8') : '';
  if (check) {
    if (current !== text) {
      console.error(
        `${path.relative(process.cwd(), TRUSTED_DOCUMENTS_FILE)} is stale: the pages send other operations. Run \`npm run documents\` and commit it.`,
      );
      process.exitCode = 1;
    } else {
      console.log('Trusted documents are current.');
    }
    return;
  }
  fs.writeFileSync(TRUSTED_DOCUMENTS_FILE, text);
  console.log(`Wrote ${Object.keys(JSON.parse(text) as object).length} documents to ${TRUSTED_DOCUMENTS_FILE}`);
}

if (require.main === module) main(process.argv.includes('--check'));
