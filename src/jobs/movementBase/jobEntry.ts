import path from 'node:path';

/**
 * The program a child process runs to read movements' bases and derive their answers for the API:
 * `main.ts` beside this file when the server runs from source, `main.js` once compiled (this
 * file's own extension says which), as for the dashboard cube's job.
 */
export const MOVEMENT_BASE_MAIN = path.join(__dirname, `main${path.extname(__filename)}`);
