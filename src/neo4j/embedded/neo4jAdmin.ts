import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderNeo4jConf } from './neo4jConf';
import { findJava } from './resolveRuntime';

/** Where the embedded database lives and what runs it (the embedded settings of src/config.ts). */
export interface AdminTarget {
  readonly home: string;
  readonly dataDir: string;
  readonly javaHome?: string | undefined;
  readonly pageCache: string;
  readonly database: string;
}

/** Thrown when neo4j-admin refuses or fails; its message holds the tool's last lines. */
export class Neo4jAdminError extends Error {
  constructor(
    message: string,
    /** True when the database is running: Community dumps and loads only a stopped database. */
    readonly inUse: boolean,
  ) {
    super(message);
    this.name = 'Neo4jAdminError';
  }
}

/**
 * Runs neo4j-admin (class Neo4jAdminCommand from the Maven jars, as the bench's importer does)
 * against the instance folder, writing a neo4j.conf first when the folder has none yet (a fresh
 * folder to load into; the server writes its own on every start).
 */
function neo4jAdmin(target: AdminTarget, args: readonly string[]): Promise<string> {
  const instance = path.resolve(target.dataDir);
  const confDir = path.join(instance, 'conf');
  if (!fs.existsSync(path.join(confDir, 'neo4j.conf'))) {
    fs.mkdirSync(confDir, { recursive: true });
    fs.writeFileSync(
      path.join(confDir, 'neo4j.conf'),
      // No port is bound by neo4j-admin; the server rewrites the file with its own on start.
      renderNeo4jConf({ instance, plugins: path.join(target.home, 'plugins'), boltPort: 7687, pageCache: target.pageCache }),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(
      findJava(target.javaHome),
      ['-Xmx512m', '-cp', path.join(target.home, 'lib', '*'), 'org.neo4j.server.startup.Neo4jAdminCommand', ...args],
      { env: { ...process.env, NEO4J_HOME: instance, NEO4J_CONF: confDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) {
        resolve(output);
        return;
      }
      const inUse = /in use|lock|Stop database/i.test(output);
      const tail = output.trim().split('\n').slice(-8).join('\n');
      reject(new Neo4jAdminError(`neo4j-admin ${args.slice(0, 2).join(' ')} exited ${String(code)}:\n${tail}`, inUse));
    });
  });
}

/**
 * Given the embedded database and a file, writes a dump of the database to the file (neo4j-admin
 * database dump, into a folder beside it, then renamed): the database must be stopped
 * (Neo4jAdminError with inUse when it runs). Returns the dump's size in bytes.
 */
export async function dumpDatabase(target: AdminTarget, file: string): Promise<number> {
  const destination = path.resolve(file);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const staging = fs.mkdtempSync(`${destination}.dumping-`);
  try {
    await neo4jAdmin(target, ['database', 'dump', target.database, `--to-path=${staging}`, '--overwrite-destination=true']);
    fs.renameSync(path.join(staging, `${target.database}.dump`), destination);
    return fs.statSync(destination).size;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Given the embedded database and a dump file, replaces the database with the dump (neo4j-admin
 * database load, overwriting): the database must be stopped. The data folder may be new: its
 * configuration is written first.
 */
export async function loadDatabase(target: AdminTarget, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) throw new Neo4jAdminError(`no dump file at ${source}`, false);
  // neo4j-admin reads <database>.dump from a folder: link the file into one under that name.
  fs.mkdirSync(target.dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.resolve(target.dataDir), 'loading-'));
  try {
    fs.symlinkSync(source, path.join(staging, `${target.database}.dump`));
    await neo4jAdmin(target, ['database', 'load', target.database, `--from-path=${staging}`, '--overwrite-destination=true']);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
