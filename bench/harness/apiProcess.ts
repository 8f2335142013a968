import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/neo4j/embedded/freePort';
import { waitFor } from '../../tests/support/waitFor';
import { PROJECT_ROOT } from '../synthetic/benchDatabase';

/** The compiled API in a process of its own, as `npm start` runs it, on a database it does not own. */
export interface ApiProcess {
  readonly url: string;
  readonly pid: number;
  /** The API's last error line (its answers mask unexpected errors). */
  lastError(): string | undefined;
  /**
   * Resident memory now and its peak since the last resetPeak (the kernel's VmRSS and VmHWM), in MB;
   * and the largest peak any of its child processes reached meanwhile (the movement base worker;
   * sampled every 250 ms), 0 when none ran.
   */
  memory(): { rssMb: number; peakMb: number; childPeakMb: number };
  /** Restarts the kernel's peak counts (VmHWM) from the current resident sizes, the API's and its children's. */
  resetPeak(): void;
  close(): Promise<void>;
}

/**
 * The Node arguments of `npm start` (package.json: `exec node <flags> scripts/start.js`), so the
 * bench runs the API with the same V8 settings an operator gets.
 */
export function startScriptArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const node = words.indexOf('node');
  if (node < 0 || words.at(-1) !== 'scripts/start.js') {
    throw new Error(`package.json's start script is not "… node [flags] scripts/start.js": ${pkg.scripts.start}`);
  }
  return [...words.slice(node + 1, -1), path.join(PROJECT_ROOT, 'scripts', 'start.js')];
}

function kilobytes(status: string, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** Given a process id, returns the ids of its child processes (proc(5): /proc/pid/task/tid/children), none when it is gone. */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
      .filter((id) => id !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** One JSON log line's message and error, in one line. */
function describeLogLine(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { code?: string; message?: string } };
    const err = entry.err ? `${entry.err.code ? `${entry.err.code}: ` : ''}${entry.err.message ?? ''}` : '';
    return `${entry.msg ?? ''}${err ? ` (${err})` : ''}`.replace(/\s+/g, ' ').slice(0, 300);
  } catch {
    return line.slice(0, 300);
  }
}

/**
 * Given a Bolt URI, starts the API as `npm start` does (scripts/start.js builds dist/ when it is
 * stale, then runs dist/main.js in the same process) in production mode on a free loopback port,
 * with no rate limit (one load generator is one client), and resolves once it has answered its
 * start-up work: ready, its query plans warm, and its name-index sweep done. Its log goes to the
 * bench's stderr at warn and above.
 */
export async function startApiProcess(neo4jUri: string, log: (line: string) => void): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, startScriptArgs(), {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: neo4jUri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 'unused',
      SEED_ON_EMPTY: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
    },
  });
  let lastError: string | undefined;
  const seen: string[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const level = /"level":"(\w+)"/.exec(line)?.[1];
      if (level === undefined) continue;
      seen.push(describeLogLine(line));
      if (level !== 'info') {
        lastError = describeLogLine(line);
        log(`[api ${level}] ${lastError}`);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[api] ${chunk.toString()}`));
  const pid = child.pid;
  if (pid === undefined) throw new Error('the API process did not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${seen.slice(-3).join(' | ')}`);
        // Start-up is over when the plans are warm and the name-index sweep has ended (done or failed).
        return (
          seen.some((l) => l.startsWith('Query plans of the heavy analytics ready')) &&
          seen.some((l) => l.startsWith('Name index'))
        );
      },
      { what: 'the API process to start, warm its plans and check its name index', timeoutMs: 900_000, intervalMs: 500 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  log(seen.filter((l) => /^(GraphQL ready|Query plans|Name index)/.test(l)).join('; '));
  const status = () => fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  // The API's children (the movement base worker, a cube build after an edit) come and go: their
  // peaks are sampled while they run, since a worker let go takes its VmHWM with it.
  let childPeakKb = 0;
  const sampleChildren = () => {
    for (const child of childrenOf(pid)) {
      try {
        childPeakKb = Math.max(childPeakKb, kilobytes(fs.readFileSync(`/proc/${child}/status`, 'utf8'), 'VmHWM'));
      } catch {
        // Gone between the listing and the read.
      }
    }
  };
  const sampler = setInterval(sampleChildren, 250);
  sampler.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    lastError: () => lastError,
    memory() {
      const text = status();
      sampleChildren();
      return {
        rssMb: Math.round(kilobytes(text, 'VmRSS') / 1024),
        peakMb: Math.round(kilobytes(text, 'VmHWM') / 1024),
        childPeakMb: Math.round(childPeakKb / 1024),
      };
    },
    resetPeak() {
      // 5: reset the peak resident set size (proc(5), /proc/pid/clear_refs); allowed for one's own descendants.
      for (const id of [pid, ...childrenOf(pid)]) {
        try {
          fs.writeFileSync(`/proc/${id}/clear_refs`, '5');
        } catch {
          // A child gone meanwhile.
        }
      }
      childPeakKb = 0;
    },
    async close() {
      clearInterval(sampler);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
