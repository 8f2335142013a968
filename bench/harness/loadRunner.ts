import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { LoadJob, LoadResult } from './loadClient';

/** The parent's handle on the load-generator child process. */
export interface LoadRunner {
  run(job: LoadJob): Promise<LoadResult>;
  close(): void;
}

type Reply = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Starts the load generator (loadClient.ts under tsx) as a child process and returns its handle. */
export function startLoadRunner(): LoadRunner {
  const child: ChildProcess = fork(path.join(__dirname, 'loadClient.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run(job) {
      return new Promise<LoadResult>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (${String(code)}) during a run`));
        child.once('exit', onExit);
        child.once('message', (reply: Reply) => {
          child.off('exit', onExit);
          if (reply.ok) resolve(reply.result);
          else reject(new Error(reply.error));
        });
        child.send(job);
      });
    },
    close() {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
