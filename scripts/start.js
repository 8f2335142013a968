'use strict';
/*
 * `npm start` and `npm run build`. Plain JavaScript on purpose: it runs before anything is
 * compiled. `npm start` makes sure dist/ is built from the current sources (building it when it is
 * missing or older than src/**, schema/** or the TypeScript settings), then runs the compiled
 * server in this same Node process: one process, no tsx, no launcher beside it. The npm script
 * says `exec node scripts/start.js` so that the shell npm runs it in replaces itself with Node,
 * and the SIGTERM or SIGINT npm forwards reaches the server itself (docs/ARCHITECTURE.md, Signals).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.built');
/** What the build is made from: a change to any of these makes dist/ stale. */
const SOURCES = ['src', 'schema', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Given a file or folder, returns the newest modification time (ms) of it and everything under it. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether dist/ is missing, or older than one of its sources. */
function isStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

/** Copies every file under src/ that is not TypeScript (.cypher statements, page assets, JSON) to the same place under target. */
function copyAssets(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyAssets(source, target);
    else if (!entry.name.endsWith('.ts')) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

/**
 * Compiles src/ into a fresh folder beside dist/ and swaps it in, so a failed or concurrent build
 * never leaves a half-written dist/ (and files of deleted sources never linger there).
 */
function build() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    throw new Error(
      'dist/ is missing or stale and TypeScript is not installed: run `npm install` (with dev dependencies), then `npm start`',
    );
  }
  const started = Date.now();
  const staging = fs.mkdtempSync(path.join(ROOT, 'dist.building-'));
  try {
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', staging], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0)
      throw new Error(`the TypeScript build failed (tsc exited ${String(result.status ?? result.signal)})`);
    copyAssets(path.join(ROOT, 'src'), staging);
    fs.writeFileSync(path.join(staging, '.built'), `${new Date().toISOString()}\n`);
    const old = `${DIST}.old-${process.pid}`;
    if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
    fs.renameSync(staging, DIST);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return Date.now() - started;
}

function main(command) {
  if (command === 'build' || isStale()) {
    const log = (message) =>
      process.stdout.write(`${JSON.stringify({ level: 'info', time: Date.now(), service: 'exemplar-graph', msg: message })}\n`);
    log(command === 'build' ? 'Building dist/ from src/' : 'dist/ is missing or older than the sources: building it');
    log(`Built dist/ in ${build()} ms`);
  }
  if (command === 'build') return;
  // The compiled entry point starts the server in this process.
  require(path.join(DIST, 'main.js'));
}

try {
  main(process.argv[2]);
} catch (error) {
  console.error(`[exemplar-graph] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
