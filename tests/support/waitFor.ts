export interface WaitForOptions {
  /** What is awaited, in words: the error names it when the deadline passes. */
  readonly what: string;
  readonly timeoutMs: number;
  readonly intervalMs?: number;
}

/**
 * Polls check until it returns true, every intervalMs (250 by default), and throws naming what
 * it waited for once timeoutMs has passed. A check that throws counts as "not yet" (a server
 * coming up refuses connections first); the last error is quoted if the wait fails. Tests wait
 * for a state this way instead of sleeping a guessed time, so a slow, busy machine only makes
 * them slower, never red.
 */
export async function waitFor(check: () => boolean | Promise<boolean>, options: WaitForOptions): Promise<void> {
  const interval = options.intervalMs ?? 250;
  const deadline = Date.now() + options.timeoutMs;
  let last = 'the check never returned true';
  for (;;) {
    try {
      if (await check()) return;
      last = 'the check returned false';
    } catch (error) {
      last = `the check threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline) throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what} (${last})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
