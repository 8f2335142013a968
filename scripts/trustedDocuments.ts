import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode } from 'graphql';
import ts from 'typescript';
import { documentIdOf, TRUSTED_DOCUMENTS_FILE } from '../src/server/trustedDocuments';

/**
 * `npm run documents`: writes src/generated/trusted-documents.json, the registered documents
 * TRUSTED_DOCUMENTS=only runs, from the GraphQL operations the pages and the widget send: every
 * string or template literal (without substitutions) in src/web/assets/*.js (not the string tables) and in the inline
 * scripts of src/web/assets/*.html that parses as a GraphQL operation. Each must validate against
 * the printed schema. `npm run documents:check` (part of `npm test`) fails when the committed file
 * differs from what the pages send now.
 */
const ASSETS = path.resolve(__dirname, '..', 'src', 'web', 'assets');
const SCHEMA = path.resolve(__dirname, '..', 'src', 'generated', 'schema.graphql');

/** Tokens after which a slash divides; after any other, it starts a regular expression. */
const ENDS_EXPRESSION = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
]);

/**
 * Given JavaScript source, returns the values of its string and plain template literals. The
 * scanner is driven as a parser would: a `}` that closes a template substitution resumes the
 * template, and a slash where an operand is expected starts a regular expression.
 */
function stringLiterals(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const found: string[] = [];
  // One entry per open brace: true when it is a template substitution's `${`.
  const braces: boolean[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.CloseBraceToken && braces.pop() === true) token = scanner.reScanTemplateToken(false);
    if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && !ENDS_EXPRESSION.has(previous)) {
      token = scanner.reScanSlashToken();
    }
    if (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      found.push(scanner.getTokenValue());
    }
    if (token === ts.SyntaxKind.OpenBraceToken) braces.push(false);
    if (token === ts.SyntaxKind.TemplateHead || token === ts.SyntaxKind.TemplateMiddle) braces.push(true);
    previous = token;
  }
  return found;
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
    for (const text of scripts.flatMap(stringLiterals)) {
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

main(process.argv.includes('--check'));
