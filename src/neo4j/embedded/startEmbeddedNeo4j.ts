import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, LOOPBACK, portIsTaken } from './freePort';
import { renderApocConf, renderNeo4jConf, JVM_FLAGS } from './neo4jConf';
import { PortInUseError } from './portInUseError';
import { probeBolt } from './probeBolt';
import { ensureJars, findJava } from './resolveRuntime';

export interface EmbeddedOptions {
  /** Folder holding lib/ and plugins/ (resolved by Maven from ../pom.xml). */
  readonly home: string;
  /** Folder for this instance's conf, data, logs and run files. */
  readonly dataDir: string;
  /** The Bolt port; refused when anything holds it. When omitted, a free port is chosen. */
  readonly boltPort?: number | undefined;
  readonly heap: string;
  readonly pageCache: string;
  readonly javaHome?: string | undefined;
  readonly startTimeoutMs?: number;
  readonly log?: (line: string) => void;
  /** Appended to the PortInUseError message: what the caller's user can do (an env variable, a flag). */
  readonly portInUseHint?: string;
  /** APOC triggers on (the default): the write path needs them; a test turns them off to see the API refuse writes. */
  readonly apocTriggers?: boolean;
  /** Where a free port comes from when boltPort is omitted (a test makes it lose the race). */
  readonly choosePort?: () => Promise<number>;
}

/** How the JVM ended: its exit code, or the signal that killed it. */
export interface JvmExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly boltPort: number;
  /** The JVM's pid. */
  readonly pid: number | undefined;
  /** Settles when the JVM exits, for whatever reason (stop(), a crash, kill -9): a supervisor restarts it. */
  readonly exited: Promise<JvmExit>;
  /** Stops the server with SIGTERM (Neo4j shuts down cleanly) and waits for the JVM to exit. */
  stop(): Promise<void>;
}

/** Free ports tried before giving up, when each one is taken between choosing it and binding it. */
const FREE_PORT_ATTEMPTS = 5;

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

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 60_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 10_000);
  }
}

/**
 * Starts Neo4j 5.26 Community (with APOC and GDS from home/plugins) as a child JVM listening for
 * Bolt on 127.0.0.1, and resolves once it answers a round trip and says it serves this data
 * folder. Never uses a server it did not start: a boltPort that anything already holds (checked
 * on the TCP port itself) is refused with a PortInUseError naming it. Without boltPort it takes
 * a free port, and takes another when a different process binds that one first. Rejects with
 * the server's last log lines when the JVM exits or the timeout passes first.
 */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.boltPort !== undefined && (await portIsTaken(options.boltPort))) {
    throw new PortInUseError(options.boltPort, options.portInUseHint);
  }
  const java = findJava(options.javaHome);
  ensureJars(options.home, log);
  if (options.boltPort !== undefined) return launch(java, options, options.boltPort, log);

  const choosePort = options.choosePort ?? freePort;
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort();
    try {
      return await launch(java, options, port, log);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= FREE_PORT_ATTEMPTS) throw error;
      log(`Bolt port ${port} was taken by another process before Neo4j bound it; choosing another.`);
    }
  }
}

async function launch(
  java: string,
  options: EmbeddedOptions,
  boltPort: number,
  log: (line: string) => void,
): Promise<EmbeddedNeo4j> {
  const uri = `bolt://${LOOPBACK}:${boltPort}`;
  const instance = path.resolve(options.dataDir);
  const confDir = path.join(instance, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  fs.writeFileSync(
    path.join(confDir, 'neo4j.conf'),
    renderNeo4jConf({ instance, plugins: path.join(options.home, 'plugins'), boltPort, pageCache: options.pageCache }),
  );
  fs.writeFileSync(path.join(confDir, 'apoc.conf'), renderApocConf({ triggers: options.apocTriggers ?? true }));
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
    {
      stdio: ['ignore', out, out],
      env: { ...process.env, NEO4J_CONF: confDir, NEO4J_HOME: instance },
      // Its own process group: a Ctrl-C in the terminal reaches the API, which drains its requests
      // and then stops Neo4j, instead of killing the database under requests still in flight.
      detached: true,
    },
  );
  fs.closeSync(out);
  let exited = false;
  const exit = new Promise<JvmExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
  });

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  const dataDir = path.join(instance, 'data');
  for (;;) {
    const probe = await probeBolt(uri);
    if (probe.answers && probe.dataDir === dataDir) break;
    if (probe.answers) {
      // Another Neo4j bound the port between the check and our JVM: never use it.
      await kill(child);
      throw new PortInUseError(boltPort, options.portInUseHint);
    }
    if (exited) {
      // Neo4j logs the bind failure, stops, and its JVM exits (after the whole database start).
      if (/PortBindException|Address already in use/.test(fs.readFileSync(consoleLog, 'utf8'))) {
        throw new PortInUseError(boltPort, options.portInUseHint);
      }
      throw new Error(`Neo4j exited with code ${child.exitCode} before it was ready:\n${tail(consoleLog)}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Neo4j was not ready within ${timeoutMs} ms:\n${tail(consoleLog)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`Neo4j 5.26 ready on ${uri} (pid ${child.pid}, data in ${instance})`);

  return {
    uri,
    boltPort,
    pid: child.pid,
    exited: exit,
    async stop() {
      if (exited) return;
      await kill(child);
    },
  };
}
