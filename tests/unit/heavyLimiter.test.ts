import { OverloadedError } from '../../src/errors/domainErrors';
import { createHeavyLimiter } from '../../src/server/heavyLimiter';

/** A piece of work that finishes when the test says so. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('createHeavyLimiter', () => {
  it('runs at most `concurrency` at once, queues `queue` more in order, and refuses the rest at once', async () => {
    const refused: string[] = [];
    const limiter = createHeavyLimiter({ concurrency: 2, queue: 1, queueTimeoutMs: 10_000 }, (what) => refused.push(what));
    const work = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = work.map((w, i) =>
      limiter(`run ${i}`, async () => {
        started.push(i);
        await w.done;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect({ running: limiter.running(), waiting: limiter.waiting() }).toEqual({ running: 2, waiting: 1 });
    await expect(limiter('run 3', () => Promise.resolve(3))).rejects.toBeInstanceOf(OverloadedError);
    expect(refused).toEqual(['run 3']);
    work[0]!.finish();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // The slot passed straight to the queued run: no newcomer can slip in while it starts.
    expect(limiter.running()).toBe(2);
    work[1]!.finish();
    work[2]!.finish();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect({ running: limiter.running(), waiting: limiter.waiting() }).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a queued run that waited past the timeout, saying when to retry, and frees its place', async () => {
    const limiter = createHeavyLimiter({ concurrency: 1, queue: 5, queueTimeoutMs: 30 });
    const blocker = deferred();
    const first = limiter('first', () => blocker.done);
    const late = limiter('late', () => Promise.resolve('never'));
    await expect(late).rejects.toMatchObject({ code: 'OVERLOADED', details: { retryAfterSeconds: 1 } });
    expect(limiter.waiting()).toBe(0);
    blocker.finish();
    await first;
    expect(await limiter('after', () => Promise.resolve('ran'))).toBe('ran');
  });

  it('frees the slot when the work fails', async () => {
    const limiter = createHeavyLimiter({ concurrency: 1, queue: 0, queueTimeoutMs: 10 });
    await expect(limiter('boom', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter('next', () => Promise.resolve('ok'))).toBe('ok');
  });
});
