import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ensureJars, findJava } from './resolveRuntime';
import { renderNeo4jConf, JVM_FLAGS } from './neo4jConf';

export interface EmbeddedOptions {
  /** Folder holding lib/ and plugins/ (resolved by Maven from ../pom.xml). */
  readonly home: string;
  /** Folder for this instance's conf, data, logs and run files. */
  readonly dataDir: string;
  readonly boltPort: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly javaHome?: string | undefined;
  readonly startTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  /** The JVM's pid, or undefined when an already-running server was reused. */
  readonly pid: number | undefined;
  /** Stops the server with SIGTERM (Neo4j shuts down cleanly) and waits for the JVM to exit. */
  stop(): Promise<void>;
}

async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'unused'), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => undefined },
  });
  // An auto-commit query: executeQuery would retry a refused connection for 30 s.
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('RETURN 1');
    return true;
  } catch {
    return false;
  } finally {
    await session.close();
    await driver.close();
  }
}

function tail(file: string, lines = 25): string {
  if (!fs.existsSync(file)) return '(no output)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts Neo4j 5.26 Community (with APOC and GDS from home/plugins) as a child JVM listening for
 * Bolt on 127.0.0.1, and resolves once a driver round trip succeeds. If a server already answers
 * on the port it is reused and left running. Rejects with the server's last log lines when the
 * JVM exits or the timeout passes first.
 */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((line: string) => console.log(line));
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  if (await boltAnswers(uri)) {
    log(`Neo4j already answers on ${uri}; using it.`);
    return { uri, pid: undefined, stop: () => Promise.resolve() };
  }
  const java = findJava(options.javaHome);
  ensureJars(options.home, log);

  const instance = path.resolve(options.dataDir);
  const confDir = path.join(instance, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  fs.writeFileSync(
    path.join(confDir, 'neo4j.conf'),
    renderNeo4jConf({ instance, plugins: path.join(options.home, 'plugins'), ...options }),
  );
  const consoleLog = path.join(instance, 'console.log');
  const out = fs.openSync(consoleLog, 'w');
  const classpath = [path.join(options.home, 'plugins', '*'), path.join(confDir, '*'), path.join(options.home, 'lib', '*')];
  const child = spawn(
    java,
    [
      ...JVM_FLAGS,
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      '-cp',
      classpath.join(path.delimiter),
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${instance}`,
      `--config-dir=${confDir}`,
      '--console-mode',
    ],
    { stdio: ['ignore', out, out], env: { ...process.env, NEO4J_CONF: confDir, NEO4J_HOME: instance } },
  );
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (!(await boltAnswers(uri))) {
    if (exited) {
      throw new Error(`Neo4j exited with code ${child.exitCode} before it was ready:\n${tail(consoleLog)}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Neo4j was not ready within ${options.startTimeoutMs ?? 120_000} ms:\n${tail(consoleLog)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`Neo4j 5.26 ready on ${uri} (pid ${child.pid}, data in ${instance})`);

  return {
    uri,
    pid: child.pid,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 60_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 10_000);
      }
    },
  };
}
