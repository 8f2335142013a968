import fs from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { PRINTED_SCHEMA, renderSchema } from './printSchema';

/**
 * `npm run codegen:check`: fails when src/generated is stale, i.e. when printing the schema or
 * running codegen now would change a committed file. Writes nothing.
 */
async function main(): Promise<void> {
  const stale: string[] = [];
  // Note: codegen runs before the schema is built here, as in `npm run codegen`; building
  // the augmented schema first changes how codegen prints the built-in scalars.
  const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
  const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
  for (const output of outputs) {
    const current = fs.existsSync(output.filename) ? fs.readFileSync(output.filename, 'utf8') : undefined;
    if (current !== output.content) stale.push(output.filename);
  }
  const sdl = await renderSchema();
  if (!fs.existsSync(PRINTED_SCHEMA) || fs.readFileSync(PRINTED_SCHEMA, 'utf8') !== sdl) {
    stale.push(path.relative(process.cwd(), PRINTED_SCHEMA));
  }
  if (stale.length > 0) {
    console.error(`Generated files are stale: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log('Generated files are up to date.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
