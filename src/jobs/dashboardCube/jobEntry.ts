import path from 'node:path';

/**
 * The program a child process runs to build the dashboard cube: `main.ts` beside this file when the
 * server runs from source, `main.js` once compiled (this file's own extension says which), so the
 * server never names a script outside src/ nor a TypeScript loader.
 */
export const DASHBOARD_CUBE_MAIN = path.join(__dirname, `main${path.extname(__filename)}`);
