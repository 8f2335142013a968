import fs from 'node:fs';
import path from 'node:path';

/**
 * Given a folder (the caller's __dirname) and a .cypher file in it, returns the statement: read
 * once, when the module that owns it loads. The files sit beside the code that runs them, so this
 * works from compiled JavaScript too as long as the build copies src/**\/*.cypher beside the .js
 * (docs/ARCHITECTURE.md). Each file is a whole statement that runs as it is in Neo4j Browser: its
 * header comment names every parameter with a `:param` line to paste first.
 */
export function loadCypher(directory: string, file: string): string {
  return fs.readFileSync(path.join(directory, file), 'utf8');
}
