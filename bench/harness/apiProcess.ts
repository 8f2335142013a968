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
  /** Resident memory now and its peak since the last resetPeak (the kernel's VmRSS and VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  /** Restarts the kernel's peak count (VmHWM) from the current resident size. */
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
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    lastError: () => lastError,
    memory() {
      const text = status();
      return { rssMb: Math.round(kilobytes(text, 'VmRSS') / 1024), peakMb: Math.round(kilobytes(text, 'VmHWM') / 1024) };
    },
    resetPeak() {
      // 5: reset the peak resident set size (proc(5), /proc/pid/clear_refs); allowed for one's own child.
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    },
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
