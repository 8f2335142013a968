import { execFileSync } from 'node:child_process';
import net from 'node:net';

export interface TreeProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly rssMb: number;
  readonly args: string;
}

/** Every live process descending from root (root included), read from ps. */
export function processTree(root: number): TreeProcess[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rssMb: Math.round(Number(m[3]) / 1024), args: m[4] ?? '' }));
  const tree: TreeProcess[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const pid = frontier.pop()!;
    for (const row of rows) {
      if (row.pid === pid) tree.push(row);
      if (row.ppid === pid) frontier.push(row.pid);
    }
  }
  return tree;
}

/** Whether a process with this pid is alive (a zombie counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .startsWith('Z');
  } catch {
    return false;
  }
}

/** Whether nothing listens on the TCP port on 127.0.0.1 (it can be bound). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}
